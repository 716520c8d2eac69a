import Testing

@testable import Obscura

@Suite("Paper sizes, units and pixel dimensions")
struct PaperTests {
  @Test("A3 is 297 × 420 mm and 3508 × 4961 px at 300 dpi")
  func a3AtPrintResolution() throws {
    let geometry = try PageGeometry(settings: Settings(paper: .a3, dpi: 300))
    #expect(geometry.trimSize == Size(width: 297, height: 420))
    #expect(geometry.pixelWidth == 3508)
    #expect(geometry.pixelHeight == 4961)
  }

  @Test("A2 at 300 dpi is 4961 × 7016 px, the benchmark's size")
  func a2AtPrintResolution() throws {
    let geometry = try PageGeometry(settings: Settings(paper: .a2, dpi: 300))
    #expect(geometry.pixelWidth == 4961)
    #expect(geometry.pixelHeight == 7016)
  }

  @Test(
    "Named sizes in their own units",
    arguments: [
      (Paper.a0, 9933, 14043), (Paper.a4, 2480, 3508), (Paper.a6, 1240, 1748),
      (Paper.b2, 5906, 8350), (Paper.letter, 2550, 3300), (Paper.legal, 2550, 4200),
      (Paper.tabloid, 3300, 5100),
    ])
  func namedSizes(paper: Paper, width: Int, height: Int) throws {
    let geometry = try PageGeometry(settings: Settings(paper: paper, dpi: 300))
    #expect(geometry.pixelWidth == width)
    #expect(geometry.pixelHeight == height)
  }

  @Test("Landscape swaps the sides")
  func landscape() throws {
    let geometry = try PageGeometry(settings: Settings(paper: .a4, orientation: .landscape))
    #expect(geometry.trimSize == Size(width: 297, height: 210))
  }

  @Test("A sketch in inches or points has the same pixels as one in millimetres")
  func unitsDoNotChangePixels() throws {
    for unit in [Unit.mm, .cm, .inch, .pt] {
      let geometry = try PageGeometry(settings: Settings(paper: .a3, unit: unit, dpi: 300))
      #expect(geometry.pixelWidth == 3508)
      #expect(abs(geometry.pixelsPerUnit * geometry.trimSize.width - 3507.87) < 0.01)
    }
    let inches = try PageGeometry(settings: Settings(paper: .letter, unit: .inch))
    #expect(inches.trimSize == Size(width: 8.5, height: 11))
  }

  @Test("Bleed grows the page on every side; the trim keeps its origin")
  func bleed() throws {
    let geometry = try PageGeometry(settings: Settings(paper: .a4, dpi: 300, bleed: 3))
    #expect(geometry.bleedBox == Rect(x: -3, y: -3, width: 216, height: 303))
    #expect(geometry.pixelWidth == 2551)  // 216 mm · 300 / 25.4 = 2551.2
    #expect(abs(geometry.pageSizeInPoints.width - 612.283) < 0.001)
  }

  @Test("A preview DPI changes the pixels but not the sketch's size")
  func previewDPI() throws {
    let settings = Settings(paper: .a3, dpi: 300)
    let preview = try PageGeometry(settings: settings, dpi: 72)
    #expect(preview.pixelWidth == 842)
    #expect(preview.trimSize == Size(width: 297, height: 420))
  }

  @Test("px is a pixel at the declared DPI and keeps its length at a preview DPI")
  func pixelUnit() throws {
    let settings = Settings(
      paper: .custom(width: 300, height: 600, unit: .px), unit: .px, dpi: 150)
    let full = try PageGeometry(settings: settings)
    #expect(full.pixelHeight == 600)
    let half = try PageGeometry(settings: settings, dpi: 75)
    #expect(half.pixelHeight == 300)
    #expect(half.trimSize.height == 600)
  }

  @Test("Paper names parse case-insensitively, custom sizes with a unit")
  func parsing() throws {
    #expect(try Paper(named: "A3") == .a3)
    #expect(try Paper(named: "letter") == .letter)
    let custom = try Paper(named: "300x400mm")
    #expect(custom.width == 300 && custom.height == 400 && custom.unit == .mm)
    let inches = try Paper(named: "8.5x11in")
    #expect(inches.width == 8.5 && inches.unit == .inch)
  }

  @Test("An unknown paper name lists the valid ones")
  func unknownPaper() {
    #expect(throws: ObscuraError.self) { try Paper(named: "a9") }
    do {
      _ = try Paper(named: "a9")
    } catch {
      #expect(
        "\(error)"
          == "Unknown paper size 'a9'. Use one of a0, a1, a2, a3, a4, a5, a6, b0, b1, b2, b3, "
          + "b4, b5, b6, letter, legal, tabloid, or a custom size such as 300x400mm "
          + "(units: mm, cm, in, pt, px).")
    }
  }

  @Test("A DPI past Cairo's 32767 px limit fails before allocating and names the largest DPI")
  func pixelLimit() {
    do {
      _ = try PageGeometry(settings: Settings(paper: .a0, dpi: 1200))
      Issue.record("A0 at 1200 dpi should not fit")
    } catch {
      #expect(
        "\(error)"
          == "At 1200 dpi the poster would be 39732×56173 px, past Cairo's limit of 32767 px "
          + "per side. The largest DPI that fits is 699.")
    }
    // 699 dpi does fit.
    #expect(throws: Never.self) { try PageGeometry(settings: Settings(paper: .a0, dpi: 699)) }
  }

  @Test("Crop marks without bleed are refused with a hint")
  func cropMarksNeedBleed() {
    #expect(throws: ObscuraError.cropMarksNeedBleed) {
      try PageGeometry(settings: Settings(cropMarks: true))
    }
  }
}
