import Testing

@testable import Obscura

@Suite("Fonts and text layout")
struct TextTests {
  init() { useRepositoryFonts() }

  @Test("The bundled families are registered and listed first")
  func bundledFamilies() throws {
    let families = try Fonts.families()
    let bundled = families.filter { $0.isBundled }.map { $0.name }
    for name in ["Inter", "EB Garamond", "Bebas Neue"] {
      #expect(bundled.contains(name), "\(name) should be bundled; got \(bundled)")
    }
    #expect(families.first?.isBundled == true)
    let inter = try #require(families.first { $0.name == "Inter" })
    #expect(inter.styles.contains("Bold") && inter.styles.contains("Regular"))
  }

  @Test("An unknown family is an error with close matches")
  func unknownFont() throws {
    do {
      _ = try Fonts.resolve(family: "Intr")
      Issue.record("expected an error")
    } catch let error as ObscuraError {
      guard case .unknownFont(let family, let matches) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(family == "Intr")
      #expect(matches.first == "Inter")
      #expect("\(error)".hasPrefix("Unknown font family 'Intr'. Close matches: Inter"))
    }
    #expect(try Fonts.resolve(family: "bebas neue") == "Bebas Neue")
  }

  @Test("Text with a missing font fails the render naming the sketch line, layer and family")
  func unknownFontInLayer() throws {
    let line = #line + 2
    let page = try poster(pixelSettings(width: 50, height: 20)) { poster in
      poster.add(.title("x", font: Font("Helvetica Nue Pro Max")))
    }
    do {
      _ = try Renderer.rasterize(page)
      Issue.record("expected an error")
    } catch {
      #expect(
        "\(error)".hasPrefix(
          "TextTests.swift:\(line): layer 'Title “x”': Unknown font family "
            + "'Helvetica Nue Pro Max'."), "\(error)")
    }

    // The check before rendering names the line too, for `.text` layers.
    let textLine = #line + 3
    let folder = try temporaryFolder()
    let sketch = ClosureSketch(pixelSettings(width: 50, height: 20)) { poster in
      poster.add(.text(TextBlock("y", font: Font("Intr")), name: "Byline"))
    }
    do {
      _ = try Renderer.render(
        sketch: sketch, options: RenderOptions(sketchName: "T", outputDirectory: folder))
      Issue.record("expected an error")
    } catch {
      #expect(
        "\(error)".hasPrefix(
          "TextTests.swift:\(textLine): layer 'Byline': Unknown font family 'Intr'. "
            + "Close matches: Inter"), "\(error)")
    }
  }

  /// The bounding box of pixels darker than mid-grey.
  private func inkBox(_ image: RasterImage) -> (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
    var box: (Int, Int, Int, Int)?
    for y in 0..<image.height {
      for x in 0..<image.width where rgba(image, x, y)[0] < 128 {
        box = box.map { (min($0.0, x), min($0.1, y), max($0.2, x), max($0.3, y)) } ?? (x, y, x, y)
      }
    }
    return box.map { (minX: $0.0, minY: $0.1, maxX: $0.2, maxY: $0.3) }
  }

  @Test("Glyphs the bundled fonts lack (CJK) fall back to a system font")
  func cjkFallback() throws {
    let page = try poster(pixelSettings(width: 200, height: 80, background: .white)) { poster in
      poster.add(
        .text(
          TextBlock(
            "世界", font: Font("Inter"), size: 48,
            placement: .point(Point(10, 10), anchor: .topLeft))))
    }
    let box = try #require(inkBox(try Renderer.rasterize(page)))
    #expect(box.maxX - box.minX > 60, "two CJK glyphs of 48 pt are drawn, not empty boxes")
  }

  @Test("Anchors place the text box: bottom-right sits inside the margin")
  func anchoring() throws {
    let page = try poster(pixelSettings(width: 300, height: 200, background: .white)) { poster in
      poster.add(
        .title(
          "Mark", font: Font("Inter", weight: .bold), size: 40, at: .bottomRight,
          margin: 10))
    }
    let box = try #require(inkBox(try Renderer.rasterize(page)))
    #expect(box.maxX <= 290 && box.maxX >= 280)
    #expect(box.maxY <= 190 && box.maxY >= 170)
  }

  @Test("Tracking widens the line, wrapping in a box makes more lines")
  func trackingAndWrapping() throws {
    func width(tracking: Double) throws -> Int {
      let page = try poster(pixelSettings(width: 600, height: 100, background: .white)) { poster in
        poster.add(
          .text(
            TextBlock(
              "Tracking", size: 30, tracking: tracking,
              placement: .point(Point(5, 5), anchor: .topLeft))))
      }
      let box = try #require(inkBox(try Renderer.rasterize(page)))
      return box.maxX - box.minX
    }
    #expect(try width(tracking: 200) > width(tracking: 0) + 30)

    func height(boxWidth: Double) throws -> Int {
      let page = try poster(pixelSettings(width: 400, height: 400, background: .white)) { poster in
        poster.add(
          .text(
            TextBlock(
              "one two three four five six", size: 20,
              placement: .box(Rect(x: 0, y: 0, width: boxWidth, height: 400), anchor: .topLeft))))
      }
      let box = try #require(inkBox(try Renderer.rasterize(page)))
      return box.maxY - box.minY
    }
    #expect(try height(boxWidth: 80) > 2 * height(boxWidth: 390))
  }

  @Test("A title has the same shape at 72 and 144 dpi")
  func dpiIndependentText() throws {
    func box(dpi: Double) throws -> (Double, Double) {
      let settings = Settings(
        paper: .custom(width: 80, height: 30, unit: .mm),
        orientation: .landscape, dpi: 72)
      let page = try poster(settings, dpi: dpi) { poster in
        poster.add(.title("Scale", font: Font("EB Garamond"), size: 36, at: .topLeft, margin: 3))
      }
      let b = try #require(inkBox(try Renderer.rasterize(page)))
      let scale = dpi / 72
      return (Double(b.maxX - b.minX) / scale, Double(b.maxY - b.minY) / scale)
    }
    let low = try box(dpi: 72)
    let high = try box(dpi: 144)
    #expect(abs(low.0 - high.0) <= 1.5)
    #expect(abs(low.1 - high.1) <= 1.5)
  }

  @Test("Aligning to ink puts the glyphs themselves on the margin")
  func inkAlignment() throws {
    func box(_ ink: Bool) throws -> (minX: Int, minY: Int, maxX: Int, maxY: Int) {
      let page = try poster(pixelSettings(width: 300, height: 200, background: .white)) {
        poster in
        poster.add(
          .title(
            "NOT", font: Font("Bebas Neue"), size: 80, at: .bottomLeft, margin: 20,
            alignsToInk: ink))
      }
      return try #require(inkBox(try Renderer.rasterize(page)))
    }
    let ink = try box(true)
    #expect(abs(ink.minX - 20) <= 1 && abs(ink.maxY - 179) <= 1, "\(ink)")
    let logical = try box(false)
    #expect(logical.maxY < ink.maxY - 5, "line boxes leave the descender space: \(logical)")
  }
}
