import CCairo

/// Composites a poster's layers onto one ARGB32 image surface.
///
/// Layers that need nothing but source-over at full opacity are drawn
/// straight onto the page. A layer with a blend mode, opacity, mask or
/// effects is drawn alone on a surface of its own, processed, composited
/// with its Cairo operator (through the mask when it has one) and freed at
/// once, so at most a page, one layer and one mask exist at a time.
struct RasterCompositor {
  /// The render's shared images and seeds.
  let session: RenderSession
  /// The geometry of this raster (the poster's, or a thumbnail's).
  let geometry: PageGeometry

  /// A new transparent page-sized surface.
  func makeSurface() throws -> CairoSurface {
    try CairoSurface.image(width: geometry.pixelWidth, height: geometry.pixelHeight)
  }

  /// A context on `surface` whose user space is the sketch's units:
  /// device = (user + bleed) · pixelsPerUnit.
  func sketchContext(_ surface: CairoSurface) throws -> CairoContext {
    let context = try CairoContext(surface)
    cairo_scale(context.pointer, geometry.pixelsPerUnit, geometry.pixelsPerUnit)
    cairo_translate(context.pointer, geometry.bleed, geometry.bleed)
    return context
  }

  /// Renders the whole poster: background, every layer, crop marks.
  func composite(progress: (Int, Layer) -> Void = { _, _ in }) throws -> CairoSurface {
    let page = try makeSurface()
    let context = try sketchContext(page)
    if let background = session.poster.settings.background {
      cairo_set_source_rgba(
        context.pointer, background.red, background.green, background.blue, background.alpha)
      cairo_paint(context.pointer)
    }
    for (index, layer) in session.poster.layers.enumerated() {
      progress(index, layer)
      try composite(layer, key: "\(index)", onto: page, context: context)
    }
    if session.poster.settings.cropMarks {
      CropMarks.draw(on: context.pointer, geometry: geometry)
    }
    try context.check("compositing the poster")
    return page
  }

  /// Composites one layer onto `page`.
  func composite(_ layer: Layer, key: String, onto page: CairoSurface, context: CairoContext)
    throws
  {
    if RasterCompositor.drawsDirectly(layer) {
      try session.drawContent(layer, key: key, on: context, geometry: geometry)
      return
    }
    let isolated = try isolate(layer, key: key)
    let mask = try layer.mask.map { try maskSurface($0, key: key + ".mask", opacity: layer.opacity) }
    let cr = context.pointer
    cairo_save(cr)
    cairo_identity_matrix(cr)
    cairo_set_operator(cr, layer.blendMode.cairoOperator)
    cairo_set_source_surface(cr, isolated.pointer, 0, 0)
    if let mask {
      cairo_mask_surface(cr, mask.pointer, 0, 0)
    } else {
      cairo_paint_with_alpha(cr, layer.opacity)
    }
    cairo_restore(cr)
    try context.check("compositing layer '\(layer.name)'")
  }

  /// Whether `layer` can be drawn straight onto the page.
  static func drawsDirectly(_ layer: Layer) -> Bool {
    layer.blendMode == .normal && layer.opacity >= 1 && layer.mask == nil
      && layer.effects.isEmpty
  }

  /// The layer's content with its effects applied, alone on a transparent surface.
  func isolate(_ layer: Layer, key: String) throws -> CairoSurface {
    let surface = try makeSurface()
    do {
      let context = try sketchContext(surface)
      try session.drawContent(layer, key: key, on: context, geometry: geometry)
    }
    try PixelEffects.apply(
      layer.effects, to: surface, geometry: geometry, seed: session.seed(for: key + ".fx"))
    return surface
  }

  /// The layer as it contributes to the poster under normal blending: content,
  /// effects, mask and opacity, on a transparent surface (for per-layer files).
  func renderAlone(_ layer: Layer, key: String) throws -> CairoSurface {
    let page = try makeSurface()
    let context = try sketchContext(page)
    try composite(layer.blend(.normal), key: key, onto: page, context: context)
    return page
  }

  /// An A8 coverage surface for `mask`, with the layer's opacity folded in:
  /// m = coverage · opacity, coverage = α (alpha mode) or
  /// 0.2126 R′ + 0.7152 G′ + 0.0722 B′ on premultiplied colour (luminance
  /// mode, which equals luma · α), and 1 − coverage when inverted.
  func maskSurface(_ mask: Mask, key: String, opacity: Double) throws -> CairoSurface {
    let source = try renderAlone(mask.source, key: key)
    source.flush()
    let coverage = try CairoSurface.image(
      width: source.width, height: source.height, format: CAIRO_FORMAT_A8)
    coverage.flush()
    let (width, height) = (source.width, source.height)
    let (sourceStride, targetStride) = (source.stride, coverage.stride)
    let (sourceData, targetData) = (source.data, coverage.data)
    let scale = UInt32((min(max(opacity, 0), 1) * 256).rounded())
    let (luminance, inverted) = (mask.mode == .luminance, mask.inverted)
    let bands = bandCount(height)
    parallelFor(bands) { band in
      for y in (band * height / bands) ..< ((band + 1) * height / bands) {
        let row = UnsafeRawPointer(sourceData + y * sourceStride).assumingMemoryBound(
          to: UInt32.self)
        let out = targetData + y * targetStride
        for x in 0 ..< width {
          let word = row[x]
          var m: UInt32
          if luminance {
            // Integer Rec. 709 weights out of 65536: 13933, 46871, 4732.
            m = (13933 * ((word >> 16) & 0xFF) + 46871 * ((word >> 8) & 0xFF)
              + 4732 * (word & 0xFF) + 32768) >> 16
          } else {
            m = word >> 24
          }
          if inverted { m = 255 - m }
          out[x] = UInt8((m * scale + 128) >> 8)
        }
      }
    }
    coverage.markDirty()
    return coverage
  }
}
