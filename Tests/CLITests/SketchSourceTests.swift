import Testing

@testable import ObscuraCLI

/// Finding the one sketch type in a file without compiling it.
@Suite("Finding the sketch type in a file")
struct SketchSourceTests {
  @Test("struct, class and final class declarations are found with their lines")
  func declarations() {
    let text = """
      import Obscura

      struct Helper {}
      public final class Dawn: Sketch, Sendable {
      }
      """
    let found = SketchSource.sketchTypes(in: text)
    #expect(found.map { $0.name } == ["Dawn"])
    #expect(found.map { $0.line } == [4])
  }

  @Test("comments and string literals do not count")
  func commentsAndStrings() {
    let text = """
      // struct Old: Sketch {}
      /* class Older: Sketch { } /* nested */ */
      let note = "struct Quoted: Sketch {"
      struct Real: Obscura.Sketch { }
      """
    #expect(SketchSource.sketchTypes(in: text).map { $0.name } == ["Real"])
  }

  @Test("a type conforming to other protocols only is not a sketch")
  func otherConformances() {
    let text = "struct Sketchy: Equatable {}\nstruct NotASketch: SketchLike {}\n"
    #expect(SketchSource.sketchTypes(in: text).isEmpty)
  }

  @Test("file names become type names")
  func templateTypeNames() {
    #expect(SketchTemplate.typeName(forFile: "posters/night-walk.swift") == "NightWalk")
    #expect(SketchTemplate.typeName(forFile: "2049.swift") == "Sketch2049")
    #expect(SketchTemplate.typeName(forFile: "AILog.006.swift") == "AILog006")
  }

  @Test("compiler output about the wrapper points at the user's declaration")
  func diagnosticsRewrite() throws {
    let source = try SketchSource(
      path: "/nonexistent-\(#line)", text: "import Obscura\n\nstruct Dusk: Sketch {}\n")
    let output = """
      /tmp/work/SketchEntry.swift:3:52: error: type 'Dusk' does not conform to protocol 'Sketch'
      private let sketchConformance: any Sketch.Type = Dusk.self
                                                       ^
      /abs/Dusk.swift:1:8: warning: something
      """
    let rewritten = CompilerDiagnostics.rewrite(
      output, source: source, wrapper: "/tmp/work/SketchEntry.swift")
    #expect(
      rewritten.split(separator: "\n").first
        == "\(source.path):3:1: error: type 'Dusk' does not conform to protocol 'Sketch'")
    #expect(!rewritten.contains("sketchConformance"))
  }
}

extension SketchSourceTests {
  @Test("the wrapper's source line is replaced by the user's declaration")
  func diagnosticsShowDeclaration() throws {
    let source = try SketchSource(
      path: "Dusk.swift", text: "import Obscura\n\nstruct Dusk: Sketch {}\n")
    let output = """
      /w/SketchEntry.swift:3:52: error: type 'Dusk' does not conform to protocol 'Sketch'
      private let sketchConformance: any Sketch.Type = Dusk.self
                                                       ^
      \(source.absolutePath):3:8: note: add stubs for conformance
      struct Dusk: Sketch {}
             ^
      """
    let rewritten = CompilerDiagnostics.rewrite(
      output, source: source, wrapper: "/w/SketchEntry.swift")
    #expect(
      rewritten == """
        Dusk.swift:3:1: error: type 'Dusk' does not conform to protocol 'Sketch'
        struct Dusk: Sketch {}
        ^
        Dusk.swift:3:8: note: add stubs for conformance
        struct Dusk: Sketch {}
               ^
        """)
  }
}
