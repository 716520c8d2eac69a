import Foundation

/// `obscura new`: write a new sketch from a template.
enum NewCommand: Command {
  static let name = "new"
  static let summary = "Write a new sketch from a template"
  static let usage = """
    usage: obscura new FILE [--paper NAME]

    Writes a working sketch to FILE (it must not exist yet). The sketch type is
    named after the file: posters/night-walk.swift declares NightWalk.

    Options:
      --paper NAME   the sketch's paper: a0…a6, b0…b6, letter, legal, tabloid
                     (default a3)
    """

  static func run(_ arguments: inout Arguments) throws {
    let paper = try arguments.value("paper") ?? "a3"
    let files = arguments.positionals()
    try arguments.finish()
    guard files.count == 1 else { throw UsageError("give the path of the new sketch file") }
    var path = files[0]
    if !path.hasSuffix(".swift") { path += ".swift" }
    guard let paperCase = SketchTemplate.paperCase(paper) else {
      throw UsageError(
        "unknown paper '\(paper)' for --paper; use one of "
          + SketchTemplate.papers.joined(separator: ", "))
    }

    let typeName = SketchTemplate.typeName(forFile: path)
    let text = SketchTemplate.text(
      typeName: typeName, title: SketchTemplate.title(forFile: path), paper: paperCase)
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    // O_EXCL: never replace a file, even one created a moment ago.
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else {
      if errno == EEXIST { throw SketchError.alreadyExists(path: path) }
      throw SketchError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()

    print("wrote \(path) (sketch \(typeName), \(paper))")
    print("next: obscura watch \(path)   # re-renders a preview PNG on every save")
    print("      obscura run \(path)     # the full-size PNG")
  }
}
