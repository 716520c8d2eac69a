import Obscura

/// AILog.001 — "I don't know why".
///
/// A drawn grid of square openings cut in the paper, and behind it one
/// generated horizon. Noise decides how far each opening is open, so the
/// picture bleeds through unevenly, for no reason the drawing can give.
struct AILog001: Sketch {
  var settings = Settings(
    paper: .a3, orientation: .portrait, unit: .mm, dpi: 300, seed: 1,
    background: Color(hex: 0xEDE8DF),
    parameters: [
      .integer(
        "horizon", 15, in: 0...4_294_967_295,
        summary: "the seed of the horizon behind the screen"),
      .number("psi", 0.7, in: 0...1.5, summary: "truncation psi"),
      .integer("columns", 9, in: 1...40, summary: "openings across"),
      .text("title", "I don’t know why", summary: "the title"),
    ],
    formats: [.png, .pdf])

  func compose(_ poster: inout Poster) throws {
    let horizon = try poster.integer("horizon")
    let psi = try poster.number("psi")
    let columns = try poster.integer("columns")
    let title = try poster.text("title")

    let ink = Color(hex: 0x1B1A1E)
    let margin = 20.0
    let cell = (poster.width - 2 * margin) / Double(columns)
    let rows = 11
    let screen = Rect(
      x: margin, y: margin, width: cell * Double(columns),
      height: cell * Double(rows))

    // The openings: a square per cell whose size follows smooth noise.
    let openings = Layer.drawing("Openings") { ctx in
      for row in 0..<rows {
        for column in 0..<columns {
          let n = ctx.noise.fractal(Double(column) * 0.31 + 3.7, Double(row) * 0.27)
          let open = min(1, max(0, 0.55 + 0.9 * n))
          let side = cell * (0.1 + 0.78 * open)
          let center = Point(
            x: screen.minX + (Double(column) + 0.5) * cell,
            y: screen.minY + (Double(row) + 0.5) * cell)
          ctx.rect(Rect(center: center, size: Size(width: side, height: side)))
        }
      }
      ctx.fill(.white)
    }

    // The horizon shows only through the openings. It is framed large, so
    // the sky fills most of the grid and the ridge its lowest rows.
    let side = 420.0
    let frame = Rect(
      x: screen.midX - side / 2, y: screen.minY + 0.76 * screen.height - 0.56 * side,
      width: side, height: side)
    poster.add(
      .generated(
        seed: horizon, psi: psi, frame: frame, in: screen,
        name: "Horizon · seed \(horizon)"
      )
      .masked(by: openings))

    // A hairline around the grid, the only line the drawing needs.
    poster.add(
      .drawing("Frame") { ctx in
        ctx.rect(screen.inset(by: -0.1))
        ctx.stroke(ink, width: 0.2)
      })

    poster.add(
      .text(
        TextBlock(
          title, font: Font("EB Garamond", style: .italic), size: 96, color: ink,
          tracking: -12,
          placement: .point(Point(x: margin - 1, y: poster.height - 22), anchor: .bottomLeft)),
        name: "Title"))
    poster.add(
      .text(
        TextBlock(
          "AILOG.001   ·   HORIZONS64   ·   SEED \(horizon)   ·   ψ \(psi)",
          font: Font("Inter", weight: .medium), size: 7, color: ink.withAlpha(0.6),
          tracking: 160,
          placement: .point(Point(x: margin, y: screen.maxY + 7), anchor: .topLeft)),
        name: "Colophon"))
  }
}
