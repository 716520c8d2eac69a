import Foundation

/// `obscura run`: render a sketch once and write its files.
enum RunCommand: Command {
  static let name = "run"
  static let summary = "Render a sketch once and write its files"
  static let usage = """
    usage: obscura run FILE [options]

    Compiles the sketch FILE (cached until it or Obscura changes), renders it
    and prints each file written with its size, the seed and the time taken.

    Options:
    \(RenderRequest.optionsUsage)
    """

  static func run(_ arguments: inout Arguments) throws {
    let request = try RenderRequest(&arguments)
    let files = arguments.positionals()
    try arguments.finish()
    guard files.count == 1 else { throw UsageError("give one sketch file to run") }

    let source = try SketchSource(path: files[0])
    let compiler = try PluginCompiler()
    let built = try Progress.showing("compiling \(source.path)") { _ in
      try compiler.plugin(for: source)
    }
    if !built.warnings.isEmpty { Diagnostics.write(built.warnings + "\n") }
    let plugin = try Plugin.load(built.path)
    // After compiling: an ignored signal stays ignored in child processes.
    Interrupts.install()

    let result = try Progress.showing("rendering \(source.typeName)") { progress in
      try RenderJob.render(
        plugin, sketchPath: source.path, typeName: source.typeName, request: request,
        progress: progress)
    }
    result.printWarnings()
    for line in result.summary(compileSeconds: built.compiled ? built.seconds : nil) {
      print(line)
    }
  }
}
