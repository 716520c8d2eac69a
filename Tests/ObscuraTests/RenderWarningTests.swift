import Foundation
import Testing

@testable import Obscura

@Suite("Warnings for what a render could not do as asked")
struct RenderWarningTests {
  init() { useRepositoryFonts() }

  private let settings = Settings(
    paper: .custom(width: 40, height: 20, unit: .mm), orientation: .landscape, dpi: 72,
    seed: 1)

  private func render(_ formats: [ExportFormat], _ body: @escaping (inout Poster) throws -> Void)
    throws -> RenderResult
  {
    try Renderer.render(
      sketch: ClosureSketch(settings, body),
      options: RenderOptions(
        sketchName: "Warned", formats: formats, outputDirectory: try temporaryFolder()))
  }

  private func rings(_ poster: inout Poster) {
    poster.add(.fill(.color(.white), name: "Paper"))
    poster.add(
      .drawing("Rings", blend: .multiply) { ctx in
        ctx.circle(center: Point(x: 20, y: 10), radius: 6)
        ctx.fill(.red)
      })
    poster.add(
      .drawing("Glow", blend: .screen, opacity: 0.5) { ctx in ctx.fill(ctx.bounds, .blue) })
  }

  @Test("SVG names each layer whose blend mode becomes an embedded image, with the DPI")
  func svgBlendModes() throws {
    let result = try render([.png, .svg]) { rings(&$0) }
    #expect(
      result.warnings == [
        "SVG: layer 'Rings' uses blend mode multiply, which SVG 1.1 cannot express; "
          + "it is embedded as an image at 72 dpi.",
        "SVG: layer 'Glow' uses blend mode screen, which SVG 1.1 cannot express; "
          + "it is embedded as an image at 72 dpi.",
      ])
  }

  @Test("PNG and PDF express blend modes, so they warn about nothing")
  func pngAndPDFDoNotWarn() throws {
    let result = try render([.png, .pdf]) { rings(&$0) }
    #expect(result.warnings.isEmpty)
  }

  @Test("A weight the family lacks names the face used instead")
  func missingWeight() throws {
    let result = try render([.png]) { poster in
      poster.add(
        .title("Dusk", font: Font("Bebas Neue", weight: .black), size: 20, name: "Title"))
      poster.add(.title("Fine", font: Font("Inter", weight: .bold), size: 10, name: "Byline"))
    }
    #expect(
      result.warnings == [
        "Font: layer 'Title' asks for Bebas Neue Black, which is not available; "
          + "Bebas Neue Bold is used instead."
      ])
  }

  @Test("An italic the family lacks is named too; faces that exist give no warning")
  func missingItalic() throws {
    let result = try render([.png]) { poster in
      poster.add(
        .title("Dusk", font: Font("Bebas Neue", style: .italic), size: 20, name: "Slanted"))
      poster.add(
        .title("Fine", font: Font("Inter", weight: .bold, style: .italic), size: 10))
      poster.add(.title("Old", font: Font("EB Garamond", style: .italic), size: 10))
    }
    #expect(
      result.warnings == [
        "Font: layer 'Slanted' asks for Bebas Neue Regular Italic, which is not available; "
          + "Bebas Neue Regular Oblique is used instead."
      ])
  }

  @Test("Weights round to the nearest named weight")
  func nearestWeight() {
    #expect(FontWeight.nearest(to: 400) == .regular)
    #expect(FontWeight.nearest(to: 680) == .bold)
    #expect(FontWeight.nearest(to: 1000) == .black)
    #expect(FontWeight.nearest(to: 80) == .thin)
  }
}
