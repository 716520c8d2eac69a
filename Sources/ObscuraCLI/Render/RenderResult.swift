import Foundation

/// What one render did: the files it wrote, the seed it used, the files the
/// sketch read, and how long it took. Travels from the `watch` worker to the
/// session as JSON.
struct RenderResult: Codable, Equatable {
  /// One exported file.
  struct File: Codable, Equatable {
    /// Where it was written.
    var path: String
    /// "2480×3508 px" for an image, "297×420 mm" for a page.
    var size: String
    /// Its size on disk.
    var bytes: Int64
  }

  /// The files written, in order.
  var files: [File]
  /// The seed the render used.
  var seed: UInt64
  /// Files the sketch read while rendering (fonts, images, models).
  var inputs: [String]
  /// Seconds from loading the sketch to the last file in place.
  var seconds: Double
  /// What the render did differently from what the sketch asked.
  var warnings: [String] = []
  /// The rendering process's peak resident memory, in bytes, when known.
  var peakResidentBytes: Int64?

  /// Prints each warning as `obscura: warning: …` on stderr.
  func printWarnings() {
    for warning in warnings { Diagnostics.write("obscura: warning: \(warning)\n") }
  }

  /// The lines `run` and `watch` print: each file, then seed and time.
  func summary(compileSeconds: Double?) -> [String] {
    let width = files.map { $0.path.count }.max() ?? 0
    var lines = files.map { file in
      let padding = String(repeating: " ", count: max(0, width - file.path.count))
      return "wrote \(file.path)\(padding)  \(file.size)  \(RenderResult.bytes(file.bytes))"
    }
    var timing = "seed \(seed) · rendered in \(RenderResult.seconds(seconds))"
    if let compile = compileSeconds {
      timing += " · compiled in \(RenderResult.seconds(compile))"
    }
    if let peak = peakResidentBytes {
      timing += " · peak memory \(RenderResult.bytes(peak))"
    }
    lines.append(timing)
    return lines
  }

  /// "812 B", "23.4 KB", "5.1 MB".
  static func bytes(_ count: Int64) -> String {
    if count < 1000 { return "\(count) B" }
    if count < 1_000_000 { return String(format: "%.1f KB", Double(count) / 1e3) }
    return String(format: "%.1f MB", Double(count) / 1e6)
  }

  /// This process's peak resident memory so far (`getrusage`'s `ru_maxrss`).
  static func peakResidentBytes() -> Int64 {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int64(usage.ru_maxrss) * 1024
  }

  /// "0.42 s", "12.3 s".
  static func seconds(_ value: Double) -> String {
    value < 10 ? String(format: "%.2f s", value) : String(format: "%.1f s", value)
  }
}
