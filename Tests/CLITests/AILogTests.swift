import Foundation
import Testing

/// The AILog series through the `obscura` command: generated layers in the
/// layer files and sheet, the disk cache across runs, and generated-layer
/// mistakes reported with the sketch line. (Every AILog sketch is also
/// compared with its golden image by ``GoldenSketchTests``.)
@Suite("AILog sketches and generated layers through obscura run")
struct AILogTests {
  static let root = ObscuraProcess.repositoryRoot

  @Test("the five AILog sketches are in Sketches/AILog")
  func seriesExists() {
    let names = (1...5).map { "Sketches/AILog/AILog.00\($0).swift" }
    for name in names {
      #expect(GoldenSketchTests.sketches.contains(name), "\(name) is missing")
    }
  }

  @Test("--layers writes each layer alone, generated ones with their pixels, and a sheet")
  func layerFilesAndSheet() throws {
    let scratch = try Scratch()
    let result = try ObscuraProcess.run(
      [
        "run", AILogTests.root + "/Sketches/AILog/AILog.005.swift", "--dpi", "20", "--layers",
        "--out", scratch.path,
      ], in: scratch.path)
    try #require(result.status == 0, "\(result.output)")
    let files = scratch.files()
    #expect(files.contains("AILog005-seed5.png"))
    #expect(files.contains("AILog005-seed5-layers.png"))
    let sky = try #require(files.first { $0.contains("-layer01-Sky-seed-10") }, "\(files)")
    let reflection = try #require(files.first { $0.contains("Reflection") }, "\(files)")

    // The sky layer alone is opaque where the window is and empty elsewhere.
    let image = try PNGFile(path: scratch.path + "/" + sky)
    let windowCentre = (image.width / 2, image.height / 4)
    let corner = (1, image.height - 2)
    #expect(image.rgba[(windowCentre.1 * image.width + windowCentre.0) * 4 + 3] == 255)
    #expect(image.rgba[(corner.1 * image.width + corner.0) * 4 + 3] == 0)
    // The masked reflection has pixels, and not everywhere in its band.
    let masked = try PNGFile(path: scratch.path + "/" + reflection)
    let alphas = stride(from: 3, to: masked.rgba.count, by: 4).map { masked.rgba[$0] }
    #expect(alphas.contains { $0 > 200 } && alphas.contains(0))
  }

  @Test("a second run that changes only the title reuses the generated image on disk")
  func titleEditUsesCache() throws {
    let scratch = try Scratch()
    let cache = scratch.path + "/cache"
    let sketch = AILogTests.root + "/Sketches/AILog/AILog.004.swift"
    let first = try ObscuraProcess.run(
      ["run", sketch, "--dpi", "12", "--out", "out"], in: scratch.path,
      environment: ["XDG_CACHE_HOME": cache])
    try #require(first.status == 0, "\(first.output)")
    let folder = cache + "/obscura/generated"
    let before = try inodes(in: folder)
    #expect(before.count == 9, "one cached image per band: \(before)")

    let second = try ObscuraProcess.run(
      ["run", sketch, "--dpi", "12", "--param", "title=Home is far", "--out", "out"],
      in: scratch.path, environment: ["XDG_CACHE_HOME": cache])
    try #require(second.status == 0, "\(second.output)")
    // Nothing regenerated: the same files, not rewritten (rewriting renames a new inode in).
    #expect(try inodes(in: folder) == before)

    let third = try ObscuraProcess.run(
      ["run", sketch, "--dpi", "12", "--param", "psi=0.6", "--out", "out"],
      in: scratch.path, environment: ["XDG_CACHE_HOME": cache])
    try #require(third.status == 0, "\(third.output)")
    #expect(try inodes(in: folder).count == 18, "a new psi is nine new images")
  }

  @Test("a model that does not exist: the sketch line, the layer, exit status 1")
  func missingModelNamesLine() throws {
    let scratch = try Scratch()
    try scratch.write(
      "Lost.swift",
      """
      import Obscura

      struct Lost: Sketch {
        var settings = Settings(paper: .a6, dpi: 30)

        func compose(_ poster: inout Poster) throws {
          poster.add(.title("Lost"))
          poster.add(.generated(model: .file("models/none.pkl"), seed: 3, name: "Sea"))
        }
      }

      """)
    let result = try ObscuraProcess.run(["run", "Lost.swift", "--out", "out"], in: scratch.path)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "Lost.swift:8: generated layer 'Sea': the model file "
          + "models/none.pkl does not exist"), "\(result.stderr)")
    #expect(result.stderr.contains(scratch.path + "/models/none.pkl"), "\(result.stderr)")
    #expect(scratch.files(in: "out").isEmpty, "no partial files: \(scratch.files(in: "out"))")
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/out"), "no empty out/ left")
  }

  @Test("a seed out of range from --param is refused by the AILog sketch's declared range")
  func seedOutOfRange() throws {
    let scratch = try Scratch()
    let sketch = AILogTests.root + "/Sketches/AILog/AILog.005.swift"
    let result = try ObscuraProcess.run(
      ["run", sketch, "--dpi", "12", "--param", "sky=-4", "--out", "out"], in: scratch.path)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "obscura: error: Parameter 'sky' must be from 0 to 4294967295, but -4 is outside "
        + "that range.\n")
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/out"))
  }
}

/// File name → inode number of every file in `folder`.
private func inodes(in folder: String) throws -> [String: UInt64] {
  var result: [String: UInt64] = [:]
  for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
    var status = stat()
    if stat(folder + "/" + name, &status) == 0 { result[name] = UInt64(status.st_ino) }
  }
  return result
}
