import CCairo

/// Draws an image in its target rectangle according to a ``Placement``.
///
/// With `cover` and `contain` the image is scaled uniformly by
/// s = max (cover) or min (contain) of (rect.w / w, rect.h / h) and its
/// anchor point is put on the rectangle's anchor point; `stretch` scales x
/// and y separately; `tile` repeats the image at its natural size
/// (pixels / its DPI, 72 when it declares none) starting at the anchor.
struct ImagePlacer {
  /// The geometry of the output being drawn.
  let geometry: PageGeometry

  /// Draws `image` on `context` (user space in sketch units).
  func draw(
    _ image: RasterImage, _ placement: Placement, layerName: String,
    on context: CairoContext
  ) throws {
    let rect = placement.rect ?? geometry.bleedBox
    guard !rect.isEmpty else { throw ObscuraError.emptyTargetRect(layer: layerName) }
    let cr = context.pointer
    let (w, h) = (Double(image.width), Double(image.height))

    cairo_save(cr)
    defer { cairo_restore(cr) }
    cairo_rectangle(cr, rect.minX, rect.minY, rect.width, rect.height)
    cairo_clip(cr)

    if placement.fit == .tile {
      let unitsPerPixel = 1 / ((image.dpi ?? 72) * geometry.inchesPerUnit)
      let tile = Size(width: w * unitsPerPixel, height: h * unitsPerPixel)
      let anchorPoint = rect.point(at: placement.anchor)
      let origin = Point(
        anchorPoint.x - placement.anchor.unitX * tile.width,
        anchorPoint.y - placement.anchor.unitY * tile.height)
      let surface = try image.cairoSurface()
      let pattern = try CairoPattern(
        owning: cairo_pattern_create_for_surface(surface.pointer), operation: "tile pattern")
      cairo_pattern_set_extend(pattern.pointer, CAIRO_EXTEND_REPEAT)
      setFilter(pattern.pointer, placement.filter)
      var matrix = cairo_matrix_t()
      cairo_matrix_init_scale(&matrix, 1 / unitsPerPixel, 1 / unitsPerPixel)
      cairo_matrix_translate(&matrix, -origin.x, -origin.y)
      cairo_pattern_set_matrix(pattern.pointer, &matrix)
      cairo_set_source(cr, pattern.pointer)
      cairo_paint(cr)
      return
    }

    let dest = destination(
      imageSize: Size(width: w, height: h), placement.fit,
      placement.anchor, in: rect)
    let destPixels = (dest.width * geometry.pixelsPerUnit, dest.height * geometry.pixelsPerUnit)
    let enlarging = destPixels.0 > w * 1.01 || destPixels.1 > h * 1.01

    if placement.filter == .lanczos && enlarging {
      // Resample only the part that shows: dest ∩ rect ∩ bleed box, in dest pixels.
      let fullWidth = max(1, Int(destPixels.0.rounded()))
      let fullHeight = max(1, Int(destPixels.1.rounded()))
      let ppu = (Double(fullWidth) / dest.width, Double(fullHeight) / dest.height)
      let visibleMinX = max(dest.minX, rect.minX, geometry.bleedBox.minX)
      let visibleMinY = max(dest.minY, rect.minY, geometry.bleedBox.minY)
      let visibleMaxX = min(dest.maxX, rect.maxX, geometry.bleedBox.maxX)
      let visibleMaxY = min(dest.maxY, rect.maxY, geometry.bleedBox.maxY)
      guard visibleMaxX > visibleMinX, visibleMaxY > visibleMinY else { return }
      let x0 = max(0, Int(((visibleMinX - dest.minX) * ppu.0).rounded(.down)))
      let y0 = max(0, Int(((visibleMinY - dest.minY) * ppu.1).rounded(.down)))
      let x1 = min(fullWidth, Int(((visibleMaxX - dest.minX) * ppu.0).rounded(.up)))
      let y1 = min(fullHeight, Int(((visibleMaxY - dest.minY) * ppu.1).rounded(.up)))
      guard x1 > x0, y1 > y0 else { return }
      let surface = try Resampler(filter: .lanczos).surface(
        image, toWidth: fullWidth, height: fullHeight,
        window: Resampler.Window(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
      cairo_translate(cr, dest.minX, dest.minY)
      cairo_scale(cr, 1 / ppu.0, 1 / ppu.1)
      cairo_set_source_surface(cr, surface.pointer, Double(x0), Double(y0))
      cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
      cairo_rectangle(cr, Double(x0), Double(y0), Double(x1 - x0), Double(y1 - y0))
      cairo_fill(cr)
      return
    }

    let surface = try image.cairoSurface()
    cairo_translate(cr, dest.minX, dest.minY)
    cairo_scale(cr, dest.width / w, dest.height / h)
    cairo_set_source_surface(cr, surface.pointer, 0, 0)
    let source = cairo_get_source(cr)!
    cairo_pattern_set_extend(source, CAIRO_EXTEND_PAD)
    setFilter(source, placement.filter)
    cairo_rectangle(cr, 0, 0, w, h)
    cairo_fill(cr)
  }

  /// The rectangle the whole image covers for `fit` and `anchor` in `rect`.
  func destination(imageSize: Size, _ fit: Fit, _ anchor: Anchor, in rect: Rect) -> Rect {
    let sx = rect.width / imageSize.width
    let sy = rect.height / imageSize.height
    let size: Size
    switch fit {
    case .stretch, .tile: return rect
    case .cover:
      size = Size(width: imageSize.width * max(sx, sy), height: imageSize.height * max(sx, sy))
    case .contain:
      size = Size(width: imageSize.width * min(sx, sy), height: imageSize.height * min(sx, sy))
    }
    return Rect(
      x: rect.minX + anchor.unitX * (rect.width - size.width),
      y: rect.minY + anchor.unitY * (rect.height - size.height), width: size.width,
      height: size.height)
  }

  private func setFilter(_ pattern: OpaquePointer, _ filter: ResamplingFilter) {
    switch filter {
    case .nearest: cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
    case .smooth, .lanczos: cairo_pattern_set_filter(pattern, CAIRO_FILTER_GOOD)
    }
  }
}

extension Canvas {
  /// Draws `image` in `rect` (sketch units) with a fit mode, an anchor and a
  /// resampling filter, like an image layer does; a contact sheet of several
  /// images can be one drawing layer.
  ///
  /// - Throws: ``ObscuraError/emptyTargetRect(layer:)`` when `rect` has no area.
  public func draw(
    _ image: RasterImage, in rect: Rect, fit: Fit = .cover, anchor: Anchor = .center,
    filter: ResamplingFilter = .lanczos
  ) throws {
    let placement = Placement(fit: fit, anchor: anchor, rect: rect, filter: filter)
    try ImagePlacer(geometry: geometry).draw(
      image, placement, layerName: "image in a drawing", on: context)
  }
}
