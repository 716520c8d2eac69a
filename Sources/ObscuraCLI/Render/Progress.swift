import Foundation

/// A one-line progress indicator on stderr, shown only on a terminal and
/// only once the work has taken longer than a moment.
final class Progress: @unchecked Sendable {
  /// How long the work runs before the line appears.
  static let delay = 0.6

  private let label: String
  private let lock = NSLock()
  private var fraction: Double?
  private var stage = ""
  private var finished = false
  private var shown = false
  private let start = Date()

  /// Starts the indicator for work described by `label` ("rendering Dusk").
  init(_ label: String) {
    self.label = label
    guard Diagnostics.isTerminal else { return }
    let thread = Thread { [self] in self.loop() }
    thread.start()
  }

  /// Runs `body` with an indicator labelled `label`, cleared when it ends.
  static func showing<T>(_ label: String, _ body: (Progress) throws -> T) rethrows -> T {
    let progress = Progress(label)
    defer { progress.finish() }
    return try body(progress)
  }

  /// Reports how far the work is: a fraction from 0 to 1 and what it does.
  func update(fraction: Double?, stage: String) {
    lock.withLock {
      self.fraction = fraction
      self.stage = stage
    }
  }

  /// Stops the indicator and clears its line.
  func finish() {
    lock.withLock {
      finished = true
      if shown { Diagnostics.write("\r\u{1B}[2K") }
      shown = false
    }
  }

  private func loop() {
    let frames = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
    var tick = 0
    while true {
      Thread.sleep(forTimeInterval: 0.1)
      let elapsed = Date().timeIntervalSince(start)
      let running: Bool = lock.withLock {
        if finished { return false }
        guard elapsed >= Progress.delay else { return true }
        shown = true
        var text = "\(frames[tick % frames.count]) \(label)"
        if let fraction {
          let filled = Int((max(0, min(1, fraction)) * 24).rounded())
          text +=
            " [" + String(repeating: "█", count: filled)
            + String(repeating: "·", count: 24 - filled) + "]"
        }
        if !stage.isEmpty { text += " \(stage)" }
        // Written under the lock so that `finish` clears the last line.
        Diagnostics.write("\r\u{1B}[2K" + text + String(format: " %.1f s", elapsed))
        return true
      }
      guard running else { return }
      tick += 1
    }
  }
}
