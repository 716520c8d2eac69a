import Obscura

/// The sheet's own black, which the window's foot fades into.
private let night = Color(hex: 0x08080C)

/// AILog.005 — "World is ahead".
///
/// A horizon the model dreamt, framed like a window; below it the ground is
/// drawn as lines that crowd together towards the horizon, and the same
/// horizon, upside down, shows only through those lines, as light on water.
/// Soft generated colour against hard drawn structure, under a quiet title:
/// the enlarged sky carries drawn detail for a close look (grain and fine
/// level lines) and a hairline frame.
struct AILog005: Sketch {
  var settings = Settings(
    paper: .a3, orientation: .portrait, unit: .mm, dpi: 300, seed: 5,
    background: night,
    parameters: [
      .integer("sky", 10, in: 0...4_294_967_295, summary: "the seed of the framed horizon"),
      .number("psi", 0.7, in: 0...1.5, summary: "truncation psi"),
      .integer("lines", 72, in: 2...400, summary: "how many lines draw the ground"),
      .text("title", "World is ahead", summary: "the title"),
    ],
    formats: [.png, .pdf])

  func compose(_ poster: inout Poster) throws {
    let sky = try poster.integer("sky")
    let psi = try poster.number("psi")
    let lineCount = try poster.integer("lines")
    let title = try poster.text("title")

    let margin = 20.0
    let paper = Color(hex: 0xF3EEE6)
    let window = Rect(x: margin, y: margin, width: poster.width - 2 * margin, height: 172)
    let ground = Rect(
      x: margin, y: window.maxY + 2.5, width: window.width,
      height: poster.height - window.maxY - 2.5 - 64)

    // The framed horizon, cropped in from the image's edges; set low in the
    // frame so the dark hills take a thin band, not a tenth of the sheet.
    let skyFrame = Rect(
      x: window.minX - 14, y: window.minY - 6, width: window.width + 28,
      height: window.width + 28)
    poster.add(
      .generated(
        seed: sky, psi: psi, frame: skyFrame, in: window,
        name: "Sky · seed \(sky)"
      )
      .grain(Grain(amount: 0.035)))

    // The sky's drawn detail, for a close look: fine level lines across the
    // sky that fade out towards the hills.
    poster.add(
      .drawing("Level lines") { ctx in
        ctx.clip(to: window) {
          var y = window.minY + 2
          while y < window.maxY - 30 {
            let fade = 1 - (y - window.minY) / (window.height - 30)
            ctx.move(to: Point(x: window.minX, y: y))
            ctx.line(to: Point(x: window.maxX, y: y))
            ctx.stroke(paper.withAlpha(0.05 + 0.05 * fade), StrokeStyle(width: 0.08))
            y += 1.6
          }
        }
      }
      .blend(.screen))

    // The window's dark foot fades into the sheet's own black, so there is
    // no step where the image ends; a hairline frames it and draws the shore.
    poster.add(
      .drawing("Window frame") { ctx in
        let foot = Rect(x: window.minX, y: window.maxY - 14, width: window.width, height: 14)
        ctx.fill(
          foot,
          .linear(
            from: Point(x: 0, y: foot.minY), to: Point(x: 0, y: foot.maxY),
            Gradient([night.withAlpha(0), night])))
        ctx.rect(window)
        ctx.stroke(paper.withAlpha(0.22), StrokeStyle(width: 0.18))
        ctx.move(to: Point(x: window.minX, y: window.maxY))
        ctx.line(to: Point(x: window.maxX, y: window.maxY))
        ctx.stroke(paper.withAlpha(0.55), StrokeStyle(width: 0.25))
      })

    // The ground: lines whose spacing grows as they come towards the viewer
    // (y = horizon + depth · (0.16 u + 0.84 u²), u from 0 to 1), each a
    // little uneven; the linear term keeps the far lines from merging.
    func lines(_ name: String, alpha: @escaping (Double) -> Double) -> Layer {
      .drawing(name) { ctx in
        for index in 0..<lineCount {
          let u = Double(index) / Double(lineCount - 1)
          let y = ground.minY + ground.height * (0.16 * u + 0.84 * u * u)
          let width = 0.3 + 1.0 * u * u
          var points: [Point] = []
          let steps = 90
          for step in 0...steps {
            let x = ground.minX + ground.width * Double(step) / Double(steps)
            let wobble = ctx.noise.fractal(x * 0.018, Double(index) * 0.31) * (0.3 + 1.4 * u)
            points.append(Point(x: x, y: y + wobble))
          }
          ctx.polygon(points, closed: false)
          ctx.stroke(Color.white.withAlpha(alpha(u)), StrokeStyle(width: width, cap: .butt))
        }
      }
    }

    // The drawn lines themselves: bright near the shore, where water at a
    // grazing angle mirrors the sky most, and barely there nearer the viewer.
    poster.add(lines("Ground lines") { u in 0.06 + 0.26 * (1 - u) * (1 - u) * (1 - u) })

    // The same horizon upside down below the shore: its reflection, seen
    // only where the lines are.
    let reflection = Rect(
      x: skyFrame.minX, y: 2 * window.maxY - skyFrame.maxY, width: skyFrame.width,
      height: skyFrame.height)
    poster.add(
      .generated(
        seed: sky, psi: psi, fit: .stretch, frame: reflection, in: ground,
        mirrored: true, name: "Reflection · seed \(sky)"
      )
      .masked(by: lines("Ground lines (mask)") { _ in 1 }))

    // The title and a quiet line with the series number and the seed.
    poster.add(
      .text(
        TextBlock(
          title, font: Font("Inter Display", weight: .light), size: 74,
          color: Color(hex: 0xF3EEE6), tracking: -28,
          placement: .point(Point(x: margin - 1.2, y: poster.height - 19), anchor: .bottomLeft)),
        name: "Title"))
    poster.add(
      .text(
        TextBlock(
          "AILOG.005   ·   HORIZONS64   ·   SEED \(sky)   ·   ψ \(psi)",
          font: Font("Inter", weight: .medium), size: 7,
          color: Color(hex: 0xF3EEE6).withAlpha(0.55),
          tracking: 160,
          placement: .point(
            Point(x: poster.width - margin, y: poster.height - 25.1),
            anchor: .bottomRight)),
        name: "Colophon"))
  }
}
