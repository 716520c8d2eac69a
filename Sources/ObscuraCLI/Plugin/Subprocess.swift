import Foundation

/// Runs a program to completion and collects what it printed.
enum Subprocess {
  /// The exit status and the combined stdout and stderr of a finished run.
  struct Result {
    var status: Int32
    var output: String
  }

  /// Runs `executable` with `arguments`, waiting for it to end.
  static func run(_ executable: String, _ arguments: [String]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }
}
