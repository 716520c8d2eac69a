import Foundation

/// What a crashed render printed, boiled down to one line: the trap's
/// message and the first backtrace frame in the sketch file (else the line
/// the message names in the plugin's module, `ObscuraSketch_…/File.swift:5`).
struct CrashReport {
  /// "8:65": the line and column of the first frame in the sketch.
  var location: String?
  /// "Fatal error: Index out of range".
  var message: String?

  /// The runtime's words that begin a trap's message.
  static let traps = ["Fatal error", "Precondition failed", "Assertion failed"]

  /// Reads the worker's stderr; `sketch` is the sketch's absolute path.
  init(_ stderr: String, sketch: String) {
    let fileName = URL(fileURLWithPath: sketch).lastPathComponent
    var messageLine: String?
    for line in stderr.split(separator: "\n") {
      if message == nil,
        let range = CrashReport.traps.lazy.compactMap({ line.range(of: $0) }).first
      {
        message = String(line[range.lowerBound...])
        // "ObscuraSketch_Fatal_1563c2c007552d16/Fatal.swift:5: Fatal error: …"
        let head = line[..<range.lowerBound]
        if let file = head.range(of: "/\(fileName):") {
          let digits = head[file.upperBound...].prefix { $0.isNumber }
          if !digits.isEmpty { messageLine = String(digits) }
        }
      }
      if location == nil, let range = line.range(of: " at \(sketch):") {
        let rest = line[range.upperBound...]
        let digits = rest.prefix { $0.isNumber || $0 == ":" }
        if !digits.isEmpty { location = String(digits) }
      }
    }
    if location == nil { location = messageLine }
  }
}
