import Foundation
import Testing

/// Each kind of bad input gets one message naming the problem, a non-zero
/// exit status and no file in the output folder.
@Suite("Bad input to obscura run")
struct BadInputTests {
  /// A small sketch whose parameters choose its count, font and image.
  static let probe = """
    import Obscura

    struct Probe: Sketch {
      var settings = Settings(
        paper: .a6, dpi: 300, seed: 1,
        parameters: [.integer("count", 3, in: 0...20), .text("font", "Inter"), .text("image", "")])

      func compose(_ poster: inout Poster) throws {
        let count = try poster.integer("count")
        let image = try poster.text("image")
        poster.add(.drawing("Dots") { ctx in
          for i in 0..<count {
            ctx.circle(center: Point(x: 10 + Double(i) * 10, y: 20), radius: 4)
            ctx.fill(Color.black)
          }
        })
        if !image.isEmpty { poster.add(.image(image)) }
        poster.add(.title("Probe", font: Font(try poster.text("font")), size: 20))
      }
    }

    """

  /// The 1-based line of the probe that contains `text`.
  static func probeLine(containing text: String) throws -> Int {
    let lines = probe.split(separator: "\n", omittingEmptySubsequences: false)
    return try #require(lines.firstIndex { $0.contains(text) }) + 1
  }

  /// Runs the probe with `arguments` into a fresh `out` folder.
  private func runProbe(_ arguments: [String]) throws -> (ObscuraProcess.Result, Scratch) {
    let scratch = try Scratch()
    try scratch.write("Probe.swift", BadInputTests.probe)
    let result = try ObscuraProcess.run(
      ["run", "Probe.swift", "--dpi", "30", "--out", "out"] + arguments, in: scratch.path)
    return (result, scratch)
  }

  @Test("the probe itself renders, so the failures below are the input's")
  func probeRenders() throws {
    let (result, scratch) = try runProbe([])
    #expect(result.status == 0, "\(result.output)")
    #expect(scratch.files(in: "out") == ["Probe-seed1.png"])
  }

  @Test("an unknown --param lists the declared ones")
  func unknownParameter() throws {
    let (result, scratch) = try runProbe(["--param", "density=2"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "obscura: error: Unknown parameter 'density'. The sketch declares: count, font, image.\n"
    )
    #expect(scratch.files(in: "out").isEmpty)
  }

  @Test("a --param value of the wrong type names the expected type")
  func wrongParameterType() throws {
    let (result, scratch) = try runProbe(["--param", "count=many"])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("Parameter 'count' expects an integer, but 'many' is not one."))
    #expect(scratch.files(in: "out").isEmpty)
  }

  @Test("a --param value outside the declared range names the parameter, value and range")
  func parameterOutOfRange() throws {
    let (result, scratch) = try runProbe(["--param", "count=-5"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "obscura: error: Parameter 'count' must be from 0 to 20, but -5 is outside that "
        + "range.\n")
    #expect(scratch.files(in: "out").isEmpty)
  }

  @Test("a --param without '=' is a usage error")
  func malformedParameter() throws {
    let (result, _) = try runProbe(["--param", "count"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("obscura: error: --param expects NAME=VALUE, not 'count'\n"))
  }

  @Test("an unknown paper lists the known sizes")
  func unknownPaper() throws {
    let (result, scratch) = try runProbe(["--paper", "a11"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("Unknown paper size 'a11'. Use one of a0, a1,"))
    #expect(scratch.files(in: "out").isEmpty)
  }

  @Test("a DPI past Cairo's pixel limit names the largest DPI that fits")
  func dpiTooHigh() throws {
    let scratch = try Scratch()
    try scratch.write("Probe.swift", BadInputTests.probe)
    let result = try ObscuraProcess.run(
      ["run", "Probe.swift", "--dpi", "9000", "--out", "out"], in: scratch.path)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "At 9000 dpi the poster would be 37205×52441 px, past Cairo's limit of 32767 px per side. "
          + "The largest DPI that fits is 5623."))
    #expect(scratch.files(in: "out").isEmpty)
  }

  @Test("an unknown font lists close matches")
  func unknownFont() throws {
    let (result, scratch) = try runProbe(["--param", "font=Intr"])
    #expect(result.status == 1)
    let line = try BadInputTests.probeLine(containing: "poster.add(.title(")
    #expect(
      result.stderr.hasPrefix(
        "obscura: error: Probe.swift:\(line): layer 'Title “Probe”': Unknown font family "
          + "'Intr'. Close matches: Inter"), "\(result.stderr)")
    #expect(scratch.files(in: "out").isEmpty)
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/out"), "no empty out/ left")
  }

  @Test("a missing image is named")
  func missingImage() throws {
    let (result, scratch) = try runProbe(["--param", "image=sky.png"])
    #expect(result.status == 1)
    let line = try BadInputTests.probeLine(containing: "poster.add(.image(image))")
    #expect(
      result.stderr
        == "obscura: error: Probe.swift:\(line): layer 'sky.png': Image file sky.png does not "
        + "exist. Looked for it at \(scratch.path)/sky.png.\n")
    #expect(scratch.files(in: "out").isEmpty)
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/out"), "no empty out/ left")
  }

  @Test("an output folder that cannot be created is named")
  func unwritableOutput() throws {
    let scratch = try Scratch()
    try scratch.write("Probe.swift", BadInputTests.probe)
    try scratch.write("taken", "a file where the folder should be\n")
    let result = try ObscuraProcess.run(
      ["run", "Probe.swift", "--dpi", "30", "--out", "taken/posters"], in: scratch.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("Cannot write to the output folder taken/posters"))
    #expect(scratch.files() == ["Probe.swift", "taken"])
  }

  @Test("an unknown format is a usage error naming it")
  func unknownFormat() throws {
    let (result, _) = try runProbe(["--format", "png,gif"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("obscura: error: unknown format 'gif' in --format"))
  }

  @Test("a sketch that traps while rendering exits non-zero and writes nothing")
  func trappingSketch() throws {
    let scratch = try Scratch()
    try scratch.write(
      "Trap.swift",
      """
      import Obscura

      struct Trap: Sketch {
        var settings = Settings(paper: .a6, seed: 1)
        func compose(_ poster: inout Poster) throws {
          let sizes = [1, 2]
          poster.add(.drawing("Oops") { ctx in
            ctx.circle(center: Point(x: 5, y: 5), radius: Double(sizes[2]))
          })
        }
      }

      """)
    let result = try ObscuraProcess.run(
      ["run", "Trap.swift", "--dpi", "30", "--out", "out"], in: scratch.path)
    #expect(result.status != 0)
    #expect(result.stderr.contains("Fatal error: Index out of range"))
    #expect(scratch.files(in: "out").filter { !$0.hasPrefix(".") }.isEmpty)
    // The trap comes while the PNG is composited, before the folder is made.
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/out"), "no empty out/ left")
  }
}
