import Foundation
import Obscura

/// `obscura run`: render a sketch once and write its files.
enum RunCommand: Command {
  static let name = "run"
  static let summary = "Render a sketch once and write its files"
  static let usage = "usage: obscura run FILE"

  static func run(_ arguments: inout Arguments) throws {
    let files = arguments.positionals()
    try arguments.finish()
    guard files.count == 1 else { throw UsageError("give one sketch file") }
    let source = try SketchSource(path: files[0])
    let compiler = try PluginCompiler()
    let (plugin, built) = try Plugin.build(source, compiler: compiler)
    Diagnostics.note("compiled: \(built.compiled) in \(built.seconds) s -> \(plugin.path)")
    let sketch = plugin.sketchType.init()
    var poster = Poster()
    try sketch.compose(&poster)
    print(type(of: sketch), sketch.settings)
  }
}
