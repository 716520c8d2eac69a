import Foundation

/// The session's handle on its worker: a child `obscura watch --worker`
/// that it talks to in JSON lines.
final class WorkerProcess {
  /// How a request ended.
  enum Outcome {
    /// The worker answered.
    case answered(WorkerResponse)
    /// The worker died: how ("signal 4 (SIGILL)"), and what it printed on
    /// stderr while rendering (the trap's message and backtrace).
    case died(status: String, stderr: String)
    /// The caller gave up waiting; the worker was stopped.
    case abandoned
  }

  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var buffer = Data()
  private let errors = StderrRelay()

  /// Starts the worker.
  init() throws {
    process.executableURL = URL(fileURLWithPath: Toolchain.executablePath())
    process.arguments = ["watch", "--worker"]
    var environment = ProcessInfo.processInfo.environment
    // A short backtrace of the crashed thread only: it names the sketch's
    // file and line (plugins carry line tables) in a fraction of a second.
    if environment["SWIFT_BACKTRACE"] == nil {
      environment["SWIFT_BACKTRACE"] =
        "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,"
        + "limit=12,top=0,symbolicate=fast"
    }
    process.environment = environment
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors.pipe
    try process.run()
    errors.start()
  }

  /// Sends `request` and waits for the answer, checking `giveUp` about ten
  /// times a second; when it returns true the worker is stopped.
  func render(_ request: WorkerRequest, giveUp: () -> Bool) -> Outcome {
    errors.clear()
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

  /// The outcome for a worker that died, once its stderr is drained.
  private func died() -> Outcome {
    let status = endStatus()
    return .died(status: status, stderr: errors.drained())
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

/// Copies the worker's stderr to ours as it arrives, keeping the text of the
/// current render so that a crash can be summarised.
private final class StderrRelay: @unchecked Sendable {
  let pipe = Pipe()
  private let lock = NSLock()
  private var text = Data()
  private let finished = DispatchSemaphore(value: 0)

  /// Starts copying on a thread of its own.
  func start() {
    let handle = pipe.fileHandleForReading
    Thread.detachNewThread { [self] in
      while true {
        let data = handle.availableData
        if data.isEmpty { break }
        FileHandle.standardError.write(data)
        lock.withLock {
          text.append(data)
          if text.count > 65536 { text.removeFirst(text.count - 65536) }
        }
      }
      finished.signal()
    }
  }

  /// Forgets what was printed so far.
  func clear() { lock.withLock { text.removeAll() } }

  /// Waits (briefly) for the worker's stderr to close and returns its text.
  func drained() -> String {
    _ = finished.wait(timeout: .now() + 2)
    return lock.withLock { String(decoding: text, as: UTF8.self) }
  }
}
