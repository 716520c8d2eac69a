import Foundation
import Obscura

/// Thousands of short strokes that follow a field of smooth noise, glowing
/// over a night-blue sheet, with the title set small and wide.
struct FlowField: Sketch {
  var settings = Settings(
    paper: .a3, orientation: .portrait, unit: .mm, dpi: 300, seed: 7,
    background: Color(hex: 0x0B1026),
    parameters: [
      .integer("strokes", 5200, in: 1...50_000, summary: "how many strokes follow the field"),
      .number(
        "scale", 0.0065, in: 0.0005...0.05,
        summary: "noise frequency per mm: lower is calmer"),
      .text("title", "FLOW FIELD", summary: "the title in the lower margin"),
    ])

  func compose(_ poster: inout Poster) throws {
    let strokes = try poster.integer("strokes")
    let scale = try poster.number("scale")
    let title = try poster.text("title")
    let width = poster.width
    let height = poster.height

    // A low sun: a warm radial glow behind everything.
    poster.add(
      .fill(
        .radial(
          center: Point(x: width * 0.62, y: height * 0.38), radius: width * 0.9,
          Gradient([Color(hex: 0x3A2A5E), Color(hex: 0x141A3C), Color(hex: 0x0B1026)])),
        name: "Glow"))

    // The field: each stroke starts at a random point and takes small steps
    // along the angle the noise gives there.
    let palette = Gradient([
      Color(hex: 0x2E6F9E), Color(hex: 0x7FC8D6), Color(hex: 0xF4D58D), Color(hex: 0xE86A5C),
    ])
    poster.add(
      .drawing("Field", blend: .screen) { ctx in
        let margin = 18.0
        for _ in 0..<strokes {
          var x = ctx.random.uniform(margin, width - margin)
          var y = ctx.random.uniform(margin, height * 0.8)
          let steps = ctx.random.integer(in: 18...70)
          let heat = (ctx.noise.fractal(x * 0.004, y * 0.004, octaves: 2) + 1) / 2
          ctx.move(to: Point(x: x, y: y))
          for _ in 0..<steps {
            let angle = ctx.noise.fractal(x * scale, y * scale, octaves: 3) * .pi * 2.2
            x += cos(angle) * 1.4
            y += sin(angle) * 1.4
            ctx.line(to: Point(x: x, y: y))
          }
          let color = palette.color(at: min(1, max(0, heat * 1.25 - 0.1)))
          ctx.stroke(
            color.withAlpha(ctx.random.uniform(0.25, 0.75)),
            StrokeStyle(width: ctx.random.uniform(0.18, 0.55), cap: .round, join: .round))
        }
      }.grain(Grain(amount: 0.05)))

    // A thin horizon rule and the title below it.
    poster.add(
      .drawing("Rule") { ctx in
        ctx.move(to: Point(x: 18, y: height * 0.84))
        ctx.line(to: Point(x: width - 18, y: height * 0.84))
        ctx.stroke(Color(hex: 0xF4D58D).withAlpha(0.8), width: 0.35)
      })
    poster.add(
      .title(
        title, font: Font("Bebas Neue"), size: 112, color: Color(hex: 0xF6EBD9),
        at: .bottomLeft, margin: 18, tracking: 0.08))
    poster.add(
      .title(
        "seed \(poster.seed) · \(strokes) strokes · noise \(scale)",
        font: Font("Inter", weight: .medium), size: 9, color: Color(hex: 0x7FC8D6),
        at: .bottomRight, margin: 20, tracking: 0.12))
  }
}
