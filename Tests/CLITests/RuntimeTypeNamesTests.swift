import Foundation
import Testing

@testable import ObscuraCLI

/// Sketch type names never shadow a runtime type: `obscura new` avoids
/// them, and a compile error caused by one says so.
@Suite("Runtime type names")
struct RuntimeTypeNamesTests {
  /// The `public struct|enum|class|protocol|typealias|actor` names declared
  /// under Sources/`module`, read from the repository's sources.
  static func declaredPublicTypes(module: String) throws -> Set<String> {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("Sources/\(module)")
    guard let files = FileManager.default.enumerator(atPath: folder.path) else {
      Issue.record("Sources/\(module) is missing at \(folder.path)")
      return []
    }
    let declaration =
      #/
      public\s+(?:final\s+)?(?:struct|enum|class|protocol|typealias|actor)\s+
      (?<name>[A-Za-z_][A-Za-z0-9_]*)
      /#
    var names: Set<String> = []
    for case let file as String in files where file.hasSuffix(".swift") {
      let text = try String(
        contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      for match in text.matches(of: declaration) { names.insert(String(match.output.name)) }
    }
    return names
  }

  @Test("the list holds every public type of Obscura and StyleGAN")
  func listIsComplete() throws {
    let obscura = try Self.declaredPublicTypes(module: "Obscura")
    let styleGAN = try Self.declaredPublicTypes(module: "StyleGAN")
    #expect(obscura.count > 50 && obscura.contains("Poster") && obscura.contains("Color"))
    #expect(styleGAN.contains("Tensor") && styleGAN.contains("Generator"))
    #expect(obscura.subtracting(RuntimeTypeNames.obscura).sorted() == [])
    #expect(styleGAN.subtracting(RuntimeTypeNames.styleGAN).sorted() == [])
  }

  @Test("a file named after a runtime type gets a Sketch suffix")
  func templateAvoidsRuntimeNames() throws {
    #expect(SketchTemplate.typeName(forFile: "poster.swift") == "PosterSketch")
    #expect(SketchTemplate.typeName(forFile: "sketch.swift") == "SketchSketch")
    #expect(SketchTemplate.typeName(forFile: "color.swift") == "ColorSketch")
    #expect(SketchTemplate.typeName(forFile: "tensor.swift") == "TensorSketch")
    #expect(SketchTemplate.typeName(forFile: "posters.swift") == "Posters")
    for name in RuntimeTypeNames.obscura.union(RuntimeTypeNames.styleGAN) {
      #expect(SketchTemplate.typeName(forFile: "\(name).swift") == name + "Sketch")
    }
  }

  @Test("the template's title is the file's words, not the type name")
  func templateTitle() {
    #expect(SketchTemplate.title(forFile: "posters/night-walk.swift") == "Night walk")
    #expect(SketchTemplate.title(forFile: "dusk_over-sea.swift") == "Dusk over sea")
    #expect(SketchTemplate.title(forFile: "poster.swift") == "Poster")
    #expect(SketchTemplate.title(forFile: "2049.swift") == "2049")
  }

  @Test("new poster.swift writes PosterSketch, which compiles and renders")
  func newPosterRenders() throws {
    let scratch = try Scratch()
    for (file, type) in [("poster.swift", "PosterSketch"), ("color.swift", "ColorSketch")] {
      let made = try ObscuraProcess.run(["new", file], in: scratch.path)
      #expect(made.stdout.hasPrefix("wrote \(file) (sketch \(type), a3)"), "\(made.output)")
      let text = try String(contentsOfFile: scratch.path + "/" + file, encoding: .utf8)
      #expect(text.contains("struct \(type): Sketch {"))
    }
    let text = try String(contentsOfFile: scratch.path + "/poster.swift", encoding: .utf8)
    #expect(text.contains(#".text("title", "Poster", summary:"#))
    let rendered = try ObscuraProcess.run(
      ["run", "poster.swift", "--dpi", "10", "--out", "out"], in: scratch.path)
    #expect(rendered.status == 0, "\(rendered.output)")
    #expect(rendered.stdout.hasPrefix("wrote out/PosterSketch"), "\(rendered.output)")
  }

  @Test("a compile error about a user's own Color says it shadows Obscura's")
  func shadowingHint() throws {
    let scratch = try Scratch()
    try scratch.write(
      "Own.swift",
      """
      import Obscura

      struct Color { var name: String }

      struct Own: Sketch {
        var settings = Settings()
        func compose(_ poster: inout Poster) throws {
          poster.add(.fill(Color(name: "red"), name: "Red"))
        }
      }

      """)
    let result = try ObscuraProcess.run(["run", "Own.swift"], in: scratch.path)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("obscura: error: Own.swift does not compile:\n"))
    #expect(
      result.stderr.contains(
        "\nhint: Own.swift declares its own 'Color', which shadows Obscura's type 'Color' "
          + "in this file; rename yours (e.g. 'MyColor') or write 'Obscura.Color' for "
          + "Obscura's\n"), "\(result.stderr)")
    #expect(!result.stderr.contains("'Poster', which shadows"))
  }

  @Test("the hint needs both a declaration and a mention in the diagnostics")
  func shadowedNeedsBoth() {
    let text = "struct Color {}\n// struct Poster {}\nlet s = \"enum Size\"\nstruct Dusk {}\n"
    let diagnostics = "error: cannot convert 'Color' to 'Paint'; Poster Size Dusk"
    #expect(RuntimeTypeNames.shadowed(in: text, mentionedIn: diagnostics) == ["Color"])
    #expect(RuntimeTypeNames.shadowed(in: text, mentionedIn: "error: 'Colors'") == [])
  }
}
