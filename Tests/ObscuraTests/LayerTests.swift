import Foundation
import Testing

@testable import Obscura

@Suite("Layers: images, rasters, masks and effects")
struct LayerTests {
  /// A 2 × 1 image, red then blue.
  private let redBlue = try! RasterImage(
    width: 2, height: 1, rgba: [255, 0, 0, 255, 0, 0, 255, 255])

  @Test("contain keeps the aspect and sits at the anchor; cover fills and crops")
  func fitModes() throws {
    let contain = try poster(pixelSettings(width: 40, height: 40)) { poster in
      poster.add(.raster(FixedRaster(redBlue), fit: .contain, anchor: .top, filter: .nearest))
    }
    let c = try Renderer.rasterize(contain)
    #expect(rgba(c, 5, 5) == [255, 0, 0, 255])
    #expect(rgba(c, 35, 5) == [0, 0, 255, 255])
    #expect(rgba(c, 20, 30)[3] == 0, "below the 40 × 20 image nothing is drawn")

    let cover = try poster(pixelSettings(width: 40, height: 40)) { poster in
      poster.add(.raster(FixedRaster(redBlue), fit: .cover, anchor: .left, filter: .nearest))
    }
    let v = try Renderer.rasterize(cover)
    // Scaled to 80 × 40 from the left: the visible part is all red.
    #expect(rgba(v, 39, 39) == [255, 0, 0, 255])

    let stretch = try poster(pixelSettings(width: 40, height: 40)) { poster in
      poster.add(
        .raster(
          FixedRaster(redBlue), fit: .stretch, filter: .nearest,
          name: "Stretched"))
    }
    let s = try Renderer.rasterize(stretch)
    #expect(rgba(s, 5, 35) == [255, 0, 0, 255] && rgba(s, 35, 35) == [0, 0, 255, 255])
  }

  @Test("A target rectangle of zero size is an error naming the layer")
  func emptyRect() throws {
    let page = try poster(pixelSettings(width: 10, height: 10)) { poster in
      poster.add(
        .raster(
          FixedRaster(redBlue), in: Rect(x: 0, y: 0, width: 0, height: 5),
          name: "Horizon"))
    }
    #expect(throws: ObscuraError.emptyTargetRect(layer: "Horizon")) {
      try Renderer.rasterize(page)
    }
  }

  @Test("Lanczos enlarging leaves flat areas flat: no ringing next to an edge")
  func lanczosWithoutRinging() throws {
    var bytes: [UInt8] = []
    for _ in 0..<8 {
      for x in 0..<8 { bytes += x < 4 ? [40, 40, 40, 255] : [220, 220, 220, 255] }
    }
    let step = try RasterImage(width: 8, height: 8, rgba: bytes)
    let page = try poster(pixelSettings(width: 64, height: 64)) { poster in
      poster.add(.raster(FixedRaster(step), fit: .stretch, filter: .lanczos))
    }
    let image = try Renderer.rasterize(page)
    let row = (0..<64).map { rgba(image, $0, 32)[0] }
    #expect(row.allSatisfy { $0 >= 40 && $0 <= 220 }, "no overshoot: \(row)")
    #expect(row[0..<24].allSatisfy { $0 == 40 }, "flat dark side stays flat: \(row)")
    #expect(row[40...].allSatisfy { $0 == 220 }, "flat light side stays flat: \(row)")
    #expect(zip(row, row.dropFirst()).allSatisfy { $0 <= $1 }, "monotonic across the edge")
  }

  @Test("A missing image file names the sketch line, layer and path; a non-PNG cannot be read")
  func badImages() throws {
    let missingLine = #line + 2
    let missing = try poster(pixelSettings(width: 10, height: 10)) { poster in
      poster.add(.image("/nonexistent/sky.png"))
    }
    #expect(
      throws: ObscuraError.inLayer(
        layer: "sky.png", location: SourceLocation(file: #filePath, line: missingLine),
        error: .imageNotFound(path: "/nonexistent/sky.png"))
    ) {
      try Renderer.rasterize(missing)
    }
    let folder = try temporaryFolder()
    let text = folder + "/notes.png"
    try Data("not a png".utf8).write(to: URL(fileURLWithPath: text))
    let badLine = #line + 1
    let bad = try poster(pixelSettings(width: 10, height: 10)) { poster in poster.add(.image(text))
    }
    do {
      _ = try Renderer.rasterize(bad)
      Issue.record("expected an error")
    } catch {
      #expect(
        "\(error)".hasPrefix(
          "LayerTests.swift:\(badLine): layer 'notes.png': Image file \(text) cannot be read "
            + "as a PNG"))
    }
  }

  @Test("Image files round-trip through the PNG writer and place like rasters")
  func imageFile() throws {
    let folder = try temporaryFolder()
    let source = try poster(pixelSettings(width: 2, height: 1)) { poster in
      poster.add(.raster(FixedRaster(redBlue), fit: .stretch, filter: .nearest))
    }
    let written = try Renderer.render(
      source, options: RenderOptions(sketchName: "Src", outputDirectory: folder))
    let page = try poster(pixelSettings(width: 20, height: 10)) { poster in
      poster.add(.image(written.files[0].path, fit: .stretch, filter: .nearest))
    }
    let image = try Renderer.rasterize(page)
    #expect(rgba(image, 2, 5) == [255, 0, 0, 255] && rgba(image, 17, 5) == [0, 0, 255, 255])
  }

  @Test("A luminance mask shows the layer where the mask is bright, alpha where it is opaque")
  func masks() throws {
    let leftWhite = Layer.drawing("Half") { ctx in
      ctx.fill(Rect(x: 0, y: 0, width: 10, height: 10), .white)
      ctx.fill(Rect(x: 10, y: 0, width: 10, height: 10), .black)
    }
    let page = try poster(pixelSettings(width: 20, height: 10, background: .white)) { poster in
      poster.add(.fill(.color(.red)).masked(by: leftWhite, .luminance))
    }
    let image = try Renderer.rasterize(page)
    #expect(rgba(image, 5, 5) == [255, 0, 0, 255])
    #expect(rgba(image, 15, 5) == [255, 255, 255, 255])

    let inverted = try poster(pixelSettings(width: 20, height: 10, background: .white)) { poster in
      poster.add(.fill(.color(.red)).masked(by: leftWhite, .luminance, inverted: true))
    }
    let flipped = try Renderer.rasterize(inverted)
    #expect(rgba(flipped, 5, 5) == [255, 255, 255, 255])
    #expect(rgba(flipped, 15, 5) == [255, 0, 0, 255])

    let alpha = try poster(pixelSettings(width: 20, height: 10, background: .white)) { poster in
      poster.add(.fill(.color(.blue)).masked(by: leftWhite, .alpha).opacity(0.5))
    }
    let half = try Renderer.rasterize(alpha)
    #expect(abs(rgba(half, 15, 5)[0] - 128) <= 1, "opaque mask everywhere, opacity 0.5")
  }

  @Test("Blur spreads a hard edge symmetrically and keeps the total coverage")
  func blur() throws {
    let page = try poster(pixelSettings(width: 60, height: 60)) { poster in
      poster.add(
        .drawing("Square") { ctx in
          ctx.fill(Rect(x: 20, y: 20, width: 20, height: 20), .black)
        }.blurred(radius: 3))
    }
    let image = try Renderer.rasterize(page)
    let alphas = image.rgba.enumerated().filter { $0.offset % 4 == 3 }.map { Int($0.element) }
    let total = alphas.reduce(0, +)
    #expect(abs(Double(total) / 255 - 400) < 8, "coverage of a 20 × 20 square is preserved")
    #expect(rgba(image, 30, 30)[3] == 255, "the centre stays solid")
    #expect(abs(rgba(image, 20, 30)[3] - 128) < 20, "the edge is half covered")
    #expect(rgba(image, 14, 30)[3] > 0 && rgba(image, 10, 30)[3] < 10)
    #expect(rgba(image, 16, 30)[3] == rgba(image, 43, 30)[3], "symmetric")
  }

  @Test("Grain is seeded: the same seed gives the same pixels, another seed others")
  func grain() throws {
    func render(_ seed: UInt64) throws -> RasterImage {
      let page = try poster(pixelSettings(width: 16, height: 16), seed: seed) { poster in
        poster.add(.fill(.color(Color(white: 0.5))).grain(Grain(amount: 0.1)))
      }
      return try Renderer.rasterize(page)
    }
    #expect(try render(3) == render(3))
    #expect(try render(3) != render(4))
    let values = try render(3).rgba.enumerated().filter { $0.offset % 4 == 0 }.map {
      Double($0.element)
    }
    let mean = values.reduce(0, +) / Double(values.count)
    #expect(abs(mean - 128) < 6)
    #expect(Set(values).count > 10)
  }

  @Test("Levels, saturation and duotone follow their formulas")
  func colorGrade() throws {
    func graded(_ color: Color, _ grade: ColorGrade) throws -> [Int] {
      let page = try poster(pixelSettings(width: 2, height: 2)) { poster in
        poster.add(.fill(.color(color)).graded(grade))
      }
      return rgba(try Renderer.rasterize(page), 0, 0)
    }
    // (0.6 − 0.2) / (1 − 0.2) = 0.5 → 128.
    #expect(
      try graded(Color(white: 0.6), ColorGrade(levels: Levels(inBlack: 0.2)))
        == [128, 128, 128, 255])
    // Saturation 0 gives the luma: 0.2126 · 255 = 54.2.
    #expect(try graded(.red, ColorGrade(saturation: 0)) == [54, 54, 54, 255])
    // Duotone of black is the shadow colour, of white the highlight colour.
    let duo = ColorGrade.duotone(shadows: Color(hex: 0x102040), highlights: Color(hex: 0xF0E0A0))
    #expect(try graded(.black, duo) == [16, 32, 64, 255])
    #expect(try graded(.white, duo) == [240, 224, 160, 255])
  }

  @Test("Drawing closures see the same canvas random numbers on every output")
  func replayDeterminism() throws {
    let page = try poster(pixelSettings(width: 30, height: 30, background: .white), seed: 12) {
      poster in
      poster.add(
        .drawing("Dots") { ctx in
          for _ in 0..<20 {
            let p = Point(ctx.random.uniform(0, 30), ctx.random.uniform(0, 30))
            ctx.fill(Path.circle(center: p, radius: 1.5), .black)
          }
        })
    }
    #expect(try Renderer.rasterize(page) == Renderer.rasterize(page))
  }
}
