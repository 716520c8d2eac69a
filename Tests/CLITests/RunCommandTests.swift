import Foundation
import Testing

/// What `obscura run` prints and writes, and when it compiles.
@Suite("obscura run")
struct RunCommandTests {
  /// A sketch without a seed of its own, with one parameter.
  static let dots = """
    import Obscura

    struct Dots: Sketch {
      var settings = Settings(paper: .a6, dpi: 300, parameters: [.integer("count", 5)])

      func compose(_ poster: inout Poster) throws {
        let count = try poster.integer("count")
        poster.add(.drawing("Dots") { ctx in
          for i in 0..<count {
            ctx.circle(center: Point(x: 10 + Double(i) * 12, y: 30), radius: 5)
            ctx.fill(Color(hex: 0x223344))
          }
        })
      }
    }

    """

  @Test("each file is listed with its size, then the seed and times; stdout only")
  func reportsFiles() throws {
    let scratch = try Scratch()
    try scratch.write("Dots.swift", RunCommandTests.dots)
    let result = try ObscuraProcess.run(
      [
        "run", "Dots.swift", "--seed", "42", "--dpi", "50", "--format", "png,pdf,svg",
        "--out", "out",
      ], in: scratch.path)
    #expect(result.status == 0, "\(result.output)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    try #require(lines.count == 4, "\(result.stdout)")
    // A6 is 105 × 148 mm: at 50 dpi round(105 / 25.4 · 50) × round(148 / 25.4 · 50).
    #expect(lines[0].hasPrefix("wrote out/Dots-seed42.png  207×291 px  "))
    #expect(lines[1].hasPrefix("wrote out/Dots-seed42.pdf  105×148 mm  "))
    #expect(lines[2].hasPrefix("wrote out/Dots-seed42.svg  105×148 mm  "))
    #expect(lines[3].hasPrefix("seed 42 · rendered in "))
    // The rendering process's own peak memory: tens of MB, never zero.
    let peak = lines[3].components(separatedBy: "peak memory ").last ?? ""
    #expect(peak.hasSuffix(" MB") && (Double(peak.dropLast(3)) ?? 0) > 5, "\(lines[3])")
    #expect(result.stderr.isEmpty, "nothing on stderr when piped: \(result.stderr)")
    #expect(scratch.files(in: "out") == ["Dots-seed42.pdf", "Dots-seed42.png", "Dots-seed42.svg"])

    // The byte counts printed are the files' sizes.
    let pngBytes =
      try FileManager.default.attributesOfItem(
        atPath: scratch.path + "/out/Dots-seed42.png")[.size] as? Int ?? -1
    #expect(lines[0].hasSuffix(pngBytes < 1000 ? "\(pngBytes) B" : "KB"))
  }

  @Test("without --seed and a sketch seed, a random seed is picked and printed")
  func randomSeed() throws {
    let scratch = try Scratch()
    try scratch.write("Dots.swift", RunCommandTests.dots)
    let result = try ObscuraProcess.run(
      ["run", "Dots.swift", "--dpi", "20", "--out", "out"], in: scratch.path)
    #expect(result.status == 0, "\(result.output)")
    let seedLine = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
    let seed = seedLine.split(separator: " ").dropFirst().first.map(String.init) ?? ""
    #expect(UInt64(seed) != nil, "\(seedLine)")
    #expect(scratch.files(in: "out") == ["Dots-seed\(seed).png"])
  }

  @Test("a plugin compiles once and is reused until the file changes")
  func pluginCache() throws {
    let scratch = try Scratch()
    let cache = try Scratch()
    try scratch.write("Dots.swift", RunCommandTests.dots)
    let arguments = ["run", "Dots.swift", "--seed", "1", "--dpi", "20", "--out", "out"]

    let first = try ObscuraProcess.run(arguments, in: scratch.path, cacheHome: cache.path)
    #expect(first.status == 0, "\(first.output)")
    #expect(first.stdout.contains("· compiled in "))
    let second = try ObscuraProcess.run(arguments, in: scratch.path, cacheHome: cache.path)
    #expect(second.status == 0)
    #expect(!second.stdout.contains("compiled"), "cached: \(second.stdout)")

    try scratch.write("Dots.swift", RunCommandTests.dots.replacingOccurrences(of: "5)", with: "6)"))
    let third = try ObscuraProcess.run(arguments, in: scratch.path, cacheHome: cache.path)
    #expect(third.stdout.contains("· compiled in "))
    let plugins = cache.files(in: "obscura/plugins").filter { $0.hasSuffix(".so") }
    #expect(plugins.count == 2, "\(plugins)")
    #expect(plugins.allSatisfy { $0.hasPrefix("Dots-") })
  }

  @Test("--param and --paper reach the render")
  func overrides() throws {
    let scratch = try Scratch()
    try scratch.write("Dots.swift", RunCommandTests.dots)
    let result = try ObscuraProcess.run(
      [
        "run", "Dots.swift", "--seed", "3", "--dpi", "20", "--paper", "a5", "--param", "count=2",
        "--out", "out",
      ], in: scratch.path)
    #expect(result.status == 0, "\(result.output)")
    // A5 is 148 × 210 mm: at 20 dpi 117 × 165 px.
    #expect(result.stdout.hasPrefix("wrote out/Dots-seed3.png  117×165 px"))
  }

  @Test("--layers writes each layer and a layer sheet beside the poster")
  func layers() throws {
    let scratch = try Scratch()
    try scratch.write("Dots.swift", RunCommandTests.dots)
    let result = try ObscuraProcess.run(
      ["run", "Dots.swift", "--seed", "3", "--dpi", "20", "--layers", "--out", "out"],
      in: scratch.path)
    #expect(result.status == 0, "\(result.output)")
    let written = scratch.files(in: "out")
    #expect(written.contains("Dots-seed3.png"))
    #expect(written.count >= 3, "poster, one layer, sheet: \(written)")
  }

  @Test("a command-line mistake prints the usage and exits 64")
  func usageError() throws {
    let scratch = try Scratch()
    let result = try ObscuraProcess.run(["run"], in: scratch.path)
    #expect(result.status == 64)
    #expect(result.stderr.contains("give one sketch file to run"))
    #expect(result.stderr.contains("usage: obscura run FILE [options]"))
  }
}

extension RunCommandTests {
  @Test("on a terminal a render that takes a while shows a progress bar, then clears it")
  func progressOnTerminal() throws {
    let scratch = try Scratch()
    let root = ObscuraProcess.repositoryRoot
    // `script` runs the command on a pseudo-terminal.
    let command =
      "\(ObscuraProcess.executable) run \(root)/Sketches/Examples/FlowField.swift"
      + " --dpi 90 --format png --out \(scratch.path)/out"
    let result = try ObscuraProcess.run(
      ["-qec", command, "/dev/null"], in: scratch.path, executable: "/usr/bin/script")
    #expect(result.status == 0, "\(result.output)")
    #expect(result.stdout.contains("rendering FlowField ["), "\(result.stdout)")
    #expect(result.stdout.contains("█"))
    #expect(result.stdout.contains("\r\u{1B}[2Kwrote \(scratch.path)/out/FlowField-seed7.png"))
  }
}
