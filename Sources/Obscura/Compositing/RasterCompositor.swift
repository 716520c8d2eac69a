import CCairo

/// Composites a poster's layers onto one ARGB32 image surface.
///
/// Layers that need nothing but source-over at full opacity are drawn
/// straight onto the page. A layer with a blend mode, opacity, mask or
/// effects is drawn alone on a surface of its own, processed, composited
/// with its Cairo operator (through the mask when it has one) and freed at
/// once, so at most a page, one layer and one mask exist at a time.
///
/// FIXME: a drawing layer's Cairo calls run on one core (the A2 benchmark
/// spends about 0.9 s of its 2 s in `cairo_stroke`). Replaying the closure
/// into page bands on both cores would need closures that are safe to run
/// concurrently, which the `Sketch` contract does not ask of sketches.
struct RasterCompositor {
  /// The render's shared images and seeds.
  let session: RenderSession
  /// The geometry of this raster (the poster's, or a thumbnail's).
  let geometry: PageGeometry
  /// Where isolated layers' surfaces are recycled; `nil` allocates each afresh.
  var pool: SurfacePool? = nil

  /// A transparent page-sized surface.
  func makeSurface(format: cairo_format_t = CAIRO_FORMAT_ARGB32) throws -> CairoSurface {
    if let pool {
      return try pool.take(
        width: geometry.pixelWidth, height: geometry.pixelHeight, format: format)
    }
    return try CairoSurface.image(
      width: geometry.pixelWidth, height: geometry.pixelHeight, format: format)
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
  ///
  /// Only the layer's ink bounds (grown by its blur) are processed and
  /// composited: outside them the layer is transparent, and every blend
  /// mode leaves the backdrop unchanged under a transparent source.
  func composite(_ layer: Layer, key: String, onto page: CairoSurface, context: CairoContext)
    throws
  {
    if RasterCompositor.drawsDirectly(layer) {
      try session.drawContent(layer, key: key, on: context, geometry: geometry)
      return
    }
    let isolated = try isolate(layer, key: key)
    defer { pool?.recycle(isolated.surface) }
    guard var bounds = isolated.bounds else { return }
    var coverage: CairoSurface?
    defer { coverage.map { pool?.recycle($0) } }
    if let mask = layer.mask {
      let (surface, maskBounds) = try maskSurface(
        mask, key: key + ".mask", opacity: layer.opacity, within: bounds)
      if !mask.inverted {
        guard let maskBounds, let overlap = bounds.intersection(maskBounds) else { return }
        bounds = overlap
      }
      coverage = surface
    }
    let cr = context.pointer
    cairo_save(cr)
    cairo_identity_matrix(cr)
    bounds.addPath(to: cr)
    cairo_clip(cr)
    cairo_set_operator(cr, layer.blendMode.cairoOperator)
    cairo_set_source_surface(cr, isolated.surface.pointer, 0, 0)
    if let coverage {
      cairo_mask_surface(cr, coverage.pointer, 0, 0)
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

  /// A layer drawn alone: its page-sized pixels and where they are not transparent.
  struct Isolated {
    /// The layer's pixels, page-sized.
    let surface: CairoSurface
    /// The ink bounds after effects; `nil` when the layer drew nothing.
    let bounds: PixelRect?
  }

  /// The layer's content with its effects applied, alone on a transparent surface.
  func isolate(_ layer: Layer, key: String) throws -> Isolated {
    let surface = try makeSurface()
    do {
      let context = try sketchContext(surface)
      try session.drawContent(layer, key: key, on: context, geometry: geometry)
    }
    guard let ink = surface.inkBounds() else { return Isolated(surface: surface, bounds: nil) }
    // A blur of σ reaches about 3σ; the reduced blur adds a few coarse pixels.
    var margin = 0
    for case .blur(let radius) in layer.effects {
      let sigma = radius * geometry.pixelsPerUnit
      margin += Int((3 * sigma).rounded(.up)) + (sigma > 6 ? 2 * Int(sigma / 3) : 0) + 2
    }
    let bounds = ink.expanded(by: margin, within: surface.width, surface.height)
    if !layer.effects.isEmpty {
      try PixelEffects.apply(
        layer.effects, to: try surface.view(bounds), origin: (bounds.x, bounds.y),
        geometry: geometry, seed: session.seed(for: key + ".fx"))
    }
    return Isolated(surface: surface, bounds: bounds)
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
  ///
  /// Coverage is computed inside `region` only; the rest stays 0. Also
  /// returns the mask source's ink bounds (`nil` when it drew nothing).
  func maskSurface(_ mask: Mask, key: String, opacity: Double, within region: PixelRect)
    throws -> (CairoSurface, PixelRect?)
  {
    let source = try renderAlone(mask.source, key: key)
    defer { pool?.recycle(source) }
    let sourceBounds = source.inkBounds()
    source.flush()
    let coverage = try makeSurface(format: CAIRO_FORMAT_A8)
    coverage.flush()
    let (width, height) = (source.width, source.height)
    let (sourceStride, targetStride) = (source.stride, coverage.stride)
    let (sourceData, targetData) = (source.data, coverage.data)
    let scale = UInt32((min(max(opacity, 0), 1) * 256).rounded())
    let (luminance, inverted) = (mask.mode == .luminance, mask.inverted)
    let rows = region.height
    let columns = region.x..<min(width, region.x + region.width)
    let bands = bandCount(rows)
    parallelFor(bands) { band in
      for r in (band * rows / bands)..<((band + 1) * rows / bands) {
        let y = region.y + r
        guard y < height else { continue }
        let row = UnsafeRawPointer(sourceData + y * sourceStride).assumingMemoryBound(
          to: UInt32.self)
        let out = targetData + y * targetStride
        for x in columns {
          let word = row[x]
          var m: UInt32
          if luminance {
            // Integer Rec. 709 weights out of 65536: 13933, 46871, 4732.
            m =
              (13933 * ((word >> 16) & 0xFF) + 46871 * ((word >> 8) & 0xFF)
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
    return (coverage, sourceBounds)
  }
}
