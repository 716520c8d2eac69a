import Foundation

/// `obscura run`: render a sketch once and write its files.
enum RunCommand: Command {
  static let name = "run"
  static let summary = "Render a sketch once and write its files"
  static let usage = """
    usage: obscura run FILE [options]

    Compiles the sketch FILE (cached until it or Obscura changes), renders it
    and prints each file written with its size, the seed and the time taken.
    The render runs in a child process: a sketch that traps is reported in
    one line at its own line (OBSCURA_BACKTRACE=1 shows the backtrace).

    Options:
    \(RenderRequest.optionsUsage)
    """

  static func run(_ arguments: inout Arguments) throws {
    let request = try RenderRequest(&arguments)
    let files = arguments.positionals()
    try arguments.finish()
    guard files.count == 1 else { throw UsageError("give one sketch file to run") }
    // The render worker (the one `watch` uses, for one request) starts
    // while the sketch is compiled or found in the cache, hiding its start.
    let worker = try WorkerProcess()
    Interrupts.beforeExit = { worker.stop() }

    let source = try SketchSource(path: files[0])
    let compiler = try PluginCompiler()
    let built = try Progress.showing("compiling \(source.path)") { _ in
      try compiler.plugin(for: source)
    }
    if !built.warnings.isEmpty { Diagnostics.write(built.warnings + "\n") }
    // After compiling: an ignored signal stays ignored in child processes,
    // and the compiler must stay stoppable by Ctrl-C.
    Interrupts.install()

    let message = WorkerRequest(
      plugin: built.path, sketchPath: source.path, typeName: source.typeName,
      request: request, reportsProgress: Diagnostics.isTerminal)
    let outcome = Progress.showing("rendering \(source.typeName)") { progress in
      worker.render(message, giveUp: { false }) { step in
        progress.update(fraction: step.fraction, stage: step.stage)
      }
    }
    let result: RenderResult
    switch outcome {
    case .answered(let response):
      // Not waited for: the worker ends by itself when our end of its stdin
      // closes, as `obscura` exits (stopping it would cost 50-100 ms).
      guard let answer = response.result else {
        throw RenderFailure(message: response.error ?? "the render failed")
      }
      result = answer
    case .died(let status, let stderr):
      // A worker stopped by our own signal handler is not a crash; the
      // handler ends the process with 128 + the signal.
      while Interrupts.stopping != 0 { Thread.sleep(forTimeInterval: 1) }
      throw WorkerProcess.crashError(path: source.path, status: status, stderr: stderr)
    case .abandoned:
      throw ExitStatus(status: 130)
    }
    result.printWarnings()
    for line in result.summary(compileSeconds: built.compiled ? built.seconds : nil) {
      print(line)
    }
  }
}

/// A render that failed in the worker: the runtime's message, as is.
struct RenderFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
