import CCairo

/// Composites a poster onto a PDF or SVG surface, keeping drawing and text vector.
///
/// Plain layers are drawn as they are; blend modes and opacity go through
/// Cairo groups, which PDF expresses with blend modes and soft masks. A
/// layer with raster effects, a luminance or inverted mask, or pixels from
/// a provider is rendered by the raster path at the export DPI and embedded
/// as an image.
struct VectorCompositor {
  /// The render's shared images and seeds.
  let session: RenderSession
  /// The geometry at the export DPI (used for embedded images).
  let geometry: PageGeometry

  /// Draws the poster on `surface`, a PDF or SVG surface sized in points.
  func draw(on surface: CairoSurface, progress: (Int, Layer) -> Void = { _, _ in }) throws {
    cairo_surface_set_fallback_resolution(surface.pointer, geometry.dpi, geometry.dpi)
    let context = try CairoContext(surface)
    let cr = context.pointer
    cairo_scale(cr, geometry.pointsPerUnit, geometry.pointsPerUnit)
    cairo_translate(cr, geometry.bleed, geometry.bleed)
    if let background = session.poster.settings.background {
      let box = geometry.bleedBox
      cairo_rectangle(cr, box.minX, box.minY, box.width, box.height)
      cairo_set_source_rgba(
        cr, background.red, background.green, background.blue, background.alpha)
      cairo_fill(cr)
    }
    for (index, layer) in session.poster.layers.enumerated() {
      progress(index, layer)
      try draw(layer, key: "\(index)", on: context)
    }
    if session.poster.settings.cropMarks { CropMarks.draw(on: cr, geometry: geometry) }
    try context.check("drawing the vector page")
  }

  /// Whether `layer` must be embedded as pixels.
  static func needsRaster(_ layer: Layer) -> Bool {
    if !layer.effects.isEmpty { return true }
    if case .raster = layer.content { return true }
    if let mask = layer.mask {
      return mask.mode == .luminance || mask.inverted || needsRaster(mask.source)
    }
    return false
  }

  private func draw(_ layer: Layer, key: String, on context: CairoContext) throws {
    let cr = context.pointer
    if VectorCompositor.needsRaster(layer) {
      try embedRaster(layer, key: key, on: context)
      return
    }
    if RasterCompositor.drawsDirectly(layer) {
      try session.drawContent(layer, key: key, on: context, geometry: geometry)
      return
    }
    cairo_save(cr)
    cairo_push_group(cr)
    try session.drawContent(layer, key: key, on: context, geometry: geometry)
    if let mask = layer.mask {
      // Content through the mask layer's alpha: a PDF soft mask (cairo_mask).
      guard let content = cairo_pop_group(cr) else {
        throw ObscuraError.cairo(operation: "cairo_pop_group", status: "no group")
      }
      let contentPattern = try CairoPattern(owning: content, operation: "layer group")
      cairo_push_group(cr)
      try draw(mask.source.blend(.normal), key: key + ".mask", on: context)
      guard let coverage = cairo_pop_group(cr) else {
        throw ObscuraError.cairo(operation: "cairo_pop_group", status: "no group")
      }
      let maskPattern = try CairoPattern(owning: coverage, operation: "mask group")
      cairo_push_group(cr)
      cairo_set_source(cr, contentPattern.pointer)
      cairo_mask(cr, maskPattern.pointer)
    }
    cairo_pop_group_to_source(cr)
    cairo_set_operator(cr, layer.blendMode.cairoOperator)
    cairo_paint_with_alpha(cr, layer.opacity)
    cairo_restore(cr)
    try context.check("drawing layer '\(layer.name)'")
  }

  /// Renders `layer` by the raster path and paints its ink bounds as an image
  /// at the export DPI.
  private func embedRaster(_ layer: Layer, key: String, on context: CairoContext) throws {
    let raster = RasterCompositor(session: session, geometry: geometry)
    let isolated = try raster.isolate(layer, key: key)
    guard var bounds = isolated.bounds else { return }
    var coverage: CairoSurface?
    if let mask = layer.mask {
      let (surface, maskBounds) = try raster.maskSurface(
        mask, key: key + ".mask", opacity: layer.opacity, within: bounds)
      if !mask.inverted {
        guard let maskBounds, let overlap = bounds.intersection(maskBounds) else { return }
        bounds = overlap
      }
      coverage = try surface.view(bounds)
    }
    let pixels = try isolated.surface.view(bounds)
    let cr = context.pointer
    let box = geometry.bleedBox
    cairo_save(cr)
    cairo_translate(cr, box.minX, box.minY)
    cairo_scale(cr, 1 / geometry.pixelsPerUnit, 1 / geometry.pixelsPerUnit)
    cairo_translate(cr, Double(bounds.x), Double(bounds.y))
    cairo_set_operator(cr, layer.blendMode.cairoOperator)
    cairo_set_source_surface(cr, pixels.pointer, 0, 0)
    if let coverage {
      cairo_mask_surface(cr, coverage.pointer, 0, 0)
    } else {
      cairo_paint_with_alpha(cr, layer.opacity)
    }
    cairo_restore(cr)
    try context.check("embedding layer '\(layer.name)'")
  }
}
