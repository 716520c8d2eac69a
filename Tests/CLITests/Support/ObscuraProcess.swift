import Foundation
import Testing

/// Runs the built `obscura` executable the way a user does, and collects
/// what it printed.
struct ObscuraProcess {
  /// The exit status, stdout and stderr of one run.
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Both streams, for messages that may go to either.
    var output: String { stdout + stderr }
  }

  /// The repository root, found from this file's path.
  static let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }  // Support, CLITests, Tests, file
    return url.path
  }()

  /// The `obscura` built next to the test bundle.
  static let executable: String = {
    let folder = Bundle.main.executablePath.map { ($0 as NSString).deletingLastPathComponent }
    var candidates: [String] = []
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(
      atPath: "/proc/self/exe")
    {
      candidates.append((resolved as NSString).deletingLastPathComponent + "/obscura")
    }
    if let folder { candidates.append(folder + "/obscura") }
    candidates.append(repositoryRoot + "/.build/debug/obscura")
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
      ?? candidates.last!
  }()

  /// A plugin cache shared by the tests (and kept between runs in .build),
  /// so that each sketch compiles once; tests about compiling use their own.
  static let cacheHome: String = {
    let path = repositoryRoot + "/.build/cli-tests-cache"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  /// Runs `obscura ARGUMENTS` (or another `program`) in `folder` and waits
  /// for it.
  @discardableResult
  static func run(
    _ arguments: [String], in folder: String, cacheHome: String = cacheHome,
    environment extra: [String: String] = [:], executable program: String = executable
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = cacheHome
    environment["SWIFT_BACKTRACE"] = "enable=no"
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes at once so that neither fills up and blocks the child.
    let errors = Collected()
    let done = DispatchSemaphore(value: 0)
    let errorHandle = err.fileHandleForReading
    DispatchQueue.global().async {
      errors.data = errorHandle.readDataToEndOfFile()
      done.signal()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errors.data, as: UTF8.self))
  }
}

/// Bytes read on another thread, handed over after a semaphore.
private final class Collected: @unchecked Sendable {
  var data = Data()
}

/// A fresh folder for one test, removed when the value is dropped.
final class Scratch {
  /// The folder's path.
  let path: String

  /// Creates an empty folder under the system's temporary folder.
  init() throws {
    path = NSTemporaryDirectory() + "obscura-cli-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `text` to `name` inside the folder and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }

  /// The names of the files in `folder` (relative to this scratch folder),
  /// sorted.
  func files(in folder: String = ".") -> [String] {
    let full = folder == "." ? path : path + "/" + folder
    return ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []).sorted()
  }
}
