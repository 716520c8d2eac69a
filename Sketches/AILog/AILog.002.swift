import Foundation
import Obscura

/// AILog.002 — "Not today".
///
/// One generated sunset cut by code into vertical strips, each pushed up or
/// down by a slow wave, as if the picture refused to line up.
struct AILog002: Sketch {
  var settings = Settings(
    paper: .a3, orientation: .portrait, unit: .mm, dpi: 300, seed: 2,
    background: Color(hex: 0xF1EEE9),
    parameters: [
      .integer("sunset", 6, in: 0...4_294_967_295, summary: "the seed of the sunset"),
      .number("psi", 0.7, in: 0...1.5, summary: "truncation psi"),
      .integer("strips", 23, in: 2...80, summary: "how many strips the image is cut into"),
      .number("shift", 20, in: 0...60, summary: "the largest vertical shift of a strip in mm"),
      .text("title", "Not today", summary: "the title"),
    ],
    formats: [.png, .pdf])

  func compose(_ poster: inout Poster) throws {
    let sunset = try poster.integer("sunset")
    let psi = try poster.number("psi")
    let strips = try poster.integer("strips")
    let shift = try poster.number("shift")
    let title = try poster.text("title")

    let ink = Color(hex: 0x17161A)
    let margin = 20.0
    let art = Rect(x: margin, y: 44, width: poster.width - 2 * margin, height: 262)
    let gap = 0.9
    let stripWidth = (art.width - gap * Double(strips - 1)) / Double(strips)

    // One framed image, large enough that the sky fills most of the art and
    // the ridge only its lowest part. Each strip shows its own part of it
    // and is moved, picture and all: a slow wave plus a seeded jolt per strip.
    let side = 410.0
    let frame = Rect(
      x: art.midX - side / 2, y: art.minY + 0.72 * art.height - 0.52 * side, width: side,
      height: side)
    for index in 0..<strips {
      let x = art.minX + Double(index) * (stripWidth + gap)
      let phase = Double(index) / Double(strips - 1)
      let wave = sin(phase * 2.2 * .pi + 0.4) * (0.3 + 0.7 * phase)
      let jolt = poster.random.uniform(in: -1...1)
      let dy = shift * (0.45 * wave + 0.55 * jolt * jolt * jolt)
      let strip = Rect(x: x, y: art.minY + dy, width: stripWidth, height: art.height)
      let moved = Rect(origin: Point(x: frame.minX, y: frame.minY + dy), size: frame.size)
      poster.add(
        .generated(
          seed: sunset, psi: psi, fit: .cover, frame: moved, in: strip,
          name: "Strip \(index + 1)"))
    }

    poster.add(
      .text(
        TextBlock(
          title.uppercased(), font: Font("Bebas Neue", weight: .light), size: 230, color: ink,
          tracking: -6,
          placement: .point(Point(x: margin - 2.2, y: poster.height - 4), anchor: .bottomLeft)),
        name: "Title"))
    poster.add(
      .text(
        TextBlock(
          "AILOG.002   ·   HORIZONS64   ·   SEED \(sunset)   ·   ψ \(psi)   ·   \(strips) STRIPS",
          font: Font("Inter", weight: .medium), size: 7, color: ink.withAlpha(0.6),
          tracking: 160,
          placement: .point(Point(x: margin, y: 22), anchor: .topLeft)),
        name: "Colophon"))
  }
}
