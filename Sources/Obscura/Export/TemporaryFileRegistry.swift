import Foundation

/// The temporary files that atomic writes have in flight, so that a process
/// stopped by a signal can remove them before it exits.
///
/// ``AtomicFile`` registers each temporary path before anything creates it
/// and unregisters it once it is renamed into place or removed; a render
/// registers the output folders it created until it ends. A signal handler
/// of the CLI calls ``removeAll(closing:)`` and then exits.
public final class TemporaryFileRegistry: @unchecked Sendable {
  /// The registry every atomic write of this process uses.
  public static let shared = TemporaryFileRegistry()

  private let lock = NSLock()
  private var registered: Set<String> = []
  private var folders: [String] = []
  private var isClosed = false

  /// Creates an empty registry (tests use their own).
  public init() {}

  /// The temporary paths registered now, sorted.
  public var paths: [String] {
    lock.lock()
    defer { lock.unlock() }
    return registered.sorted()
  }

  /// Records `path` as in flight.
  ///
  /// - Returns: `false` when the registry is closed (the process is being
  ///   stopped), in which case the caller must not create the file.
  public func register(_ path: String) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard !isClosed else { return false }
    registered.insert(path)
    return true
  }

  /// Forgets `path` (it was renamed into place or removed).
  public func unregister(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    registered.remove(path)
  }

  /// Records `folder`, just created by a render, so that an interrupted
  /// render removes it again when it is still empty.
  public func registerFolder(_ folder: String) {
    lock.lock()
    defer { lock.unlock() }
    folders.append(folder)
  }

  /// Forgets `folder` (its render ended and decided about it).
  public func unregisterFolder(_ folder: String) {
    lock.lock()
    defer { lock.unlock() }
    folders.removeAll { $0 == folder }
  }

  /// Removes every registered file (`unlink(2)`), then every registered
  /// folder that is empty, newest first (`rmdir(2)` refuses any other).
  ///
  /// The paths stay registered until their writers unregister them, so that
  /// a second call also removes a file a writer created after the first.
  ///
  /// - Parameter closing: Also refuse later registrations, so that no new
  ///   temporary file appears while the process is exiting.
  /// - Returns: The paths that were registered.
  @discardableResult
  public func removeAll(closing: Bool = false) -> [String] {
    lock.lock()
    defer { lock.unlock() }
    if closing { isClosed = true }
    let paths = registered.sorted()
    for path in paths { unlink(path) }
    for folder in folders.reversed() { rmdir(folder) }
    return paths
  }
}
