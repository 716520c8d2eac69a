/// `obscura watch`: re-render a sketch whenever it or its inputs change.
enum WatchCommand: Command {
  static let name = "watch"
  static let summary = "Re-render a sketch whenever it or its inputs change"
  static let usage = """
    usage: obscura watch FILE [options]

    Renders FILE, then renders it again each time the file, or a font or image
    it reads, changes. Without --dpi it writes a preview PNG, replaced in place.
    A compile error or a crash is reported and the last good render is kept.
    Ctrl-C ends the session.

    Options:
    \(RenderRequest.optionsUsage)
    """

  static func run(_ arguments: inout Arguments) throws {
    if arguments.flag("worker") { WatchWorker.serve() }
    var request = try RenderRequest(&arguments)
    let files = arguments.positionals()
    try arguments.finish()
    guard files.count == 1 else { throw UsageError("give one sketch file to watch") }
    if request.dpi == nil { request.preview = true }
    if request.formats.isEmpty { request.formats = ["png"] }
    // Check the file before starting, so a typo fails at once.
    _ = try SketchSource(path: files[0])
    let session = try WatchSession(path: files[0], request: request)
    session.run()
  }
}
