import Foundation
import Testing

/// Every sketch in Sketches/ renders at low resolution and matches its
/// golden image in Tests/CLITests/Golden/ within ``GoldenTolerance``.
///
/// Set OBSCURA_UPDATE_GOLDEN=1 to write the current renders as the new
/// golden images (then look at them before committing).
@Suite("Example sketches match their golden images")
struct GoldenSketchTests {
  /// The resolution of the golden renders.
  static let dpi = "24"

  /// The sketch files under Sketches/, relative to the repository root.
  static let sketches: [String] = {
    let root = ObscuraProcess.repositoryRoot
    let folder = root + "/Sketches"
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted()
      .map { "Sketches/" + $0 }
  }()

  @Test("Sketches/ holds example sketches")
  func sketchesExist() {
    #expect(GoldenSketchTests.sketches.contains("Sketches/Examples/FlowField.swift"))
    #expect(GoldenSketchTests.sketches.contains("Sketches/Examples/Grid.swift"))
  }

  @Test("the sketch renders like its golden image", arguments: sketches)
  func matchesGolden(_ sketch: String) throws {
    let scratch = try Scratch()
    let root = ObscuraProcess.repositoryRoot
    let result = try ObscuraProcess.run(
      [
        "run", root + "/" + sketch, "--dpi", GoldenSketchTests.dpi, "--seed", "1",
        "--format", "png", "--out", scratch.path,
      ], in: root)
    try #require(result.status == 0, "obscura run failed:\n\(result.output)")
    let written = scratch.files().filter { $0.hasSuffix(".png") }
    try #require(written.count == 1, "expected one PNG, found \(written)")
    let render = try PNGFile(path: scratch.path + "/" + written[0])

    let goldenName = sketch.dropFirst("Sketches/".count).replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: ".swift", with: ".png")
    let golden = root + "/Tests/CLITests/Golden/" + goldenName
    if ProcessInfo.processInfo.environment["OBSCURA_UPDATE_GOLDEN"] == "1" {
      try? FileManager.default.removeItem(atPath: golden)
      try FileManager.default.copyItem(atPath: scratch.path + "/" + written[0], toPath: golden)
      return
    }
    try #require(
      FileManager.default.fileExists(atPath: golden),
      "no golden image \(golden); run the tests with OBSCURA_UPDATE_GOLDEN=1 to create it")
    let expected = try PNGFile(path: golden)
    try #require(
      render.width == expected.width && render.height == expected.height,
      "size \(render.width)×\(render.height) differs from \(expected.width)×\(expected.height)"
    )
    let difference = render.difference(from: expected)
    #expect(
      difference.meanAbsolute < GoldenTolerance.meanAbsolute
        && difference.differingPixels <= GoldenTolerance.differingPixels,
      "\(sketch) differs from \(goldenName): \(difference)")
  }
}

/// The golden comparison notices a real change.
@Suite("The golden tolerance")
struct GoldenToleranceTests {
  @Test("a visibly different render is outside the tolerance")
  func differentRenderFails() throws {
    let scratch = try Scratch()
    let root = ObscuraProcess.repositoryRoot
    let result = try ObscuraProcess.run(
      [
        "run", root + "/Sketches/Examples/Grid.swift", "--dpi", GoldenSketchTests.dpi,
        "--seed", "1", "--param", "offset=5", "--out", scratch.path,
      ], in: root)
    try #require(result.status == 0, "obscura run failed:\n\(result.output)")
    let render = try PNGFile(path: scratch.path + "/Grid-seed1.png")
    let golden = try PNGFile(path: root + "/Tests/CLITests/Golden/Examples_Grid.png")
    let difference = render.difference(from: golden)
    #expect(difference.differingPixels > GoldenTolerance.differingPixels)
  }
}
