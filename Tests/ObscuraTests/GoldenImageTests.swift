import Foundation
import Testing

@testable import Obscura

/// Golden images: a drawing-and-text composite rendered at low DPI and compared
/// with a committed PNG.
///
/// Tolerance: the mean absolute channel difference must stay at or below
/// 0.75 / 255 and at least 99.5 % of channels must be within 4 / 255; text
/// antialiasing may differ by a level or two between FreeType builds, a
/// changed drawing moves far more. Set OBSCURA_UPDATE_GOLDEN=1 to rewrite the
/// files after an intended change.
@Suite("Golden images")
struct GoldenImageTests {
  init() { useRepositoryFonts() }

  static let goldenFolder = repositoryRoot() + "/Tests/ObscuraTests/Golden"

  /// Everything the runtime draws, in one small poster.
  static func compositePoster() throws -> Poster {
    let settings = Settings(
      paper: .custom(width: 60, height: 80, unit: .mm), dpi: 72, bleed: 2, cropMarks: true,
      background: Color(hex: 0xF2EDE4))
    return try poster(settings, seed: 31) { poster in
      poster.add(
        .fill(
          .radial(
            center: Point(30, 30), radius: 40,
            Gradient([Color(hex: 0xFFC857), Color(hex: 0xE9724C), Color(hex: 0x481D24)])),
          name: "Sun gradient", blend: .multiply))
      poster.add(
        .drawing("Flow lines", opacity: 0.8) { ctx in
          for _ in 0..<120 {
            var p = Point(ctx.random.uniform(0, 60), ctx.random.uniform(0, 80))
            ctx.move(to: p)
            for _ in 0..<8 {
              let angle = ctx.noise.fractal(p.x / 25, p.y / 25) * .pi * 2
              p = p + Point.polar(radius: 1.5, angle: angle)
              ctx.line(to: p)
            }
            ctx.stroke(Color(hex: 0x1D3557), StrokeStyle(width: 0.25, cap: .round))
          }
        })
      poster.add(
        .drawing("Rings") { ctx in
          ctx.withSavedState {
            ctx.translate(x: 30, y: 50)
            ctx.rotate(.pi / 8)
            for r in stride(from: 4.0, to: 20, by: 4) {
              ctx.stroke(
                Path.circle(center: .zero, radius: r), Color(white: 1, alpha: 0.9),
                StrokeStyle(width: 0.6, dash: [2, 1]))
            }
            ctx.roundedRect(Rect(x: -8, y: -4, width: 16, height: 8), radius: 2)
            ctx.fill(Color(hex: 0x2A9D8F))
          }
        }.blend(.screen))
      poster.add(
        .drawing("Clipped bars") { ctx in
          ctx.clip(to: .circle(center: Point(45, 20), radius: 10)) {
            for i in 0..<10 {
              ctx.fill(Rect(x: 35 + Double(i) * 2, y: 10, width: 1, height: 20), .black)
            }
          }
        }.blurred(radius: 0.4))
      poster.add(
        .title(
          "Golden\nhour", font: Font("EB Garamond", weight: .bold), size: 28,
          color: Color(hex: 0x111111), at: .bottomLeft, margin: 4, tracking: -10, leading: 0.9))
      poster.add(
        .title(
          "Obscura · 世界", font: Font("Inter", weight: .medium), size: 7,
          color: .white, at: .topRight, margin: 3, tracking: 80))
    }
  }

  @Test("Drawing and text composite matches Golden/composite.png")
  func composite() throws {
    try compare(try Renderer.rasterize(Self.compositePoster()), golden: "composite.png")
  }

  private func compare(_ image: RasterImage, golden name: String) throws {
    let path = Self.goldenFolder + "/" + name
    if ProcessInfo.processInfo.environment["OBSCURA_UPDATE_GOLDEN"] == "1" {
      let surface = try image.cairoSurface()
      try AtomicFile.write(to: path) { temporary in
        try PNGWriter().write(surface, to: temporary, dpi: 72, metadata: [("Title", name)])
      }
    }
    guard FileManager.default.fileExists(atPath: path) else {
      Issue.record(
        "Golden image \(path) is missing; run with OBSCURA_UPDATE_GOLDEN=1 to create it.")
      return
    }
    let expected = try PNGReader.read(path)
    #expect(expected.width == image.width && expected.height == image.height)
    guard expected.width == image.width && expected.height == image.height else { return }
    var total = 0
    var within = 0
    for (a, b) in zip(expected.rgba, image.rgba) {
      let d = abs(Int(a) - Int(b))
      total += d
      if d <= 4 { within += 1 }
    }
    let count = Double(image.rgba.count)
    let mean = Double(total) / count
    #expect(mean <= 0.75, "mean channel difference \(mean) / 255")
    #expect(Double(within) / count >= 0.995, "share within 4/255: \(Double(within) / count)")
  }
}
