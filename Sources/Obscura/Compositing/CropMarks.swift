import CCairo

/// Crop marks: short lines in the bleed that continue the trim edges at each corner.
enum CropMarks {
  /// Draws the eight marks on `cr` (user space in sketch units).
  ///
  /// Each mark starts a third of the bleed away from the trim corner and
  /// runs to the page edge: 0.25 pt black over a 0.75 pt white halo, so the
  /// marks show on dark artwork too.
  static func draw(on cr: OpaquePointer, geometry: PageGeometry) {
    let trim = geometry.trimBox
    let gap = geometry.bleed / 3
    let reach = geometry.bleed
    var segments: [(Point, Point)] = []
    for (x, dx) in [(trim.minX, -1.0), (trim.maxX, 1.0)] {
      for (y, dy) in [(trim.minY, -1.0), (trim.maxY, 1.0)] {
        segments.append((Point(x, y + dy * gap), Point(x, y + dy * reach)))
        segments.append((Point(x + dx * gap, y), Point(x + dx * reach, y)))
      }
    }
    cairo_save(cr)
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    cairo_set_dash(cr, nil, 0, 0)
    for (width, gray) in [(0.75, 1.0), (0.25, 0.0)] {
      cairo_new_path(cr)
      for (a, b) in segments {
        cairo_move_to(cr, a.x, a.y)
        cairo_line_to(cr, b.x, b.y)
      }
      cairo_set_line_width(cr, geometry.length(width, .pt))
      cairo_set_source_rgb(cr, gray, gray, gray)
      cairo_stroke(cr)
    }
    cairo_restore(cr)
  }
}
