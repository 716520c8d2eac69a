import Foundation
import Testing

/// A `watch` session re-renders on every save, survives compile errors and
/// traps, and ends cleanly on Ctrl-C.
@Suite("obscura watch")
struct WatchCommandTests {
  /// A sketch whose title and stroke are easy to change with one edit.
  static func sketch(title: String, body: String = "") -> String {
    """
    import Obscura

    struct Live: Sketch {
      var settings = Settings(paper: .a6, dpi: 300, seed: 9)
      func compose(_ poster: inout Poster) throws {
        \(body)
        poster.add(.drawing("Ring") { ctx in
          ctx.circle(center: Point(x: 50, y: 60), radius: 30)
          ctx.stroke(Color(hex: 0x884422), width: 3)
        })
        poster.add(.title("\(title)", font: Font("Inter"), size: 24, at: .bottomLeft, margin: 8))
      }
    }

    """
  }

  @Test("edits re-render in place; errors and traps keep the session and the last render")
  func session() throws {
    let scratch = try Scratch()
    let file = try scratch.write("Live.swift", WatchCommandTests.sketch(title: "One"))
    let watch = try WatchProcess(["watch", "Live.swift", "--out", "out"], in: scratch.path)
    defer { watch.stop() }
    let png = scratch.path + "/out/Live-seed9.png"

    // The first render: a preview PNG at 72 dpi (A6: 298 × 420 px).
    try watch.waitFor("rendered in", count: 1)
    #expect(watch.log.contains("wrote out/Live-seed9.png  298×420 px"))
    let first = try Data(contentsOf: URL(fileURLWithPath: png))

    // A one-word edit is back on disk, in place, under the same name.
    try WatchCommandTests.sketch(title: "Two").write(to: file)
    try watch.waitFor("rendered in", count: 2)
    let second = try Data(contentsOf: URL(fileURLWithPath: png))
    #expect(second != first)
    #expect(scratch.files(in: "out") == ["Live-seed9.png"])

    // A compile error is shown at the user's line; the PNG stays.
    try WatchCommandTests.sketch(title: "Two", body: "let broken: Int = \"x\"").write(to: file)
    try watch.waitFor("keeping the last good render", count: 1)
    #expect(watch.log.contains("Live.swift:6:23: error: cannot convert value of type 'String'"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: png)) == second)

    // A trap while rendering ends only the render.
    try WatchCommandTests.sketch(title: "Two", body: "let empty: [Int] = []; _ = empty[1]")
      .write(to: file)
    try watch.waitFor("crashed while rendering", count: 1)
    #expect(
      watch.log.contains(
        "obscura: error: Live.swift:6:"),
      "the crash is reported at the sketch's line")
    #expect(
      watch.log.contains(
        "the sketch crashed while rendering: Fatal error: Index out of range "
          + "(signal 4 (SIGILL), a Swift runtime trap)\n"
          + "set OBSCURA_BACKTRACE=1 to see the backtrace\n"))
    #expect(!watch.log.contains("Program crashed"), "the backtrace is held back")
    #expect(try Data(contentsOf: URL(fileURLWithPath: png)) == second)

    // And the next good edit renders again.
    try WatchCommandTests.sketch(title: "Three").write(to: file)
    try watch.waitFor("rendered in", count: 3)
    #expect(try Data(contentsOf: URL(fileURLWithPath: png)) != second)

    // Ctrl-C ends the session cleanly.
    let status = watch.interrupt()
    #expect(status == 0)
    #expect(watch.log.contains("watch stopped"))
  }

  @Test("replacing an image the sketch places renders again, even in another folder")
  func imageInput() throws {
    let scratch = try Scratch()
    // Two different PNGs to swap in, made by obscura itself.
    try scratch.write(
      "Swatch.swift",
      """
      import Obscura
      struct Swatch: Sketch {
        var settings = Settings(
          paper: .a6, seed: 1, parameters: [.color("ink", Color(hex: 0x336699))])
        func compose(_ poster: inout Poster) throws {
          poster.add(.fill(.color(try poster.color("ink"))))
        }
      }

      """)
    for (ink, folder) in [("#336699", "blue"), ("#CC5500", "orange")] {
      let made = try ObscuraProcess.run(
        ["run", "Swatch.swift", "--dpi", "20", "--param", "ink=\(ink)", "--out", folder],
        in: scratch.path)
      try #require(made.status == 0, "\(made.output)")
    }
    // In a folder of its own, which watch follows only because the render
    // reports having read the image.
    try FileManager.default.createDirectory(
      atPath: scratch.path + "/art", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: scratch.path + "/blue/Swatch-seed1.png", toPath: scratch.path + "/art/sky.png")
    try scratch.write(
      "Placed.swift",
      """
      import Obscura
      struct Placed: Sketch {
        var settings = Settings(paper: .a6, seed: 2)
        func compose(_ poster: inout Poster) throws {
          poster.add(.image("art/sky.png", fit: .cover))
        }
      }

      """)

    let watch = try WatchProcess(["watch", "Placed.swift", "--out", "out"], in: scratch.path)
    defer { watch.stop() }
    try watch.waitFor("rendered in", count: 1)
    let png = scratch.path + "/out/Placed-seed2.png"
    let first = try PNGFile(path: png)

    // Replace the image (a rename, as editors and exporters do).
    try FileManager.default.copyItem(
      atPath: scratch.path + "/orange/Swatch-seed1.png", toPath: scratch.path + "/art/.sky.tmp")
    _ = rename(scratch.path + "/art/.sky.tmp", scratch.path + "/art/sky.png")
    try watch.waitFor("rendered in", count: 2)
    #expect(watch.log.contains("changed: art/sky.png") || watch.log.contains("changed: sky.png"))
    let second = try PNGFile(path: png)
    let center = (first.height / 2 * first.width + first.width / 2) * 4
    #expect(Array(first.rgba[center..<center + 3]) == [0x33, 0x66, 0x99])
    #expect(Array(second.rgba[center..<center + 3]) == [0xCC, 0x55, 0x00])
    #expect(watch.interrupt() == 0)
  }
}

/// A `watch` running in the background, its stderr collected as it comes.
final class WatchProcess: @unchecked Sendable {
  private let process = Process()
  private let lock = NSLock()
  private var text = ""

  /// Starts `obscura ARGUMENTS` in `folder`.
  init(_ arguments: [String], in folder: String) throws {
    process.executableURL = URL(fileURLWithPath: ObscuraProcess.executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = ObscuraProcess.cacheHome
    // The session's own backtrace settings, which name the sketch's line.
    environment.removeValue(forKey: "SWIFT_BACKTRACE")
    process.environment = environment
    let pipe = Pipe()
    process.standardError = pipe
    process.standardOutput = pipe
    try process.run()
    let handle = pipe.fileHandleForReading
    Thread.detachNewThread { [self] in
      while true {
        let data = handle.availableData
        if data.isEmpty { return }
        self.lock.withLock { self.text += String(decoding: data, as: UTF8.self) }
      }
    }
  }

  /// Everything printed so far.
  var log: String { lock.withLock { text } }

  /// Waits until `marker` has been printed `count` times.
  func waitFor(_ marker: String, count: Int, timeout: Double = 60) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if log.components(separatedBy: marker).count - 1 >= count { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw WatchTimeout(marker: marker, log: log)
  }

  /// Sends SIGINT and returns the exit status.
  func interrupt() -> Int32 {
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    Thread.sleep(forTimeInterval: 0.1)
    return process.terminationStatus
  }

  /// Ends the process if it still runs.
  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }
}

/// The watched process did not print what the test waited for.
struct WatchTimeout: Error, CustomStringConvertible {
  var marker: String
  var log: String
  var description: String { "timed out waiting for '\(marker)'; output so far:\n\(log)" }
}

extension String {
  /// Saves the text to `path` atomically, as an editor does.
  fileprivate func write(to path: String) throws {
    try write(toFile: path, atomically: true, encoding: .utf8)
  }
}
