import Foundation

/// Set by the SIGINT handler; the session ends at its next check.
nonisolated(unsafe) private var interrupted: sig_atomic_t = 0

/// A `watch` session: renders the sketch, then renders again whenever the
/// sketch file or an input it read changes, until Ctrl-C.
///
/// Compilation happens here; rendering happens in a ``WorkerProcess`` so
/// that a sketch that traps ends only the worker. The worker persists
/// between renders, keeping the runtime's in-memory caches warm.
final class WatchSession {
  /// How often the watched files' modification times are read.
  static let pollInterval = 0.1

  private let path: String
  private let request: RenderRequest
  private let compiler: PluginCompiler
  private var worker: WorkerProcess?
  /// Inputs the last successful render reported.
  private var inputs: [String] = []
  /// Files the session wrote; they never trigger a render.
  private var outputs = Set<String>()
  private var stamps: [String: FileStamp] = [:]

  /// A session for the sketch at `path`.
  init(path: String, request: RenderRequest) throws {
    self.path = path
    self.request = request
    compiler = try PluginCompiler()
  }

  /// Renders, watches and renders again until interrupted.
  func run() {
    // A parent (a test runner, say) may have left these blocked.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    sigaddset(&unblock, SIGTERM)
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
    signal(SIGINT) { _ in interrupted = 1 }
    signal(SIGTERM) { _ in interrupted = 1 }
    signal(SIGPIPE, SIG_IGN)
    Diagnostics.note("watching \(path) (Ctrl-C to stop)")

    var changedAt = Date()
    stamps = currentStamps()
    renderOnce(changedAt: changedAt)
    while interrupted == 0 {
      Thread.sleep(forTimeInterval: WatchSession.pollInterval)
      let now = currentStamps()
      guard now != stamps else { continue }
      changedAt = Date()
      let changed = now.keys.filter { now[$0] != stamps[$0] }.sorted()
      stamps = now
      let names = changed.map { ($0 as NSString).lastPathComponent }
      Diagnostics.note("\n\(WatchSession.clock()) changed: \(names.joined(separator: ", "))")
      renderOnce(changedAt: changedAt)
    }
    worker?.stop()
    Diagnostics.note("\nwatch stopped")
  }

  /// Compiles and renders once; a failure is reported and leaves the
  /// previous files in place.
  private func renderOnce(changedAt: Date) {
    let source: SketchSource
    let built: PluginCompiler.Built
    do {
      source = try SketchSource(path: path)
      built = try compiler.plugin(for: source)
    } catch {
      Diagnostics.error("\(error)")
      Diagnostics.note("keeping the last good render; waiting for a change")
      return
    }
    if !built.warnings.isEmpty { Diagnostics.write(built.warnings + "\n") }

    let message = WorkerRequest(
      plugin: built.path, sketchPath: path, typeName: source.typeName, request: request)
    let outcome: WorkerProcess.Outcome
    do {
      if worker == nil { worker = try WorkerProcess() }
      outcome = worker!.render(message, giveUp: { interrupted != 0 })
    } catch {
      Diagnostics.error("cannot start the render process: \(error)")
      return
    }

    switch outcome {
    case .answered(let response):
      if let result = response.result {
        inputs = result.inputs
        outputs.formUnion(result.files.map { WatchSession.absolute($0.path) })
        var lines = result.summary(compileSeconds: built.compiled ? built.seconds : nil)
        lines[lines.count - 1] += String(
          format: " · change to files %.2f s", Date().timeIntervalSince(changedAt))
        result.printWarnings()
        for line in lines { Diagnostics.note(line) }
      } else {
        Diagnostics.error(response.error ?? "the render failed")
        Diagnostics.note("keeping the last good render; waiting for a change")
      }
    case .died(let status, let stderr):
      worker = nil
      Diagnostics.error(
        WorkerProcess.crashError(path: path, status: status, stderr: stderr).description)
      Diagnostics.note("keeping the last good render; waiting for a change")
    case .abandoned:
      worker = nil
    }
  }

  /// The files whose change triggers a render: the sketch, the inputs its
  /// last render read, and the images, fonts and models in the sketch's
  /// folder and the working folder (where relative paths resolve).
  ///
  /// FIXME: the runtime reports the image files a render read, not the
  /// fonts or model files, so a font or model outside these two folders is
  /// not watched.
  private func watchedFiles() -> [String] {
    var files = [WatchSession.absolute(path)]
    files += inputs.map(WatchSession.absolute)
    let folders = Set([
      (files[0] as NSString).deletingLastPathComponent,
      FileManager.default.currentDirectoryPath,
    ])
    for folder in folders.sorted() {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for name in names where !name.hasPrefix(".") {
        let kind = (name as NSString).pathExtension.lowercased()
        if WatchSession.inputExtensions.contains(kind) { files.append(folder + "/" + name) }
      }
    }
    return files.filter { !outputs.contains($0) }
  }

  /// The kinds of file a sketch reads besides its own source.
  private static let inputExtensions: Set = [
    "png", "jpg", "jpeg", "otf", "ttf", "pkl", "safetensors",
  ]

  private func currentStamps() -> [String: FileStamp] {
    var result: [String: FileStamp] = [:]
    for file in watchedFiles() { result[file] = FileStamp(path: file) }
    return result
  }

  private static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  private static func clock() -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "HH:mm:ss"
    return formatter.string(from: Date())
  }
}

/// A file's modification time and size, or its absence.
struct FileStamp: Equatable {
  var modified: timespec?
  var size: Int64

  /// Reads the stamp with `stat`.
  init(path: String) {
    var info = stat()
    if stat(path, &info) == 0 {
      modified = info.st_mtim
      size = Int64(info.st_size)
    } else {
      modified = nil
      size = -1
    }
  }

  static func == (a: FileStamp, b: FileStamp) -> Bool {
    a.size == b.size && a.modified?.tv_sec == b.modified?.tv_sec
      && a.modified?.tv_nsec == b.modified?.tv_nsec
  }
}
