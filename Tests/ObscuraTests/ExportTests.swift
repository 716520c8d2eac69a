import Foundation
import Testing

@testable import Obscura

@Suite("PNG, PDF and SVG export")
struct ExportTests {
  init() { useRepositoryFonts() }

  private func smallSketch(dpi: Double = 300) -> ClosureSketch {
    ClosureSketch(
      Settings(
        paper: .custom(width: 20, height: 10, unit: .mm), orientation: .landscape,
        dpi: dpi, parameters: [.number("density", 0.25), .text("title", "世界")])
    ) { poster in
      poster.add(
        .drawing("Square") { ctx in ctx.fill(Rect(x: 2, y: 2, width: 5, height: 5), .red) })
    }
  }

  @Test("PNG records the DPI in pHYs and the sketch, seed and parameters in text chunks")
  func pngMetadata() throws {
    let folder = try temporaryFolder()
    let result = try Renderer.render(
      sketch: smallSketch(),
      options: RenderOptions(
        sketchName: "Tiny", seed: 85, outputDirectory: folder,
        sourcePath: "Sketches/Tiny.swift"))
    let file = try #require(result.files.first)
    #expect(file.path == folder + "/Tiny-seed85.png")
    #expect(file.pixelWidth == 236 && file.pixelHeight == 118)
    #expect(file.byteCount > 0)

    let metadata = try PNGReader.metadata(file.path)
    #expect(metadata.pixelsPerMetre == 11811)
    #expect(
      metadata.text.map { $0.key } == [
        "Title", "Software", "Sketch", "Seed", "Parameters", "Paper", "Obscura Version", "Source",
      ])
    let values = Dictionary(
      metadata.text.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    #expect(values["Title"] == "Tiny")
    #expect(values["Software"] == "Obscura \(obscuraVersion)")
    #expect(values["Seed"] == "85")
    #expect(values["Parameters"] == "density=0.25, title=世界")
    #expect(values["Obscura Version"] == obscuraVersion)
    #expect(values["Source"] == "Sketches/Tiny.swift")
  }

  @Test("The pixels read back are the pixels drawn, and an opaque poster is stored as RGB")
  func pngPixels() throws {
    let folder = try temporaryFolder()
    let result = try Renderer.render(
      sketch: smallSketch(dpi: 72.0 * 2),
      options: RenderOptions(sketchName: "Tiny", seed: 1, outputDirectory: folder))
    let image = try PNGReader.read(result.files[0].path)
    #expect(rgba(image, 20, 20) == [255, 0, 0, 255])
    #expect(rgba(image, 2, 2) == [255, 255, 255, 255])
    // Colour type byte of IHDR: 2 = RGB.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: result.files[0].path))
    #expect(bytes[25] == 2)
  }

  @Test("PDF page size is the paper plus bleed, with metadata and real text")
  func pdf() throws {
    let folder = try temporaryFolder()
    let sketch = ClosureSketch(Settings(paper: .a6, dpi: 72, bleed: 3, cropMarks: true)) {
      poster in
      poster.add(.title("Selectable", font: Font("Inter"), size: 24, at: .center))
    }
    let result = try Renderer.render(
      sketch: sketch,
      options: RenderOptions(
        sketchName: "Paged", seed: 9, formats: [.pdf, .svg], outputDirectory: folder))
    let pdf = result.files[0]
    #expect(pdf.path.hasSuffix("Paged-seed9.pdf"))
    // (105 + 6) mm and (148 + 6) mm in points.
    #expect(abs(pdf.pageSize.width - 314.646) < 0.001)
    #expect(abs(pdf.pageSize.height - 436.535) < 0.001)
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf.path)), as: UTF8.self)
    #expect(text.contains("/MediaBox [ 0 0 314.645669 436.535433 ]"))
    #expect(text.contains("/Title (Paged)"))
    #expect(text.contains("/Creator (Obscura \(obscuraVersion))"))
    #expect(text.contains("/FontFile3"), "the text is embedded as a font, not as paths")
    let svg = String(
      decoding: try Data(contentsOf: URL(fileURLWithPath: result.files[1].path)), as: UTF8.self)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("width=\"314.645669pt\""))
  }

  @Test("A failing export leaves the earlier file byte-identical and no temporary files")
  func atomicWrites() throws {
    let folder = try temporaryFolder()
    let options = RenderOptions(sketchName: "Keep", seed: 4, outputDirectory: folder)
    let first = try Renderer.render(sketch: smallSketch(dpi: 72), options: options)
    let before = try Data(contentsOf: URL(fileURLWithPath: first.files[0].path))

    struct Broken: Error {}
    let failing = ClosureSketch(smallSketch(dpi: 72).settings) { poster in
      poster.add(.drawing("Fails") { _ in throw Broken() })
    }
    #expect(throws: ObscuraError.drawingFailed(layer: "Fails", reason: "Broken()")) {
      try Renderer.render(sketch: failing, options: options)
    }

    // A failure while the file itself is being written.
    #expect(throws: ObscuraError.self) {
      try AtomicFile.write(to: first.files[0].path) { temporary in
        try Data("partial".utf8).write(to: URL(fileURLWithPath: temporary))
        throw ObscuraError.writeFailed(path: temporary, reason: "disk full")
      }
    }
    let after = try Data(contentsOf: URL(fileURLWithPath: first.files[0].path))
    #expect(after == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(leftovers == ["Keep-seed4.png"])
  }

  @Test("An output folder that is a file is refused with a clear message")
  func unwritableFolder() throws {
    let folder = try temporaryFolder()
    let file = folder + "/not-a-folder"
    try Data("x".utf8).write(to: URL(fileURLWithPath: file))
    do {
      _ = try Renderer.render(
        sketch: smallSketch(dpi: 72),
        options: RenderOptions(sketchName: "X", seed: 1, outputDirectory: file))
      Issue.record("expected an error")
    } catch {
      #expect(
        "\(error)" == "Cannot write to the output folder \(file): it is a file, not a folder.")
    }
    do {
      _ = try Renderer.render(
        sketch: smallSketch(dpi: 72),
        options: RenderOptions(sketchName: "X", seed: 1, outputDirectory: file + "/out"))
      Issue.record("expected an error")
    } catch {
      #expect("\(error)".hasPrefix("Cannot write to the output folder \(file)/out"))
    }
  }

  @Test("Format names parse; an unknown one lists the valid ones")
  func formats() throws {
    #expect(try ExportFormat.list("png,PDF") == [.png, .pdf])
    #expect(throws: ObscuraError.unknownFormat("tiff", valid: ["png", "pdf", "svg"])) {
      try ExportFormat.list("png,tiff")
    }
  }

  @Test("RGB bytes written as a PNG read back byte for byte, with their text chunks")
  func rgbFile() throws {
    let folder = try temporaryFolder()
    let (width, height) = (5, 3)
    let rgb = (0..<width * height * 3).map { UInt8(($0 * 37 + 11) % 256) }
    let path = folder + "/seed0003.png"
    let size = try PNGFile.write(
      rgb: rgb, width: width, height: height, to: path, metadata: [("Seed", "3")])
    #expect(size > 0)
    let image = try PNGReader.read(path)
    #expect(image.width == width && image.height == height)
    for pixel in 0..<width * height {
      let stored = Array(image.rgba[pixel * 4..<pixel * 4 + 4]).map(Int.init)
      let given = Array(rgb[pixel * 3..<pixel * 3 + 3]).map(Int.init) + [255]
      #expect(stored == given, "pixel \(pixel)")
    }
    let metadata = try PNGReader.metadata(path)
    #expect(metadata.text.contains { $0.key == "Seed" && $0.value == "3" })
    #expect(metadata.pixelsPerMetre == 2835)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(names == ["seed0003.png"], "no temporary file is left")
  }

  @Test("Without formats in the options, the sketch's own Settings.formats are written")
  func sketchFormats() throws {
    let folder = try temporaryFolder()
    var settings = smallSketch(dpi: 30).settings
    settings.formats = [.png, .pdf]
    let sketch = ClosureSketch(settings) { poster in poster.add(.fill(.color(.blue))) }
    let own = try Renderer.render(
      sketch: sketch, options: RenderOptions(sketchName: "F", seed: 1, outputDirectory: folder))
    #expect(own.files.map(\.format) == [.png, .pdf])

    let chosen = try Renderer.render(
      sketch: sketch,
      options: RenderOptions(sketchName: "F", seed: 1, formats: [.svg], outputDirectory: folder))
    #expect(chosen.files.map(\.format) == [.svg])
  }

  @Test("--layers writes each layer alone and a sheet")
  func layerFiles() throws {
    let folder = try temporaryFolder()
    let sketch = ClosureSketch(Settings(paper: .a6, dpi: 30)) { poster in
      poster.add(.fill(.color(.blue), name: "Sky"))
      poster.add(
        .drawing("Sun", blend: .screen) { ctx in
          ctx.fill(Path.circle(center: ctx.bounds.center, radius: 20), .red)
        })
    }
    let result = try Renderer.render(
      sketch: sketch,
      options: RenderOptions(sketchName: "L", seed: 2, outputDirectory: folder, layers: true))
    let names = result.files.map { URL(fileURLWithPath: $0.path).lastPathComponent }
    #expect(
      names == [
        "L-seed2.png", "L-seed2-layer01-Sky.png", "L-seed2-layer02-Sun.png", "L-seed2-layers.png",
      ])
    let sun = try PNGReader.read(result.files[2].path)
    #expect(rgba(sun, 0, 0)[3] == 0, "a layer alone is on transparent")
    #expect(rgba(sun, sun.width / 2, sun.height / 2) == [255, 0, 0, 255])
  }

  @Test("Large images deflated on several cores read back pixel for pixel, RGB and RGBA")
  func parallelDeflateRoundTrip() throws {
    let folder = try temporaryFolder()
    for background in [Color.white, nil] {
      let page = try poster(pixelSettings(width: 160, height: 520, background: background)) {
        poster in
        poster.add(
          .fill(.linear(from: .zero, to: Point(160, 520), Gradient([.red, .blue])))
            .grain(Grain(amount: 0.2, monochrome: false)).opacity(0.8))
        poster.add(
          .drawing("Dots") { ctx in
            for _ in 0..<200 {
              let p = Point(ctx.random.uniform(0, 160), ctx.random.uniform(0, 520))
              ctx.fill(Path.circle(center: p, radius: 6), Color(white: 0, alpha: 0.4))
            }
          })
      }
      let result = try Renderer.render(
        page, options: RenderOptions(sketchName: "Big", outputDirectory: folder))
      let read = try PNGReader.read(result.files[0].path)
      let expected = try Renderer.rasterize(page)
      #expect(read.rgba == expected.rgba)
      let bytes = try Data(contentsOf: URL(fileURLWithPath: result.files[0].path))
      #expect(bytes[25] == (background == nil ? 6 : 2), "colour type RGBA / RGB")
      #expect(try PNGReader.metadata(result.files[0].path).pixelsPerMetre == 2835)
    }
  }
}
