import CCairo

/// The one Swift owner of a `cairo_t`; destroys it in `deinit`.
final class CairoContext {
  /// The owned context.
  let pointer: OpaquePointer
  /// The surface drawn on, kept alive as long as the context.
  let surface: CairoSurface

  /// Creates a context drawing on `surface` (`cairo_create`).
  init(_ surface: CairoSurface) throws {
    self.surface = surface
    pointer = cairo_create(surface.pointer)
    try check("cairo_create")
  }

  deinit { cairo_destroy(pointer) }

  /// Throws when the context is in an error state (`cairo_status`).
  func check(_ operation: String) throws {
    try CairoSurface.check(cairo_status(pointer), operation)
  }
}

/// The one Swift owner of a `cairo_pattern_t`; destroys it in `deinit`.
final class CairoPattern {
  /// The owned pattern.
  let pointer: OpaquePointer

  /// Takes ownership of `pointer`, checking `cairo_pattern_status`.
  init(owning pointer: OpaquePointer, operation: String) throws {
    self.pointer = pointer
    try CairoSurface.check(cairo_pattern_status(pointer), operation)
  }

  deinit { cairo_pattern_destroy(pointer) }
}
