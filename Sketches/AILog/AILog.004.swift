import Obscura

/// AILog.004 — "Home is behind".
///
/// A walk through the model's latent space, one line of a sketch per step:
/// nine bands from an evening sea (the first seed) to a clear day (the
/// second), each the ws interpolated linearly in W and the whole image
/// pressed into a wide band, stacked like a film strip read from the top.
struct AILog004: Sketch {
  var settings = Settings(
    paper: .a3, orientation: .portrait, unit: .mm, dpi: 300, seed: 4,
    background: Color(hex: 0x0F0F13),
    parameters: [
      .integer("from", 20, in: 0...4_294_967_295, summary: "the seed at the top"),
      .integer("to", 9, in: 0...4_294_967_295, summary: "the seed at the bottom"),
      .integer("steps", 9, in: 2...40, summary: "how many bands"),
      .number("psi", 0.7, in: 0...1.5, summary: "truncation psi"),
      .text("title", "Home is behind", summary: "the title"),
    ],
    formats: [.png, .pdf])

  func compose(_ poster: inout Poster) throws {
    let from = try poster.integer("from")
    let to = try poster.integer("to")
    let steps = try poster.integer("steps")
    let psi = try poster.number("psi")
    let title = try poster.text("title")

    let paper = Color(hex: 0xEEE9E1)
    let margin = 20.0
    let labelWidth = 22.0
    let top = 20.0
    let bottom = 334.0
    let gap = 3.6
    let bandHeight = (bottom - top - gap * Double(steps - 1)) / Double(steps)

    for step in 0..<steps {
      let t = Double(step) / Double(steps - 1)
      let band = Rect(
        x: margin + labelWidth, y: top + Double(step) * (bandHeight + gap),
        width: poster.width - 2 * margin - labelWidth, height: bandHeight)
      // Each band shows the whole image, pressed flat (fit .stretch) and
      // cropped in a little from its side edges.
      let frame = Rect(
        x: band.minX - 10, y: band.minY, width: band.width + 20,
        height: band.height)
      poster.add(
        .generated(
          between: (from, to), t: t, psi: psi, fit: .stretch, frame: frame,
          in: band, name: String(format: "t = %.3f", t)))
    }

    poster.add(
      .drawing("Scale") { ctx in
        for step in 0..<steps {
          let t = Double(step) / Double(steps - 1)
          let y = top + Double(step) * (bandHeight + gap)
          try ctx.draw(
            TextBlock(
              String(format: "%.3f", t), font: Font("Inter", weight: .medium), size: 6,
              color: paper.withAlpha(0.6), tracking: 80,
              placement: .point(Point(x: margin, y: y + 0.6), anchor: .topLeft)))
          ctx.move(to: Point(x: margin, y: y))
          ctx.line(to: Point(x: margin + labelWidth - 4, y: y))
          ctx.stroke(paper.withAlpha(0.35), width: 0.2)
        }
      })

    poster.add(
      .text(
        TextBlock(
          title, font: Font("EB Garamond"), size: 112, color: paper, tracking: -14,
          placement: .point(
            Point(x: margin + labelWidth - 1.5, y: poster.height - 30),
            anchor: .bottomLeft)),
        name: "Title"))
    poster.add(
      .text(
        TextBlock(
          "AILOG.004   ·   HORIZONS64   ·   SEED \(from) → SEED \(to), LERP IN W   ·   ψ \(psi)",
          font: Font("Inter", weight: .medium), size: 7, color: paper.withAlpha(0.55),
          tracking: 160,
          placement: .point(
            Point(x: margin + labelWidth, y: poster.height - 20),
            anchor: .bottomLeft)),
        name: "Colophon"))
  }
}
