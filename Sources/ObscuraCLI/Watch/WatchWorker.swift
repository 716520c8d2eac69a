import Foundation

/// The process that renders for a `watch` session and for `obscura run`
/// (`obscura watch --worker`).
///
/// It lives as long as the session, so that whatever the runtime caches in
/// memory (loaded models, generated images, fonts) survives from one render
/// to the next. A sketch that traps kills only the worker; the session
/// reports the crash and starts a new one.
enum WatchWorker {
  /// Serves requests from stdin until it closes.
  ///
  /// Answers go to the original stdout; the sketch's own `print` output is
  /// sent to stderr so that it cannot corrupt them.
  static func serve() -> Never {
    signal(SIGINT, SIG_IGN)  // The session decides when the worker ends,
    Interrupts.install([SIGTERM])  // and a stopped export leaves no temporary file.
    let channel = dup(STDOUT_FILENO)
    dup2(STDERR_FILENO, STDOUT_FILENO)
    let output = FileHandle(fileDescriptor: channel, closeOnDealloc: true)
    let encoder = JSONEncoder()
    let decoder = JSONDecoder()

    while let line = readLine() {
      var response = WorkerResponse()
      do {
        let message = try decoder.decode(WorkerRequest.self, from: Data(line.utf8))
        let plugin = try Plugin.load(message.plugin)
        let progress = message.reportsProgress == true ? progressSender(output) : nil
        response.result = try RenderJob.render(
          plugin, sketchPath: message.sketchPath, typeName: message.typeName,
          request: message.request, progress: progress)
      } catch {
        response.error = String(describing: error)
      }
      // The sketch's own output first, then the mark telling the session
      // that everything before the answer is on stderr.
      fflush(nil)
      FileHandle.standardError.write(Data(WatchWorker.answerMark.utf8))
      var data = (try? encoder.encode(response)) ?? Data(#"{"error":"unencodable"}"#.utf8)
      data.append(0x0A)
      output.write(data)
    }
    exit(0)
  }

  /// Written on stderr just before each answer: ``WorkerProcess`` waits for
  /// it, so that what the sketch printed is shown before the answer is.
  static let answerMark = "\u{1}obscura-worker-answer\u{1}"

  /// Sends progress lines on `output`: on each new stage, else at most one
  /// every 0.1 s.
  private static func progressSender(_ output: FileHandle) -> (Double?, String) -> Void {
    let lock = NSLock()
    nonisolated(unsafe) var last = (stage: "", time: Date.distantPast)
    let encoder = JSONEncoder()
    return { fraction, stage in
      lock.withLock {
        let now = Date()
        guard stage != last.stage || now.timeIntervalSince(last.time) >= 0.1 else { return }
        last = (stage, now)
        let line = WorkerResponse(progress: WorkerProgress(fraction: fraction, stage: stage))
        guard var data = try? encoder.encode(line) else { return }
        data.append(0x0A)
        output.write(data)
      }
    }
  }
}
