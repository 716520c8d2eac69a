import Foundation

/// Messages for the person at the terminal, on stderr.
enum Diagnostics {
  /// Whether stderr is a terminal (progress is shown only then).
  static let isTerminal = isatty(STDERR_FILENO) != 0

  /// Prints `obscura: error: MESSAGE` on stderr.
  static func error(_ message: String) {
    write("obscura: error: \(message)\n")
  }

  /// Prints a line of what the command did, on stderr.
  static func note(_ message: String) {
    write("\(message)\n")
  }

  /// Writes text to stderr unbuffered.
  static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
