import Foundation
import Testing

/// Ctrl-C or SIGTERM during `obscura run` removes the hidden temporary files
/// of the exports in flight and exits with 128 + the signal number.
@Suite("Interrupting obscura run")
struct InterruptTests {
  /// A sketch whose one layer takes seconds to draw, so its PDF's temporary
  /// file (which Cairo creates with the surface) stays in the folder a while.
  static let slow = """
    import Foundation
    import Obscura

    struct Slow: Sketch {
      var settings = Settings(paper: .a6, dpi: 30, seed: 5, formats: [.pdf])

      func compose(_ poster: inout Poster) throws {
        poster.add(.drawing("Slow") { ctx in
          for _ in 0..<300 { usleep(100_000) }
          ctx.fill(ctx.bounds, .black)
        })
      }
    }

    """

  @Test(
    "SIGINT and SIGTERM while a PDF is being written leave no *.tmp behind",
    arguments: [SIGINT, SIGTERM])
  func interruptRemovesTemporaryFiles(signal number: Int32) throws {
    let scratch = try Scratch()
    try scratch.write("Slow.swift", InterruptTests.slow)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ObscuraProcess.executable)
    process.arguments = ["run", "Slow.swift", "--out", "out"]
    process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = ObscuraProcess.cacheHome
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()

    // Wait (up to two minutes, for a cold compile) for the temporary PDF.
    let deadline = Date().addingTimeInterval(120)
    var temporary: [String] = []
    while Date() < deadline, process.isRunning {
      temporary = scratch.files(in: "out").filter { $0.hasSuffix(".tmp") }
      if !temporary.isEmpty { break }
      usleep(50_000)
    }
    try #require(!temporary.isEmpty, "obscura run never started writing Slow-seed5.pdf")
    #expect(temporary.first?.hasPrefix(".Slow-seed5.pdf.") == true)

    kill(process.processIdentifier, number)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 128 + number)
    #expect(scratch.files(in: "out").filter { $0.hasSuffix(".tmp") }.isEmpty)
    #expect(!scratch.files(in: "out").contains("Slow-seed5.pdf"))
    // The run created out/ for the PDF; interrupted, it leaves no empty folder.
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/out"))
  }
}
