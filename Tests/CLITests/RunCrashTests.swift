import Foundation
import Testing

@testable import ObscuraCLI

/// A sketch that traps under `obscura run` is reported in one line at the
/// user's own file and line, like under `watch`: the render runs in the
/// same worker process.
@Suite("A sketch crashing under obscura run")
struct RunCrashTests {
  /// The worker's own backtrace settings (the test runner's `enable=no`
  /// would hide the frame naming the sketch's line and column).
  static let backtrace = ["SWIFT_BACKTRACE": ""]

  static func sketch(_ name: String, drawing body: String) -> String {
    """
    import Obscura

    struct \(name): Sketch {
      var settings = Settings(paper: .a6, seed: 1, formats: [.png, .pdf])
      func compose(_ poster: inout Poster) throws {
        let sizes = [1, 2]
        poster.add(.drawing("Oops") { ctx in
          \(body)
        })
      }
    }

    """
  }

  @Test("an out-of-range index: one error line at the sketch's line, exit 1, no file")
  func indexOutOfRange() throws {
    let scratch = try Scratch()
    try scratch.write(
      "Trap.swift",
      RunCrashTests.sketch(
        "Trap", drawing: "ctx.circle(center: Point(x: 5, y: 5), radius: Double(sizes[2]))"))
    let result = try ObscuraProcess.run(
      ["run", "Trap.swift", "--dpi", "30", "--out", "out"], in: scratch.path,
      environment: RunCrashTests.backtrace)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "obscura: error: Trap.swift:8:65: the sketch crashed while rendering: "
        + "Fatal error: Index out of range (signal 4 (SIGILL), a Swift runtime trap)\n"
        + "set OBSCURA_BACKTRACE=1 to see the backtrace\n")
    #expect(result.stdout == "")
    #expect(scratch.files(in: "out").isEmpty, "no file, not even a hidden temporary one")
  }

  @Test("fatalError: its message, at the user's path (not the plugin module's)")
  func fatalErrorMessage() throws {
    let scratch = try Scratch()
    try scratch.write(
      "sketches/Fatal.swift",
      RunCrashTests.sketch("Fatal", drawing: #"fatalError("the moon is missing: \(sizes.count)")"#))
    let result = try ObscuraProcess.run(
      ["run", "sketches/Fatal.swift", "--dpi", "30", "--out", "out"], in: scratch.path,
      environment: RunCrashTests.backtrace)
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "obscura: error: sketches/Fatal.swift:8:7: the sketch crashed while rendering: "
          + "Fatal error: the moon is missing: 2 (signal 4 (SIGILL)"), "\(result.stderr)")
    #expect(!result.stderr.contains("ObscuraSketch_"))
    #expect(result.stderr.split(separator: "\n").count == 2)
  }

  @Test("OBSCURA_BACKTRACE=1 shows the backtrace above the error line")
  func backtraceOnRequest() throws {
    let scratch = try Scratch()
    try scratch.write(
      "Fatal.swift", RunCrashTests.sketch("Fatal", drawing: #"fatalError("boom \(sizes)")"#))
    let result = try ObscuraProcess.run(
      ["run", "Fatal.swift", "--dpi", "30", "--out", "out"], in: scratch.path,
      environment: ["OBSCURA_BACKTRACE": "1", "SWIFT_BACKTRACE": ""])
    #expect(result.status == 1)
    #expect(result.stderr.contains("Fatal.swift:8: Fatal error: boom [1, 2]\n"))
    #expect(result.stderr.contains("Program crashed"))
    #expect(
      result.stderr.hasSuffix(
        "obscura: error: Fatal.swift:8:7: the sketch crashed while rendering: "
          + "Fatal error: boom [1, 2] (signal 4 (SIGILL), a Swift runtime trap)\n"))
  }

  @Test("a sketch's own print output still shows; its error still reads as before")
  func printAndThrownError() throws {
    let scratch = try Scratch()
    try scratch.write(
      "Loud.swift",
      """
      import Obscura

      struct Loud: Sketch {
        var settings = Settings(paper: .a6, seed: 1)
        func compose(_ poster: inout Poster) throws {
          print("composing Loud")
          _ = try poster.integer("missing")
        }
      }

      """)
    let result = try ObscuraProcess.run(
      ["run", "Loud.swift", "--dpi", "30", "--out", "out"], in: scratch.path)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("composing Loud\nobscura: error: "), "\(result.stderr)")
    #expect(!result.stderr.contains("crashed"))
  }

  @Test("the crash report reads the message line when no frame is in the sketch")
  func crashReportFallsBackToMessageLine() {
    let stderr = """
      ObscuraSketch_Fatal_1563c2c007552d16/Fatal.swift:5: Fatal error: boom
      *** Program crashed: Illegal instruction at 0x00007f4e3d8f9361 ***
      0 0x00007f4e3d8f9361 fatalError in libswiftCore.so

      """
    let report = CrashReport(stderr, sketch: "/home/me/Fatal.swift")
    #expect(report.location == "5")
    #expect(report.message == "Fatal error: boom")
    let precondition = CrashReport(
      "X/Fatal.swift:9: Precondition failed: ok\n", sketch: "/home/me/Fatal.swift")
    #expect(precondition.message == "Precondition failed: ok")
    #expect(precondition.location == "9")
  }
}
