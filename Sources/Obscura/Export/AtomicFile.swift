import Foundation

/// Writes a file under a temporary name in the same folder and renames it into
/// place, so a reader sees either the old file or the complete new one.
public enum AtomicFile {
  /// Calls `write` with a temporary path next to `path`, then renames it to
  /// `path` (`rename(2)`, atomic within one file system).
  ///
  /// When `write` throws, or the rename fails, the temporary file is removed
  /// and any earlier file at `path` is left untouched. While `write` runs the
  /// temporary path is in `registry`, so a signal handler can remove it.
  ///
  /// - Throws: ``ObscuraError/interrupted(path:)`` when the registry is
  ///   closed because the process is stopping.
  static func write(
    to path: String, registry: TemporaryFileRegistry = .shared, _ write: (String) throws -> Void
  ) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let temporary = (folder as NSString).appendingPathComponent(
      ".\(url.lastPathComponent).\(getpid())-\(UInt32.random(in: 0 ... .max)).tmp")
    guard registry.register(temporary) else { throw ObscuraError.interrupted(path: path) }
    defer { registry.unregister(temporary) }
    do {
      try write(temporary)
      guard rename(temporary, path) == 0 else {
        throw ObscuraError.writeFailed(path: path, reason: String(cString: strerror(errno)))
      }
    } catch {
      unlink(temporary)
      throw error
    }
  }

  /// Writes `bytes` to `path` atomically: under a temporary name in the same
  /// folder, then renamed into place.
  ///
  /// - Throws: ``ObscuraError/writeFailed(path:reason:)``.
  public static func write(bytes: [UInt8], to path: String) throws {
    try write(to: path) { temporary in
      guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
        throw ObscuraError.writeFailed(path: path, reason: String(cString: strerror(errno)))
      }
    }
  }
}
