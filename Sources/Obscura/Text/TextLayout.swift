import CCairo
import CPango

/// A Pango layout of one ``TextBlock`` on one Cairo context, owning its Pango objects.
///
/// Hinting is off and glyph positions are not rounded, so a title has the
/// same shape at 72 dpi and at 300 dpi and in PDF.
final class TextLayout {
  private let context: OpaquePointer  // PangoContext
  private let layout: OpaquePointer  // PangoLayout
  private let block: TextBlock
  private let geometry: PageGeometry

  /// Lays out `block` for drawing on `cr` (`pango_font_map_create_context`,
  /// `pango_cairo_update_context`, `pango_layout_new`).
  init(_ block: TextBlock, cr: OpaquePointer, geometry: PageGeometry, library: FontLibrary)
    throws
  {
    self.block = block
    self.geometry = geometry
    let family = try library.resolve(family: block.font.family)

    context = pango_font_map_create_context(library.fontMap)!
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    pango_cairo_context_set_font_options(context, options)
    cairo_font_options_destroy(options)
    pango_context_set_round_glyph_positions(context, 0)
    pango_cairo_update_context(cr, context)

    layout = pango_layout_new(context)!
    let sizeInUnits = geometry.length(block.size, .pt)

    let description = pango_font_description_new()
    pango_font_description_set_family(description, family)
    pango_font_description_set_weight(description, PangoWeight(UInt32(block.font.weight.rawValue)))
    pango_font_description_set_style(
      description, block.font.style == .italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    pango_font_description_set_absolute_size(description, sizeInUnits * pangoScale)
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)

    // Tracking is in thousandths of an em (pango_attr_letter_spacing_new).
    if block.tracking != 0 {
      let attributes = pango_attr_list_new()
      let spacing = Int32((block.tracking / 1000 * sizeInUnits * pangoScale).rounded())
      pango_attr_list_insert(attributes, pango_attr_letter_spacing_new(spacing))
      pango_layout_set_attributes(layout, attributes)
      pango_attr_list_unref(attributes)
    }
    if block.leading != 1 { pango_layout_set_line_spacing(layout, Float(block.leading)) }

    switch block.alignment {
    case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
    case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
    case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
    case .justified:
      pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
      pango_layout_set_justify(layout, 1)
    }
    if let width = wrapWidth {
      pango_layout_set_width(layout, Int32((width * pangoScale).rounded()))
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
    }
    pango_layout_set_text(layout, block.text, -1)
  }

  deinit {
    g_object_unref(UnsafeMutableRawPointer(layout))
    g_object_unref(UnsafeMutableRawPointer(context))
  }

  /// The width lines wrap at, in sketch units, if any.
  private var wrapWidth: Double? {
    switch block.placement {
    case .point(_, _, let width): return width
    case .box(let rect, _): return rect.width
    case .page(_, let margin): return geometry.trimBox.inset(by: margin).width
    }
  }

  /// The logical and ink extents in sketch units (`pango_layout_get_extents`).
  private var extents: (logical: Rect, ink: Rect) {
    var ink = PangoRectangle()
    var logical = PangoRectangle()
    pango_layout_get_extents(layout, &ink, &logical)
    func rect(_ r: PangoRectangle) -> Rect {
      Rect(
        x: Double(r.x) / pangoScale, y: Double(r.y) / pangoScale,
        width: Double(r.width) / pangoScale, height: Double(r.height) / pangoScale)
    }
    return (rect(logical), rect(ink))
  }

  /// The logical extents (line boxes) relative to the layout's origin.
  var logicalRect: Rect { extents.logical }

  /// The layout's origin for the block's placement.
  ///
  /// The box placed at the anchor is the logical box (ascender to descender
  /// of every line), or the ink box (the glyphs' outlines) when
  /// ``TextBlock/alignsToInk`` is set.
  var origin: Point {
    let (logical, ink) = extents
    let box = block.alignsToInk ? ink : logical
    switch block.placement {
    case .point(let point, let anchor, let width):
      if let width, !block.alignsToInk {
        return Point(
          point.x - anchor.unitX * width, point.y - anchor.unitY * box.height - box.minY)
      }
      return Point(
        point.x - anchor.unitX * box.width - box.minX,
        point.y - anchor.unitY * box.height - box.minY)
    case .box(let rect, let anchor):
      return place(box, in: rect, at: anchor)
    case .page(let anchor, let margin):
      return place(box, in: geometry.trimBox.inset(by: margin), at: anchor)
    }
  }

  /// The origin that puts `box` at `anchor` of `rect`. Pango has already
  /// aligned the lines within the rectangle's width; aligning to ink moves
  /// the glyphs' own edge onto the rectangle's edge.
  private func place(_ box: Rect, in rect: Rect, at anchor: Anchor) -> Point {
    let y = rect.minY + anchor.unitY * (rect.height - box.height) - box.minY
    guard block.alignsToInk else { return Point(rect.minX, y) }
    return Point(rect.minX + anchor.unitX * (rect.width - box.width) - box.minX, y)
  }

  /// Draws the text in its colour (`pango_cairo_show_layout`).
  func draw(on cr: OpaquePointer) {
    let c = block.color
    let at = origin
    cairo_save(cr)
    cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    cairo_move_to(cr, at.x, at.y)
    pango_cairo_show_layout(cr, layout)
    cairo_restore(cr)
  }
}

/// Pango units per device unit (`PANGO_SCALE`).
private let pangoScale = 1024.0

extension Canvas {
  /// Lays out and draws `block` with Pango.
  ///
  /// - Throws: ``ObscuraError/unknownFont(_:closeMatches:)`` for an unknown family.
  public func draw(_ block: TextBlock) throws {
    let library = try FontLibrary.shared()
    library.lock.lock()
    defer { library.lock.unlock() }
    let layout = try TextLayout(block, cr: cr, geometry: geometry, library: library)
    layout.draw(on: cr)
  }

  /// The size of `block` once laid out, in sketch units (its logical box).
  public func measure(_ block: TextBlock) throws -> Size {
    let library = try FontLibrary.shared()
    library.lock.lock()
    defer { library.lock.unlock() }
    let layout = try TextLayout(block, cr: cr, geometry: geometry, library: library)
    return layout.logicalRect.size
  }
}
