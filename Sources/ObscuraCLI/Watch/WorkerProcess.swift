import Foundation

/// A handle on a render worker: a child `obscura watch --worker` that
/// `watch` and `run` talk to in JSON lines, so that a sketch that traps ends
/// the child, not the command.
///
/// The worker's stderr is copied to ours as it arrives, except the text of
/// a crash (the trap's message and backtrace): ``crashError(path:status:stderr:)``
/// boils that down to one line. `OBSCURA_BACKTRACE=1` shows it in full.
final class WorkerProcess {
  /// Whether a crash's backtrace is shown (`OBSCURA_BACKTRACE=1`).
  static let showsBacktrace = ProcessInfo.processInfo.environment["OBSCURA_BACKTRACE"] == "1"

  /// How a request ended.
  enum Outcome {
    /// The worker answered.
    case answered(WorkerResponse)
    /// The worker died: how ("signal 4 (SIGILL)"), and what it printed on
    /// stderr while rendering (the trap's message and backtrace). Its
    /// temporary export files are removed.
    case died(status: String, stderr: String)
    /// The caller gave up waiting; the worker was stopped.
    case abandoned
  }

  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var buffer = Data()
  private let errors = StderrRelay(holdingCrashes: !WorkerProcess.showsBacktrace)
  /// The output folder of the request in flight, where a crashed worker's
  /// temporary files are.
  private var outputFolder = "."

  /// Starts the worker.
  init() throws {
    process.executableURL = URL(fileURLWithPath: Toolchain.executablePath())
    process.arguments = ["watch", "--worker"]
    var environment = ProcessInfo.processInfo.environment
    // A short backtrace of the crashed thread only: it names the sketch's
    // file and line (plugins carry line tables) in a fraction of a second.
    if (environment["SWIFT_BACKTRACE"] ?? "").isEmpty {
      environment["SWIFT_BACKTRACE"] =
        "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,"
        + "limit=\(WorkerProcess.showsBacktrace ? 64 : 12),top=0,symbolicate=fast"
    }
    process.environment = environment
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors.pipe
    try process.run()
    errors.start()
  }

  /// The worker's process id.
  var processIdentifier: Int32 { process.processIdentifier }

  /// Sends `request` and waits for the answer, checking `giveUp` about ten
  /// times a second; when it returns true the worker is stopped. Progress
  /// lines (asked for with `reportsProgress`) go to `progress`.
  func render(
    _ request: WorkerRequest, giveUp: () -> Bool,
    progress: ((WorkerProgress) -> Void)? = nil
  ) -> Outcome {
    errors.clear()
    outputFolder = request.request.outputFolder ?? "."
    do {
      var line = try JSONEncoder().encode(request)
      line.append(0x0A)
      try input.fileHandleForWriting.write(contentsOf: line)
    } catch {
      return died()
    }

    let descriptor = output.fileHandleForReading.fileDescriptor
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        let line = buffer[buffer.startIndex..<newline]
        buffer.removeSubrange(buffer.startIndex...newline)
        guard let response = try? JSONDecoder().decode(WorkerResponse.self, from: line) else {
          return .answered(WorkerResponse(result: nil, error: "the worker sent a garbled answer"))
        }
        if let step = response.progress, response.result == nil, response.error == nil {
          progress?(step)
          continue
        }
        errors.awaitAnswerMark()
        return .answered(response)
      }
      if giveUp() {
        stop()
        return .abandoned
      }
      var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&waiting, 1, 100)
      guard ready > 0 else { continue }
      let count = read(descriptor, &chunk, chunk.count)
      if count > 0 {
        buffer.append(contentsOf: chunk[0..<count])
      } else if count == 0 || errno != EINTR {
        return died()
      }
    }
  }

  /// Ends the worker and waits for it.
  func stop() {
    try? input.fileHandleForWriting.close()
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
  }

  /// The outcome for a worker that died, once its stderr is drained and
  /// its temporary files removed.
  private func died() -> Outcome {
    let status = endStatus()
    removeTemporaryFiles()
    return .died(status: status, stderr: errors.drained())
  }

  /// Removes the dead worker's temporary export files from the output
  /// folder: the runtime names them `.NAME.PID-RANDOM.tmp`.
  private func removeTemporaryFiles() {
    let marker = ".\(process.processIdentifier)-"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: outputFolder)) ?? []
    for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
      guard name.contains(marker) else { continue }
      try? FileManager.default.removeItem(atPath: outputFolder + "/" + name)
    }
  }

  /// The error describing a crashed render of the sketch at `path` (as the
  /// user named it), from how the worker ended and what it printed.
  static func crashError(path: String, status: String, stderr: String) -> SketchError {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let crash = CrashReport(stderr, sketch: absolute)
    return SketchError.renderCrashed(
      path: path, location: crash.location, status: status, message: crash.message,
      backtraceShown: showsBacktrace)
  }

  /// Waits for the dead worker and describes how it ended.
  private func endStatus() -> String {
    process.waitUntilExit()
    let status = process.terminationStatus
    if process.terminationReason == .uncaughtSignal {
      let name = WorkerProcess.signalNames[status].map { " (\($0))" } ?? ""
      let hint = status == SIGILL || status == SIGTRAP ? ", a Swift runtime trap" : ""
      return "signal \(status)\(name)\(hint)"
    }
    return "exit status \(status)"
  }

  private static let signalNames: [Int32: String] = [
    SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS",
    SIGFPE: "SIGFPE", SIGSEGV: "SIGSEGV", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
  ]
}

/// Copies the worker's stderr to ours a line at a time, keeping the text of
/// the current render so that a crash can be summarised; when
/// `holdingCrashes`, nothing from a crash's first line on is copied.
private final class StderrRelay: @unchecked Sendable {
  let pipe = Pipe()
  private let lock = NSLock()
  private var text = Data()
  private var pending = Data()
  private var holding = false
  private let answerMarks = DispatchSemaphore(value: 0)
  private let holdingCrashes: Bool
  private let finished = DispatchSemaphore(value: 0)

  /// How the Swift runtime and its backtracer begin a crash report.
  static let crashMarkers = [
    "Fatal error", "Precondition failed", "Assertion failed", "*** Signal ",
    "*** Program crashed", "💣 Program crashed",
  ]

  init(holdingCrashes: Bool) {
    self.holdingCrashes = holdingCrashes
  }

  /// Starts copying on a thread of its own.
  func start() {
    let handle = pipe.fileHandleForReading
    Thread.detachNewThread { [self] in
      while true {
        let data = handle.availableData
        if data.isEmpty { break }
        lock.withLock {
          text.append(data)
          if text.count > 65536 { text.removeFirst(text.count - 65536) }
          pending.append(data)
          relayPending()
        }
      }
      let rest = lock.withLock { holding ? Data() : pending }
      if !rest.isEmpty { FileHandle.standardError.write(rest) }
      finished.signal()
    }
  }

  /// Writes the complete lines pending (and anything before an answer
  /// mark) unless they belong to a crash, and signals each answer mark;
  /// called under the lock.
  private func relayPending() {
    let mark = Data(WatchWorker.answerMark.utf8)
    while true {
      let newline = pending.firstIndex(of: 0x0A)
      let marked = pending.range(of: mark)
      if let marked, newline == nil || marked.lowerBound <= newline! {
        show(pending[pending.startIndex..<marked.lowerBound])
        pending.removeSubrange(pending.startIndex..<marked.upperBound)
        answerMarks.signal()
      } else if let newline {
        show(pending[pending.startIndex...newline])
        pending.removeSubrange(pending.startIndex...newline)
      } else {
        return
      }
    }
  }

  /// Writes `line` to our stderr unless a crash is being held back.
  private func show(_ line: Data) {
    guard !line.isEmpty else { return }
    let words = String(decoding: line, as: UTF8.self)
    if holdingCrashes, !holding,
      StderrRelay.crashMarkers.contains(where: { words.contains($0) })
    {
      holding = true
    }
    if !holding { FileHandle.standardError.write(line) }
  }

  /// Waits (up to a second) until the worker's output before its answer
  /// has been relayed.
  func awaitAnswerMark() {
    _ = answerMarks.wait(timeout: .now() + 1)
  }

  /// Forgets what was printed so far.
  func clear() {
    lock.withLock {
      text.removeAll()
      holding = false
    }
  }

  /// Waits (briefly) for the worker's stderr to close and returns its text.
  func drained() -> String {
    _ = finished.wait(timeout: .now() + 2)
    return lock.withLock { String(decoding: text, as: UTF8.self) }
  }
}
