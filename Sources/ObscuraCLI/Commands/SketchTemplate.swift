/// The sketch `obscura new` writes.
enum SketchTemplate {
  /// The paper names `--paper` accepts, as written in the template.
  static let papers = [
    "a0", "a1", "a2", "a3", "a4", "a5", "a6", "b0", "b1", "b2", "b3", "b4", "b5", "b6",
    "letter", "legal", "tabloid",
  ]

  /// The `Paper` case for a paper name, or nil when it is not one.
  static func paperCase(_ name: String) -> String? {
    let lowered = name.lowercased()
    return papers.contains(lowered) ? lowered : nil
  }

  /// The type name for a sketch file: its base name in UpperCamelCase, with
  /// anything that is not a letter or digit dropped ("night-walk.swift" →
  /// "NightWalk"); a name starting with a digit gets a "Sketch" prefix, and
  /// a public type name of the runtime (``RuntimeTypeNames``) a "Sketch"
  /// suffix ("poster.swift" → "PosterSketch"), since the sketch type would
  /// otherwise shadow it.
  static func typeName(forFile path: String) -> String {
    var base = Substring(path.split(separator: "/").last ?? "Sketch")
    if base.hasSuffix(".swift") { base = base.dropLast(6) }
    var name = ""
    var upperNext = true
    for character in base {
      guard character.isASCII, character.isLetter || character.isNumber else {
        upperNext = true
        continue
      }
      name += upperNext ? character.uppercased() : String(character)
      upperNext = false
    }
    if name.isEmpty { return "Untitled" }
    if name.first!.isNumber { name = "Sketch" + name }
    if RuntimeTypeNames.module(declaring: name) != nil { name += "Sketch" }
    return name
  }

  /// The default title for a sketch file: its base name's words, the first
  /// capitalised ("night-walk.swift" → "Night walk"; "AILog.006.swift" →
  /// "AILog 006").
  static func title(forFile path: String) -> String {
    var base = Substring(path.split(separator: "/").last ?? "")
    if base.hasSuffix(".swift") { base = base.dropLast(6) }
    let words = base.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    guard let first = words.first else { return "Untitled" }
    let head = first.prefix(1).uppercased() + first.dropFirst()
    return ([head] + words.dropFirst().map(String.init)).joined(separator: " ")
  }

  /// The template's text for `typeName` on `paper`, titled `title`.
  static func text(typeName: String, title: String, paper: String) -> String {
    """
    import Foundation
    import Obscura

    /// \(typeName): a poster. Run `obscura watch` on this file and edit away.
    struct \(typeName): Sketch {
      var settings = Settings(
        paper: .\(paper), orientation: .portrait, unit: .mm, dpi: 300,
        parameters: [
          .integer("rings", 28, in: 1...200, summary: "how many rings circle the sun"),
          .text("title", "\(title)", summary: "the title at the bottom"),
        ])

      func compose(_ poster: inout Poster) throws {
        let rings = try poster.integer("rings")
        let title = try poster.text("title")
        let width = poster.width
        let height = poster.height
        let sun = Point(x: width / 2, y: height * 0.42)

        // A dusk gradient over the whole sheet.
        poster.add(
          .fill(
            .linear(
              from: Point(x: 0, y: 0), to: Point(x: 0, y: height),
              Gradient([Color(hex: 0x1B1F3B), Color(hex: 0xB2456E), Color(hex: 0xF3C677)])),
            name: "Sky"))

        // Rings drawn by code, each a little wobbly, multiplied into the sky.
        poster.add(
          .drawing("Rings", blend: .multiply) { ctx in
            for ring in 0..<rings {
              let radius = 10 + Double(ring) * width / Double(rings * 3)
              var points: [Point] = []
              for step in 0..<180 {
                let angle = Double(step) / 180 * 2 * .pi
                let noise = ctx.noise.value(cos(angle) * 2, sin(angle) * 2, Double(ring))
                let r = radius * (1 + 0.04 * noise)
                points.append(Point(x: sun.x + cos(angle) * r, y: sun.y + sin(angle) * r))
              }
              ctx.polygon(points)
              ctx.stroke(Color(hex: 0x1B1F3B).withAlpha(0.55), width: 0.7)
            }
          })

        // The title, set in a bundled font (`obscura fonts` lists them).
        poster.add(
          .title(
            title, font: Font("Bebas Neue"), size: 96, color: Color(hex: 0x1B1F3B),
            at: .bottomLeft, margin: 18, tracking: 0.04))
      }
    }

    """
  }
}
