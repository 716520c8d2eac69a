import Foundation
import Testing

/// `obscura new` writes a sketch that compiles and renders, and never
/// replaces a file.
@Suite("obscura new")
struct NewCommandTests {
  @Test("the template names its type after the file, compiles and renders")
  func templateRenders() throws {
    let scratch = try Scratch()
    let made = try ObscuraProcess.run(["new", "posters/night-walk.swift"], in: scratch.path)
    #expect(made.status == 0, "\(made.output)")
    #expect(made.stdout.hasPrefix("wrote posters/night-walk.swift (sketch NightWalk, a3)\n"))
    #expect(made.stdout.contains("obscura watch posters/night-walk.swift"))
    let text = try String(
      contentsOfFile: scratch.path + "/posters/night-walk.swift", encoding: .utf8)
    #expect(text.contains("struct NightWalk: Sketch {"))
    #expect(text.contains("paper: .a3"))

    let rendered = try ObscuraProcess.run(
      ["run", "posters/night-walk.swift", "--seed", "5", "--dpi", "20", "--out", "out"],
      in: scratch.path)
    #expect(rendered.status == 0, "\(rendered.output)")
    // A3 is 297 × 420 mm: at 20 dpi 234 × 331 px.
    #expect(rendered.stdout.hasPrefix("wrote out/NightWalk-seed5.png  234×331 px"))
  }

  @Test("--paper sets the template's paper")
  func paperOption() throws {
    let scratch = try Scratch()
    let made = try ObscuraProcess.run(["new", "Small.swift", "--paper", "A5"], in: scratch.path)
    #expect(made.status == 0, "\(made.output)")
    let text = try String(contentsOfFile: scratch.path + "/Small.swift", encoding: .utf8)
    #expect(text.contains("paper: .a5"))
  }

  @Test("an existing file is left alone")
  func refusesToOverwrite() throws {
    let scratch = try Scratch()
    try scratch.write("Mine.swift", "// my work\n")
    let result = try ObscuraProcess.run(["new", "Mine.swift"], in: scratch.path)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "obscura: error: Mine.swift already exists; choose another name or delete it first\n")
    let kept = try String(contentsOfFile: scratch.path + "/Mine.swift", encoding: .utf8)
    #expect(kept == "// my work\n")
  }

  @Test("file names become Swift type names")
  func typeNames() throws {
    let scratch = try Scratch()
    for (file, type) in [("2049.swift", "Sketch2049"), ("dusk_over-sea.swift", "DuskOverSea")] {
      let result = try ObscuraProcess.run(["new", file], in: scratch.path)
      #expect(result.stdout.hasPrefix("wrote \(file) (sketch \(type), a3)"), "\(result.output)")
    }
  }

  @Test("an unknown --paper is a usage error")
  func unknownPaper() throws {
    let scratch = try Scratch()
    let result = try ObscuraProcess.run(["new", "X.swift", "--paper", "a9"], in: scratch.path)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("obscura: error: unknown paper 'a9' for --paper"))
    #expect(scratch.files().isEmpty)
  }
}
