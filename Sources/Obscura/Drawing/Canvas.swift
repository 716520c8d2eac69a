import CCairo

/// The surface a drawing layer draws on: a Swift face of a Cairo context.
///
/// Coordinates are in the sketch's unit with the origin at the trim's
/// top-left corner; the runtime has already scaled the context, so the same
/// calls give the same picture at any DPI and in PDF and SVG. A layer's
/// drawing closure runs once per output (raster, PDF, SVG), so everything it
/// draws must come from its inputs: use ``random`` (reseeded for every run)
/// rather than a generator captured from outside.
///
/// Build a path with ``move(to:)``, ``line(to:)``, … then ``fill(_:rule:preserve:)``
/// or ``stroke(_:_:preserve:)`` it, or draw a ``Path`` value in one call.
public final class Canvas {
  let context: CairoContext
  var cr: OpaquePointer { context.pointer }

  /// The poster's geometry: units, DPI, trim and bleed.
  public let geometry: PageGeometry
  /// A generator seeded from the poster's seed and the layer's position,
  /// identical on every run of the closure.
  public var random: SeededRandom
  /// Smooth noise seeded from the poster's seed.
  public let noise: Noise

  init(context: CairoContext, geometry: PageGeometry, seed: UInt64, noiseSeed: UInt64) {
    self.context = context
    self.geometry = geometry
    random = SeededRandom(seed: seed)
    noise = Noise(seed: noiseSeed)
  }

  /// The trim box, (0, 0, width, height).
  public var bounds: Rect { geometry.trimBox }
  /// The trim box grown by the bleed: everything that is printed.
  public var bleedBox: Rect { geometry.bleedBox }
  /// The trim width in sketch units.
  public var width: Double { geometry.trimSize.width }
  /// The trim height in sketch units.
  public var height: Double { geometry.trimSize.height }
  /// Converts `value` in `unit` to sketch units (e.g. `ctx.length(0.5, .pt)`).
  public func length(_ value: Double, _ unit: Unit) -> Double { geometry.length(value, unit) }

  /// How the following fills and strokes combine with what is already drawn
  /// in this layer (`cairo_set_operator`).
  public var blendMode: BlendMode = .normal {
    didSet { cairo_set_operator(cr, blendMode.cairoOperator) }
  }

  // MARK: Building the current path

  /// Starts a new subpath (`cairo_move_to`).
  public func move(to point: Point) { cairo_move_to(cr, point.x, point.y) }
  /// Adds a straight segment (`cairo_line_to`).
  public func line(to point: Point) { cairo_line_to(cr, point.x, point.y) }
  /// Adds a cubic Bézier segment (`cairo_curve_to`).
  public func curve(to point: Point, control1: Point, control2: Point) {
    cairo_curve_to(cr, control1.x, control1.y, control2.x, control2.y, point.x, point.y)
  }
  /// Adds a circular arc, angles in radians (`cairo_arc`, `cairo_arc_negative`).
  public func arc(
    center: Point, radius: Double, from start: Double, to end: Double,
    counterclockwise: Bool = false
  ) {
    if counterclockwise {
      cairo_arc_negative(cr, center.x, center.y, radius, start, end)
    } else {
      cairo_arc(cr, center.x, center.y, radius, start, end)
    }
  }
  /// Closes the current subpath (`cairo_close_path`).
  public func close() { cairo_close_path(cr) }
  /// Discards the current path (`cairo_new_path`).
  public func newPath() { cairo_new_path(cr) }
  /// Adds a rectangle (`cairo_rectangle`).
  public func rect(_ rect: Rect) {
    cairo_rectangle(cr, rect.minX, rect.minY, rect.width, rect.height)
  }
  /// Adds a rounded rectangle.
  public func roundedRect(_ rect: Rect, radius: Double) {
    var path = Path()
    path.roundedRect(rect, radius: radius)
    add(path)
  }
  /// Adds a polygon.
  public func polygon(_ points: [Point], closed: Bool = true) {
    add(.polygon(points, closed: closed))
  }
  /// Adds a circle as its own subpath.
  public func circle(center: Point, radius: Double) {
    cairo_new_sub_path(cr)
    cairo_arc(cr, center.x, center.y, radius, 0, 2 * .pi)
    cairo_close_path(cr)
  }
  /// Adds the ellipse inscribed in `rect`.
  public func ellipse(in rect: Rect) {
    var path = Path()
    path.ellipse(in: rect)
    add(path)
  }
  /// Adds every element of `path` to the current path.
  public func add(_ path: Path) {
    for element in path.elements {
      switch element {
      case .move(let p): cairo_move_to(cr, p.x, p.y)
      case .line(let p): cairo_line_to(cr, p.x, p.y)
      case .curve(let p, let c1, let c2): cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
      case .arc(let c, let r, let start, let end, let negative):
        if negative {
          cairo_arc_negative(cr, c.x, c.y, r, start, end)
        } else {
          cairo_arc(cr, c.x, c.y, r, start, end)
        }
      case .close: cairo_close_path(cr)
      }
    }
  }

  // MARK: Filling and stroking

  /// Fills the current path (`cairo_fill`, `cairo_fill_preserve`).
  public func fill(_ paint: Paint, rule: FillRule = .winding, preserve: Bool = false) {
    setSource(paint)
    cairo_set_fill_rule(
      cr, rule == .winding ? CAIRO_FILL_RULE_WINDING : CAIRO_FILL_RULE_EVEN_ODD)
    if preserve { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
  }
  /// Fills the current path with a colour.
  public func fill(_ color: Color, rule: FillRule = .winding, preserve: Bool = false) {
    fill(.color(color), rule: rule, preserve: preserve)
  }
  /// Strokes the current path (`cairo_stroke`, `cairo_stroke_preserve`).
  public func stroke(_ paint: Paint, _ style: StrokeStyle = StrokeStyle(), preserve: Bool = false) {
    setSource(paint)
    apply(style)
    if preserve { cairo_stroke_preserve(cr) } else { cairo_stroke(cr) }
  }
  /// Strokes the current path with a colour.
  public func stroke(_ color: Color, _ style: StrokeStyle = StrokeStyle(), preserve: Bool = false) {
    stroke(.color(color), style, preserve: preserve)
  }
  /// Strokes the current path with a colour and a width.
  public func stroke(_ color: Color, width: Double) {
    stroke(.color(color), StrokeStyle(width: width))
  }

  /// Fills `path`.
  public func fill(_ path: Path, _ paint: Paint, rule: FillRule = .winding) {
    newPath()
    add(path)
    fill(paint, rule: rule)
  }
  /// Fills `path` with a colour.
  public func fill(_ path: Path, _ color: Color, rule: FillRule = .winding) {
    fill(path, .color(color), rule: rule)
  }
  /// Strokes `path`.
  public func stroke(_ path: Path, _ paint: Paint, _ style: StrokeStyle = StrokeStyle()) {
    newPath()
    add(path)
    stroke(paint, style)
  }
  /// Strokes `path` with a colour.
  public func stroke(_ path: Path, _ color: Color, _ style: StrokeStyle = StrokeStyle()) {
    stroke(path, .color(color), style)
  }
  /// Fills a rectangle.
  public func fill(_ rect: Rect, _ paint: Paint) {
    newPath()
    self.rect(rect)
    fill(paint)
  }
  /// Fills a rectangle with a colour.
  public func fill(_ rect: Rect, _ color: Color) { fill(rect, .color(color)) }
  /// Paints everywhere inside the current clip (`cairo_paint_with_alpha`).
  public func paint(_ paint: Paint, opacity: Double = 1) {
    setSource(paint)
    cairo_paint_with_alpha(cr, opacity)
  }
  /// Paints everywhere inside the current clip with a colour.
  public func paint(_ color: Color, opacity: Double = 1) { paint(.color(color), opacity: opacity) }

  // MARK: Transforms, state and clipping

  /// Runs `body` and then restores the transform, clip, blend mode and path
  /// as they were (`cairo_save` / `cairo_restore`).
  public func withSavedState<T>(_ body: () throws -> T) rethrows -> T {
    cairo_save(cr)
    let mode = blendMode
    defer {
      cairo_restore(cr)
      blendMode = mode
    }
    return try body()
  }
  /// Moves the origin (`cairo_translate`).
  public func translate(x: Double, y: Double) { cairo_translate(cr, x, y) }
  /// Moves the origin to `point`.
  public func translate(to point: Point) { cairo_translate(cr, point.x, point.y) }
  /// Rotates by `radians`, clockwise on screen (`cairo_rotate`).
  public func rotate(_ radians: Double) { cairo_rotate(cr, radians) }
  /// Scales the axes (`cairo_scale`).
  public func scale(x: Double, y: Double) { cairo_scale(cr, x, y) }
  /// Scales both axes by `factor`.
  public func scale(_ factor: Double) { cairo_scale(cr, factor, factor) }

  /// Runs `body` with drawing clipped to `path` (`cairo_clip`), then removes the clip.
  public func clip(to path: Path, rule: FillRule = .winding, _ body: () throws -> Void) rethrows {
    try withSavedState {
      newPath()
      add(path)
      cairo_set_fill_rule(
        cr, rule == .winding ? CAIRO_FILL_RULE_WINDING : CAIRO_FILL_RULE_EVEN_ODD)
      cairo_clip(cr)
      try body()
    }
  }
  /// Runs `body` with drawing clipped to `rect`.
  public func clip(to rect: Rect, _ body: () throws -> Void) rethrows {
    try clip(to: .rect(rect), body)
  }

  // MARK: Sources

  /// Sets `paint` as the Cairo source (`cairo_set_source_rgba`,
  /// `cairo_pattern_create_linear`, `cairo_pattern_create_radial`).
  func setSource(_ paint: Paint) {
    switch paint {
    case .color(let c):
      cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    case .linear(let start, let end, let gradient):
      let pattern = cairo_pattern_create_linear(start.x, start.y, end.x, end.y)!
      setGradientSource(pattern, gradient)
    case .radial(let center, let radius, let focus, let focusRadius, let gradient):
      let pattern = cairo_pattern_create_radial(
        focus.x, focus.y, focusRadius, center.x, center.y, radius)!
      setGradientSource(pattern, gradient)
    }
  }

  private func setGradientSource(_ pattern: OpaquePointer, _ gradient: Gradient) {
    for stop in gradient.stops {
      let c = stop.color
      cairo_pattern_add_color_stop_rgba(pattern, stop.offset, c.red, c.green, c.blue, c.alpha)
    }
    cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
    cairo_set_source(cr, pattern)
    cairo_pattern_destroy(pattern)  // the context holds its own reference now
  }

  private func apply(_ style: StrokeStyle) {
    cairo_set_line_width(cr, style.width)
    cairo_set_miter_limit(cr, style.miterLimit)
    switch style.cap {
    case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
    case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
    }
    switch style.join {
    case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
    case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
    case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
    }
    style.dash.withUnsafeBufferPointer { dashes in
      cairo_set_dash(cr, dashes.baseAddress, Int32(dashes.count), style.dashPhase)
    }
  }
}
