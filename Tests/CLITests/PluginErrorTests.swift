import Foundation
import Testing

/// Sketch files that cannot become a plugin: each gets one message naming
/// the problem, a non-zero exit and no output file.
@Suite("Sketch files that do not become plugins")
struct PluginErrorTests {
  @Test("a missing sketch file is named")
  func missingFile() throws {
    let scratch = try Scratch()
    let result = try ObscuraProcess.run(["run", "Nowhere.swift"], in: scratch.path)
    #expect(result.status == 1)
    #expect(result.stderr == "obscura: error: cannot read sketch Nowhere.swift: no such file\n")
    #expect(scratch.files().isEmpty)
  }

  @Test("a compile error shows the user's file, line and column")
  func compileError() throws {
    let scratch = try Scratch()
    try scratch.write(
      "Broken.swift",
      """
      import Obscura

      struct Broken: Sketch {
        var settings = Settings()
        func compose(_ poster: inout Poster) throws {
          let count: Int = "seven"
        }
      }

      """)
    let result = try ObscuraProcess.run(["run", "Broken.swift"], in: scratch.path)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("obscura: error: Broken.swift does not compile:\n"))
    #expect(
      result.stderr.contains(
        "Broken.swift:6:22: error: cannot convert value of type 'String' to specified type 'Int'"))
    #expect(!result.stderr.contains("SketchEntry.swift"))
    #expect(scratch.files() == ["Broken.swift"])
  }

  @Test("a type that does not conform is reported at its own declaration")
  func nonConformingType() throws {
    let scratch = try Scratch()
    try scratch.write(
      "Half.swift",
      """
      import Obscura

      // A sketch without compose(_:).
      struct Half: Sketch {
        var settings = Settings()
      }

      """)
    let result = try ObscuraProcess.run(["run", "Half.swift"], in: scratch.path)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("Half.swift:4:8: error: type 'Half' does not conform to protocol"))
    #expect(!result.stderr.contains("SketchEntry.swift"))
  }

  @Test("a file without a Sketch type says how to declare one")
  func noSketchType() throws {
    let scratch = try Scratch()
    try scratch.write("Plain.swift", "struct Plain {}\n// struct Fake: Sketch {}\n")
    let result = try ObscuraProcess.run(["run", "Plain.swift"], in: scratch.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("Plain.swift: no type conforming to Sketch found"))
  }

  @Test("a file with two Sketch types names both")
  func twoSketchTypes() throws {
    let scratch = try Scratch()
    try scratch.write(
      "Two.swift", "import Obscura\nstruct A: Sketch {}\nfinal class B: Obscura.Sketch {}\n")
    let result = try ObscuraProcess.run(["run", "Two.swift"], in: scratch.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("several types conform to Sketch (A, B)"))
  }
}

extension PluginErrorTests {
  @Test("a missing compiler is named, with the way to point at one")
  func missingCompiler() throws {
    let scratch = try Scratch()
    try scratch.write(
      "Fine.swift",
      "import Obscura\nstruct Fine: Sketch {\n  var settings = Settings()\n"
        + "  func compose(_ poster: inout Poster) throws {}\n}\n// \(UUID())\n")
    let result = try ObscuraProcess.run(
      ["run", "Fine.swift"], in: scratch.path,
      environment: ["OBSCURA_SWIFTC": "/nonexistent/swiftc"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "obscura: error: swiftc not found (searched OBSCURA_SWIFTC=/nonexistent/swiftc); "
        + "install the Swift toolchain or set OBSCURA_SWIFTC to its swiftc\n")
  }
}
