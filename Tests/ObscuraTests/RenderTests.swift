import Foundation
import Testing

@testable import Obscura

@Suite("Rendering: DPI independence, vector output, seeds")
struct RenderTests {
  init() { useRepositoryFonts() }

  private static func drawing(_ poster: inout Poster) {
    poster.add(
      .drawing("Shapes") { ctx in
        ctx.fill(Rect(x: 5, y: 5, width: 20, height: 10), Color(hex: 0x204080))
        ctx.stroke(Path.circle(center: Point(30, 30), radius: 8), .black, StrokeStyle(width: 1))
        ctx.fill(Path.polygon([Point(5, 40), Point(25, 45), Point(10, 55)]), .red)
      })
  }

  @Test("The same sketch at 72 and 144 dpi gives the same picture, at twice the pixels")
  func dpiIndependence() throws {
    let settings = Settings(
      paper: .custom(width: 50.8, height: 76.2, unit: .mm), dpi: 72, background: .white)
    let low = try Renderer.rasterize(try poster(settings, dpi: 72, Self.drawing))
    let high = try Renderer.rasterize(try poster(settings, dpi: 144, Self.drawing))
    #expect(high.width == 2 * low.width && high.height == 2 * low.height)
    // Average 2 × 2 blocks of the high-resolution image and compare.
    var total = 0.0
    for y in 0..<low.height {
      for x in 0..<low.width {
        for c in 0..<3 {
          let block = [(0, 0), (1, 0), (0, 1), (1, 1)].map {
            Double(rgba(high, 2 * x + $0.0, 2 * y + $0.1)[c])
          }
          total += abs(block.reduce(0, +) / 4 - Double(rgba(low, x, y)[c]))
        }
      }
    }
    let mean = total / Double(low.width * low.height * 3)
    #expect(mean < 1.5, "mean difference \(mean) / 255")
  }

  @Test("PDF keeps drawing vector and embeds only layers with raster effects as images")
  func vectorAndRaster() throws {
    let folder = try temporaryFolder()
    func pdf(_ body: @escaping (inout Poster) -> Void) throws -> String {
      let sketch = ClosureSketch(Settings(paper: .a6, dpi: 72), body)
      let result = try Renderer.render(
        sketch: sketch,
        options: RenderOptions(
          sketchName: "V\(UInt32.random(in: 0 ... .max))", seed: 1, formats: [.pdf],
          outputDirectory: folder))
      return String(
        decoding: try Data(contentsOf: URL(fileURLWithPath: result.files[0].path)),
        as: UTF8.self)
    }
    let plain = try pdf { poster in
      Self.drawing(&poster)
      poster.add(
        .drawing("Multiplied", blend: .multiply, opacity: 0.5) { ctx in
          ctx.fill(ctx.bounds, .blue)
        })
    }
    #expect(!plain.contains("/Subtype /Image"), "plain drawing and blend modes stay vector")
    #expect(plain.contains("/BM /Multiply"), "the blend mode is a PDF blend mode")

    let masked = try pdf { poster in
      let band = Layer.drawing("Band") { ctx in
        ctx.fill(Rect(x: 0, y: 40, width: 105, height: 30), .white)
      }
      poster.add(.fill(.color(.green)).masked(by: band).opacity(0.7))
    }
    #expect(masked.contains("/SMask"), "an alpha mask is a PDF soft mask")
    #expect(!masked.contains("/Subtype /Image"), "and stays vector")

    let blurred = try pdf { poster in
      Self.drawing(&poster)
      poster.add(
        .drawing("Soft") { ctx in ctx.fill(Rect(x: 20, y: 20, width: 20, height: 20), .red) }
          .blurred(radius: 2))
    }
    #expect(blurred.contains("/Subtype /Image"), "the blurred layer is embedded as an image")
  }

  @Test("A poster without a seed gets one, and the files carry it")
  func randomSeed() throws {
    let folder = try temporaryFolder()
    let sketch = ClosureSketch(Settings(paper: .a6, dpi: 20), Self.drawing)
    let result = try Renderer.render(
      sketch: sketch, options: RenderOptions(sketchName: "S", outputDirectory: folder))
    #expect(result.seed <= 999_999)
    #expect(result.files[0].path.hasSuffix("S-seed\(result.seed).png"))
  }

  @Test("The render reports the image files its layers read")
  func inputs() throws {
    let folder = try temporaryFolder()
    let source = try poster(pixelSettings(width: 4, height: 4, background: .red)) { _ in }
    let written = try Renderer.render(
      source, options: RenderOptions(sketchName: "In", outputDirectory: folder))
    let sketch = ClosureSketch(Settings(paper: .a6, dpi: 20)) { poster in
      poster.add(.image(written.files[0].path))
    }
    let result = try Renderer.render(
      sketch: sketch, options: RenderOptions(sketchName: "Out", outputDirectory: folder))
    #expect(result.inputFiles == [written.files[0].path])
  }

  @Test("Crop marks continue the trim edges in the bleed and leave the trim clean")
  func cropMarks() throws {
    let settings = Settings(
      paper: .custom(width: 30, height: 40, unit: .mm), dpi: 300, bleed: 3, cropMarks: true)
    let image = try Renderer.rasterize(try poster(settings) { _ in })
    let geometry = try PageGeometry(settings: settings)
    let ppu = geometry.pixelsPerUnit
    func pixel(_ x: Double, _ y: Double) -> [Int] {
      rgba(image, Int(((x + 3) * ppu).rounded(.down)), Int(((y + 3) * ppu).rounded(.down)))
    }
    // On the trim's left edge, 2 mm up into the bleed: the vertical mark.
    #expect(pixel(0, -2)[0] < 100)
    // Inside the trim and in the bleed away from the marks: white.
    #expect(pixel(15, 20) == [255, 255, 255, 255])
    #expect(pixel(15, -2) == [255, 255, 255, 255])
    // The mark stops short of the trim corner (a third of the bleed away).
    #expect(pixel(0, -0.5) == [255, 255, 255, 255])
  }

  @Test("A drawing can place images itself, as a contact sheet does")
  func imagesInDrawing() throws {
    let red = try RasterImage(width: 1, height: 1, rgba: [255, 0, 0, 255])
    let blue = try RasterImage(width: 1, height: 1, rgba: [0, 0, 255, 255])
    let page = try poster(pixelSettings(width: 20, height: 10)) { poster in
      poster.add(
        .drawing("Sheet") { ctx in
          try ctx.draw(red, in: Rect(x: 0, y: 0, width: 10, height: 10), filter: .nearest)
          try ctx.draw(blue, in: Rect(x: 10, y: 0, width: 10, height: 10), filter: .nearest)
        })
    }
    let image = try Renderer.rasterize(page)
    #expect(rgba(image, 5, 5) == [255, 0, 0, 255] && rgba(image, 15, 5) == [0, 0, 255, 255])
  }

  @Test("Relative image paths resolve against the sketch's folder; missing ones fail first")
  func relativePaths() throws {
    let folder = try temporaryFolder()
    let source = try poster(pixelSettings(width: 4, height: 4, background: .red)) { _ in }
    _ = try Renderer.render(
      source,
      options: RenderOptions(sketchName: "Tex", outputDirectory: folder, fileStem: "texture"))
    let sketch = ClosureSketch(Settings(paper: .a6, dpi: 20)) { poster in
      poster.add(.image("texture.png"))
    }
    let options = RenderOptions(
      sketchName: "Rel", outputDirectory: folder, sourcePath: folder + "/Rel.swift")
    let result = try Renderer.render(sketch: sketch, options: options)
    #expect(result.inputFiles == [folder + "/texture.png"])

    let line = #line + 3
    let missing = ClosureSketch(Settings(paper: .a6, dpi: 20)) { poster in
      poster.add(.drawing("Expensive") { _ in Issue.record("drawn before the check") })
      poster.add(.image("absent.png"))
    }
    do {
      _ = try Renderer.render(sketch: missing, options: options)
      Issue.record("expected an error")
    } catch {
      #expect(
        "\(error)"
          == "RenderTests.swift:\(line): layer 'absent.png': Image file absent.png does not "
          + "exist. Looked for it at \(folder)/absent.png.")
    }
  }
}
