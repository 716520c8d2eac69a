import Obscura

/// The runtime's benchmark: an A2 poster at 300 dpi (4961 × 7016 px) with five
/// layers — a gradient, 10,000 strokes, a blurred layer, a masked layer and a
/// two-line title. `obscura run Sketches/Benchmark/A2Benchmark.swift --format png,pdf`.
struct A2Benchmark: Sketch {
  var settings = Settings(paper: .a2, orientation: .portrait, unit: .mm, dpi: 300, seed: 2024)

  func compose(_ poster: inout Poster) throws {
    let (width, height) = (poster.width, poster.height)

    poster.add(
      .fill(
        .linear(
          from: Point(0, 0), to: Point(0, height),
          Gradient([Color(hex: 0xF4E9D8), Color(hex: 0xE0A370), Color(hex: 0x3B2F4A)])),
        name: "Gradient"))

    poster.add(
      .drawing("10,000 strokes", blend: .multiply) { ctx in
        let ink = Color(hex: 0x1B1B2F).withAlpha(0.55)
        let style = StrokeStyle(width: 0.35, cap: .round)
        for _ in 0..<10_000 {
          var p = Point(ctx.random.uniform(0, width), ctx.random.uniform(0, height))
          ctx.move(to: p)
          for _ in 0..<6 {
            let angle = ctx.noise.fractal(p.x / 90, p.y / 90, octaves: 3) * 2 * .pi
            p = p + Point.polar(radius: 2.5, angle: angle)
            ctx.line(to: p)
          }
          ctx.stroke(ink, style)
        }
      })

    poster.add(
      .drawing("Blurred suns") { ctx in
        for i in 0..<5 {
          let center = Point(width * (0.2 + 0.15 * Double(i)), height * 0.3)
          ctx.fill(Path.circle(center: center, radius: 30), Color(hex: 0xFFD166).withAlpha(0.8))
        }
      }.blurred(radius: 12).blend(.screen))

    let band = Layer.drawing("Mask band") { ctx in
      ctx.fill(Rect(x: 0, y: height * 0.55, width: width, height: height * 0.2), .white)
    }
    poster.add(
      .drawing("Masked stripes") { ctx in
        var x = -height
        while x < width {
          ctx.move(to: Point(x, height))
          ctx.line(to: Point(x + height, 0))
          x += 6
        }
        ctx.stroke(Color(hex: 0x118AB2), width: 2)
      }.masked(by: band).opacity(0.7))

    poster.add(
      .title(
        "Five layers\nat three hundred dpi", font: Font("Inter", weight: .bold), size: 96,
        color: Color(hex: 0x111111), at: .bottomLeft, margin: 25, tracking: -20, leading: 0.95))
  }
}
