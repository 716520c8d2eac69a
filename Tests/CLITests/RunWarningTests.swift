import Foundation
import Testing

/// `obscura run` prints what the render could not do as asked as
/// `obscura: warning: …` lines on stderr, and still writes the files.
@Suite("Warnings printed by obscura run")
struct RunWarningTests {
  static let sketch = """
    import Obscura

    struct Warned: Sketch {
      var settings = Settings(paper: .a6, dpi: 300, seed: 2)

      func compose(_ poster: inout Poster) throws {
        poster.add(.drawing("Rings", blend: .multiply) { ctx in
          ctx.circle(center: Point(x: 50, y: 70), radius: 30)
          ctx.fill(Color.black)
        })
        poster.add(.title("Dusk", font: Font("Bebas Neue", weight: .black), size: 40,
                          name: "Title"))
      }
    }

    """

  @Test("a blend mode in SVG and a missing font weight are each named on stderr")
  func warningsOnStderr() throws {
    let scratch = try Scratch()
    try scratch.write("Warned.swift", RunWarningTests.sketch)
    let result = try ObscuraProcess.run(
      ["run", "Warned.swift", "--dpi", "30", "--format", "png,svg", "--out", "out"],
      in: scratch.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(scratch.files(in: "out") == ["Warned-seed2.png", "Warned-seed2.svg"])
    let warnings = result.stderr.split(separator: "\n").filter {
      $0.hasPrefix("obscura: warning: ")
    }
    #expect(
      warnings == [
        "obscura: warning: Font: layer 'Title' asks for Bebas Neue Black, which is not "
          + "available; Bebas Neue Bold is used instead.",
        "obscura: warning: SVG: layer 'Rings' uses blend mode multiply, which SVG 1.1 "
          + "cannot express; it is embedded as an image at 30 dpi.",
      ])
    #expect(!result.stdout.contains("warning"))
  }
}
