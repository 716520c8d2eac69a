import Foundation

/// The folder a render writes into, created only when the first file is
/// about to be written, and removed again when this render created it and
/// then failed before a file was in place.
public final class OutputFolder {
  /// The folder's path as given.
  public let path: String
  /// The folders this render created, outermost first.
  private var created: [String] = []
  /// Where created folders are registered while the render runs, so that
  /// an interrupted render removes them when empty.
  private let registry: TemporaryFileRegistry

  /// Checks that `path` is a writable folder, or that it can be created
  /// (its nearest existing ancestor is a writable folder). Creates nothing.
  ///
  /// - Throws: ``ObscuraError/outputNotWritable(path:reason:)``.
  public convenience init(_ path: String) throws {
    try self.init(path, registry: .shared)
  }

  /// Checks `path` as ``init(_:)`` does, registering created folders in `registry`.
  init(_ path: String, registry: TemporaryFileRegistry) throws {
    self.path = path
    self.registry = registry
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw ObscuraError.outputNotWritable(path: path, reason: "it is a file, not a folder")
      }
      guard access(path, W_OK | X_OK) == 0 else {
        throw ObscuraError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
      }
      return
    }
    var ancestor = OutputFolder.parent(of: path)
    while !FileManager.default.fileExists(atPath: ancestor, isDirectory: &isFolder) {
      ancestor = OutputFolder.parent(of: ancestor)
    }
    guard isFolder.boolValue, access(ancestor, W_OK | X_OK) == 0 else {
      throw ObscuraError.outputNotWritable(
        path: path, reason: "it does not exist and cannot be created")
    }
  }

  /// Creates the folder (and missing parents) if it does not exist yet.
  public func prepare() throws {
    var missing: [String] = []
    var folder = path
    while !FileManager.default.fileExists(atPath: folder) {
      missing.insert(folder, at: 0)
      let parent = OutputFolder.parent(of: folder)
      if parent == folder { break }
      folder = parent
    }
    for folder in missing {
      guard mkdir(folder, 0o777) == 0 || errno == EEXIST else {
        throw ObscuraError.outputNotWritable(
          path: path, reason: "it cannot be created: \(String(cString: strerror(errno)))")
      }
      created.append(folder)
      registry.registerFolder(folder)
    }
  }

  /// Removes the folders this render created, innermost first, as long as
  /// they are empty (`rmdir(2)` refuses any other).
  public func removeIfUnused() {
    for folder in created.reversed() where rmdir(folder) != 0 { break }
    finish()
  }

  /// Ends the render's claim on the folders it created: they stay as they are.
  public func finish() {
    for folder in created { registry.unregisterFolder(folder) }
    created = []
  }

  /// The folder holding `path`; "." for a bare name, "/" for the root.
  ///
  /// Written out rather than `NSString.deletingLastPathComponent`, which
  /// traps on a one-character name in this Foundation.
  static func parent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    if slash == trimmed.startIndex { return "/" }
    return String(trimmed[..<slash])
  }
}
