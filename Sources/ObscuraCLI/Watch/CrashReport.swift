/// What a crashed render printed, boiled down to one line: the trap's
/// message and the first backtrace frame in the sketch file.
struct CrashReport {
  /// "8:65": the line and column of the first frame in the sketch.
  var location: String?
  /// "Fatal error: Index out of range".
  var message: String?

  /// Reads the worker's stderr; `sketch` is the sketch's absolute path.
  init(_ stderr: String, sketch: String) {
    for line in stderr.split(separator: "\n") {
      if message == nil, let range = line.range(of: "Fatal error: ") {
        message = String(line[range.lowerBound...])
      }
      if location == nil, let range = line.range(of: " at \(sketch):") {
        let rest = line[range.upperBound...]
        let digits = rest.prefix { $0.isNumber || $0 == ":" }
        if !digits.isEmpty { location = String(digits) }
      }
    }
  }
}
