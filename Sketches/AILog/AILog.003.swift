import Foundation
import Obscura

/// AILog.003 — "You know nothing".
///
/// A contact sheet: thirty-six seeds of the model side by side under one title,
/// each numbered, one of them ringed in red pencil by a hand that still does
/// not know why that one.
struct AILog003: Sketch {
  var settings = Settings(
    paper: .a3, orientation: .portrait, unit: .mm, dpi: 300, seed: 3,
    background: Color(hex: 0xE8E5DF),
    parameters: [
      .integer("first", 0, in: 0...4_294_967_260, summary: "the first seed on the sheet"),
      .integer("marked", 15, in: 0...4_294_967_295, summary: "the seed ringed in red"),
      .number("psi", 0.7, in: 0...1.5, summary: "truncation psi"),
      .text("title", "You know nothing", summary: "the title"),
    ],
    formats: [.png, .pdf])

  func compose(_ poster: inout Poster) throws {
    let first = try poster.integer("first")
    let marked = try poster.integer("marked")
    let psi = try poster.number("psi")
    let title = try poster.text("title")

    let ink = Color(hex: 0x19181C)
    let (columns, rows) = (6, 6)
    let margin = 22.0
    let gutter = 4.0
    let caption = 5.5
    let top = 104.0
    let bottom = poster.height - 30
    let pitch = (bottom - top + caption) / Double(rows)
    let side = pitch - gutter - caption
    let left = (poster.width - Double(columns) * side - Double(columns - 1) * gutter) / 2
    var markedTile: Rect?

    for row in 0..<rows {
      for column in 0..<columns {
        let seed = first + row * columns + column
        let tile = Rect(
          x: left + Double(column) * (side + gutter), y: top + Double(row) * pitch,
          width: side, height: side)
        if seed == marked { markedTile = tile }
        // Cropped in a little from the image's edges, as a loupe would.
        poster.add(
          .generated(
            seed: seed, psi: psi, frame: tile.inset(by: -2), in: tile,
            name: "Seed \(seed)"))
      }
    }

    poster.add(
      .drawing("Seed numbers") { ctx in
        for row in 0..<rows {
          for column in 0..<columns {
            let seed = first + row * columns + column
            try ctx.draw(
              TextBlock(
                String(format: "%04d", seed), font: Font("Inter", weight: .medium), size: 6,
                color: ink.withAlpha(seed == marked ? 1 : 0.55), tracking: 120,
                placement: .point(
                  Point(
                    x: left + Double(column) * (side + gutter),
                    y: top + Double(row) * pitch + side + 1.4), anchor: .topLeft)))
          }
        }
      })

    // The red pencil: a loose double loop around the marked tile, laid over
    // the tiles (not multiplied into them) so it stays red over their dark ground.
    if let tile = markedTile {
      poster.add(
        .drawing("Red pencil") { ctx in
          let center = tile.center
          var points: [Point] = []
          let turns = 1.85
          let steps = 220
          for step in 0...steps {
            let a = Double(step) / Double(steps) * turns * 2 * .pi - 2.2
            let wobble = 1 + 0.035 * ctx.noise.value(Double(step) * 0.05, 1.3)
            let rx = tile.width * 0.68 * wobble + Double(step) * 0.012
            let ry = tile.height * 0.64 * wobble
            points.append(Point(x: center.x + rx * cos(a), y: center.y + ry * sin(a)))
          }
          ctx.polygon(points, closed: false)
          ctx.stroke(
            Color(hex: 0xD93A2B).withAlpha(0.92),
            StrokeStyle(width: 0.9, cap: .round, join: .round))
        })
    }

    poster.add(
      .text(
        TextBlock(
          title, font: Font("Inter Display", weight: .semibold), size: 78, color: ink,
          tracking: -34, leading: 0.84,
          placement: .point(Point(x: left - 1.5, y: 24), anchor: .topLeft, width: 200)),
        name: "Title"))
    poster.add(
      .text(
        TextBlock(
          "AILOG.003   ·   HORIZONS64   ·   SEEDS \(first)–\(first + rows * columns - 1)"
            + "   ·   ψ \(psi)",
          font: Font("Inter", weight: .medium), size: 7, color: ink.withAlpha(0.6),
          tracking: 160,
          placement: .point(Point(x: left, y: poster.height - 16), anchor: .bottomLeft)),
        name: "Colophon"))
  }
}
