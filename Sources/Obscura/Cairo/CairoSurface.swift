import CCairo
import Foundation

/// The one Swift owner of a `cairo_surface_t`; destroys it in `deinit`.
final class CairoSurface {
  /// The owned surface.
  let pointer: OpaquePointer
  /// The surface whose memory a view shares, kept alive as long as the view.
  var parent: CairoSurface?

  /// Takes ownership of `pointer`, checking its status (`cairo_surface_status`).
  init(owning pointer: OpaquePointer, operation: String) throws {
    self.pointer = pointer
    try CairoSurface.check(cairo_surface_status(pointer), operation)
  }

  deinit { cairo_surface_destroy(pointer) }

  /// A new image surface (`cairo_image_surface_create`), cleared to transparent.
  static func image(width: Int, height: Int, format: cairo_format_t = CAIRO_FORMAT_ARGB32)
    throws -> CairoSurface
  {
    try CairoSurface(
      owning: cairo_image_surface_create(format, Int32(width), Int32(height)),
      operation: "cairo_image_surface_create(\(width)×\(height))")
  }

  /// A PDF surface writing to `path` (`cairo_pdf_surface_create`), size in points.
  static func pdf(path: String, size: Size) throws -> CairoSurface {
    try CairoSurface(
      owning: cairo_pdf_surface_create(path, size.width, size.height),
      operation: "cairo_pdf_surface_create(\(path))")
  }

  /// An SVG surface writing to `path` (`cairo_svg_surface_create`), size in points.
  static func svg(path: String, size: Size) throws -> CairoSurface {
    try CairoSurface(
      owning: cairo_svg_surface_create(path, size.width, size.height),
      operation: "cairo_svg_surface_create(\(path))")
  }

  /// Image width in pixels (`cairo_image_surface_get_width`).
  var width: Int { Int(cairo_image_surface_get_width(pointer)) }
  /// Image height in pixels (`cairo_image_surface_get_height`).
  var height: Int { Int(cairo_image_surface_get_height(pointer)) }
  /// Bytes per image row (`cairo_image_surface_get_stride`).
  var stride: Int { Int(cairo_image_surface_get_stride(pointer)) }
  /// The image's pixel memory (`cairo_image_surface_get_data`); call ``flush()`` first.
  var data: UnsafeMutablePointer<UInt8> { cairo_image_surface_get_data(pointer)! }

  /// Finishes pending drawing before direct pixel access (`cairo_surface_flush`).
  func flush() { cairo_surface_flush(pointer) }
  /// Tells Cairo the pixels were changed directly (`cairo_surface_mark_dirty`).
  func markDirty() { cairo_surface_mark_dirty(pointer) }

  /// Writes out and closes a vector surface (`cairo_surface_finish`).
  func finish() throws {
    cairo_surface_finish(pointer)
    try CairoSurface.check(cairo_surface_status(pointer), "cairo_surface_finish")
  }

  /// Throws when `status` is not `CAIRO_STATUS_SUCCESS` (`cairo_status_to_string`).
  static func check(_ status: cairo_status_t, _ operation: String) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw ObscuraError.cairo(
      operation: operation, status: String(cString: cairo_status_to_string(status)))
  }
}
