/// A line of a sketch file, captured where a layer is built so that an error
/// found while rendering can point back at it.
///
/// Factories take `file: String = #filePath, line: Int = #line`, so the
/// location is the caller's without the sketch writing anything.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// The sketch file's path as the compiler saw it (absolute for plugins).
  public var file: String
  /// The 1-based line.
  public var line: Int

  /// Creates a location.
  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  /// The folder holding the file; relative model paths resolve against it.
  public var folder: String {
    guard let slash = file.lastIndex(of: "/") else { return "." }
    return slash == file.startIndex ? "/" : String(file[..<slash])
  }

  /// `AILog.005.swift:42`: the file's name and the line.
  public var description: String {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    return "\(name):\(line)"
  }
}
