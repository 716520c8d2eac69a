import Foundation

/// A sketch file as read from disk: its text and the name of the one type
/// in it that conforms to `Sketch`.
struct SketchSource {
  /// The path as the user gave it, used in every message.
  let path: String
  /// The absolute path, given to the compiler.
  let absolutePath: String
  /// The file's contents.
  let text: String
  /// The name of the sketch type.
  let typeName: String
  /// The 1-based line of the sketch type's declaration.
  let typeLine: Int

  /// Reads the file and finds its sketch type.
  init(path: String) throws {
    self.path = path
    let url = URL(fileURLWithPath: path)
    absolutePath = url.standardizedFileURL.path
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      let reason = !exists ? "no such file" : isFolder.boolValue ? "it is a folder" : "\(error)"
      throw SketchError.unreadable(path: path, reason: reason)
    }
    (typeName, typeLine) = try SketchSource.sketchType(in: text, path: path)
  }

  /// Wraps text already read, as if from `path`.
  init(path: String, text: String) throws {
    self.path = path
    absolutePath = URL(fileURLWithPath: path).standardizedFileURL.path
    self.text = text
    (typeName, typeLine) = try SketchSource.sketchType(in: text, path: path)
  }

  /// The one sketch type in `text`, or an error naming `path`.
  private static func sketchType(in text: String, path: String) throws -> (String, Int) {
    let found = SketchSource.sketchTypes(in: text)
    guard let first = found.first else { throw SketchError.noSketchType(path: path) }
    guard found.count == 1 else {
      throw SketchError.severalSketchTypes(path: path, names: found.map { $0.name })
    }
    return (first.name, first.line)
  }

  /// Finds the `struct`, `class` or `final class` declarations whose
  /// inheritance list names `Sketch`, skipping comments and string literals.
  static func sketchTypes(in text: String) -> [(name: String, line: Int)] {
    let code = blankingCommentsAndStrings(text)
    let declaration =
      #/
      (?:^|[\s;}])
      (?:(?:public|internal|package|fileprivate|private|final)\s+)*
      (?:struct|class)\s+
      (?<name>[A-Za-z_][A-Za-z0-9_]*)\s*
      :\s*(?<inherits>[^{]*)\{
    /#
    var found: [(name: String, line: Int)] = []
    for match in code.matches(of: declaration) {
      let inherits = match.output.inherits.split(whereSeparator: { ",& \n\t".contains($0) })
      guard inherits.contains(where: { $0 == "Sketch" || $0 == "Obscura.Sketch" }) else {
        continue
      }
      let line = code[..<match.output.name.startIndex].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
      found.append((String(match.output.name), line))
    }
    return found
  }

  /// Replaces comments and string literal contents with spaces, keeping
  /// line breaks so that line numbers stay right.
  static func blankingCommentsAndStrings(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var chars = Array(text)
    chars.append("\0")
    var index = 0
    var blockDepth = 0
    var inLineComment = false
    var inString = false
    while index < chars.count - 1 {
      let c = chars[index]
      let next = chars[index + 1]
      if inLineComment {
        if c == "\n" { inLineComment = false }
        out.append(c == "\n" ? "\n" : " ")
      } else if blockDepth > 0 {
        if c == "*" && next == "/" {
          blockDepth -= 1
          out.append("  ")
          index += 1
        } else if c == "/" && next == "*" {
          blockDepth += 1
          out.append("  ")
          index += 1
        } else {
          out.append(c == "\n" ? "\n" : " ")
        }
      } else if inString {
        if c == "\\" {
          out.append("  ")
          index += 1
        } else {
          if c == "\"" { inString = false }
          out.append(c == "\n" ? "\n" : " ")
        }
      } else if c == "/" && next == "/" {
        inLineComment = true
        out.append(" ")
      } else if c == "/" && next == "*" {
        blockDepth = 1
        out.append("  ")
        index += 1
      } else if c == "\"" {
        inString = true
        out.append(" ")
      } else {
        out.append(c)
      }
      index += 1
    }
    return out
  }
}
