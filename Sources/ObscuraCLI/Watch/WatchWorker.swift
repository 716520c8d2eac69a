import Foundation

/// The process that renders for a `watch` session (`obscura watch --worker`).
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
        response.result = try RenderJob.render(
          plugin, sketchPath: message.sketchPath, typeName: message.typeName,
          request: message.request, progress: nil)
      } catch {
        response.error = String(describing: error)
      }
      var data = (try? encoder.encode(response)) ?? Data(#"{"error":"unencodable"}"#.utf8)
      data.append(0x0A)
      output.write(data)
    }
    exit(0)
  }
}
