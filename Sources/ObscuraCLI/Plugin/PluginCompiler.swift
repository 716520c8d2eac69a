import Foundation

/// Compiles a sketch file into a shared library that the running `obscura`
/// can load, and keeps the result in a cache.
///
/// The plugin is compiled against the Obscura module interface without
/// linking the runtime: its references to Obscura stay undefined and bind,
/// when loaded, to the symbols the `obscura` executable exports. Host and
/// plugin then share one copy of the runtime's types, which is what makes
/// the plugin's type castable to the host's `Sketch` protocol.
final class PluginCompiler {
  /// The optimisation level sketches are compiled at.
  ///
  /// `-Onone` compiles a small sketch in about 0.35 s here, `-O` in about
  /// 0.6 s; the time a render spends is in the runtime (compiled
  /// optimised), not in the sketch's own code.
  /// `OBSCURA_SKETCH_OPTIMIZATION=-O` chooses optimised plugins for sketches
  /// whose own loops dominate the render.
  static let optimization: String = {
    let asked = ProcessInfo.processInfo.environment["OBSCURA_SKETCH_OPTIMIZATION"]
    return ["-O", "-Osize", "-Ounchecked"].contains(asked ?? "") ? asked! : "-Onone"
  }()

  /// The name of the C entry point the generated wrapper exports.
  static let entryPoint = "obscura_sketch_type"

  /// A change here invalidates every cached plugin.
  private static let layoutVersion = "plugin-3"

  let toolchain: Toolchain
  /// The folder holding compiled plugins.
  let cacheFolder: String
  /// The C module flags, found once per process (a `watch` session
  /// compiles many times).
  private lazy var cModuleFlags = toolchain.cModuleFlags()

  /// A compiler using the running executable's toolchain and the user's
  /// cache folder (`$XDG_CACHE_HOME/obscura/plugins`, else
  /// `~/.cache/obscura/plugins`).
  init() throws {
    toolchain = try Toolchain.locate()
    cacheFolder = PluginCompiler.defaultCacheFolder()
  }

  /// The plugin cache folder named by the environment.
  static func defaultCacheFolder() -> String {
    let environment = ProcessInfo.processInfo.environment
    if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
      return cache + "/obscura/plugins"
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.cache/obscura/plugins"
  }

  /// The outcome of ``plugin(for:)``.
  struct Built {
    /// The path of the shared library.
    var path: String
    /// Whether it was compiled now (false: found in the cache).
    var compiled: Bool
    /// Seconds spent compiling (0 when cached).
    var seconds: Double
    /// Compiler warnings, pointing at the user's file.
    var warnings: String
  }

  /// Returns the plugin for `source`, compiling it if the cache has none
  /// for this file content, compiler and runtime interface.
  func plugin(for source: SketchSource) throws -> Built {
    let key = cacheKey(for: source)
    let path = "\(cacheFolder)/\(source.typeName)-\(key).so"
    if FileManager.default.fileExists(atPath: path) {
      return Built(path: path, compiled: false, seconds: 0, warnings: "")
    }
    // One compile per key at a time: a second `obscura` asking for the same
    // plugin waits for the first and then finds it in the cache.
    try createCacheFolder()
    let lock = open(path + ".lock", O_RDWR | O_CREAT, 0o644)
    guard lock >= 0 else {
      throw SketchError.cacheUnwritable(path: cacheFolder, reason: String(cString: strerror(errno)))
    }
    defer { close(lock) }
    while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
    defer { flock(lock, LOCK_UN) }
    if FileManager.default.fileExists(atPath: path) {
      return Built(path: path, compiled: false, seconds: 0, warnings: "")
    }

    let start = Date()
    let warnings = try compile(source, key: key, to: path)
    prune(typeName: source.typeName, keeping: path)
    return Built(
      path: path, compiled: true, seconds: Date().timeIntervalSince(start), warnings: warnings)
  }

  /// How many plugins of one sketch type the cache keeps.
  static let keptVersions = 8

  /// Deletes all but the newest ``keptVersions`` plugins named after
  /// `typeName` (a `watch` session leaves one per edit). A library still
  /// loaded by a running process is unaffected by its deletion.
  private func prune(typeName: String, keeping path: String) {
    let manager = FileManager.default
    let names = (try? manager.contentsOfDirectory(atPath: cacheFolder)) ?? []
    let prefix = typeName + "-"
    let plugins = names.filter {
      $0.hasPrefix(prefix) && $0.hasSuffix(".so") && $0.count == prefix.count + 16 + 3
    }.map { cacheFolder + "/" + $0 }
    guard plugins.count > PluginCompiler.keptVersions else { return }
    let dated = plugins.map { file in
      (file, (try? manager.attributesOfItem(atPath: file)[.modificationDate] as? Date) ?? nil)
    }
    let oldestFirst = dated.sorted { ($0.1 ?? .distantPast) < ($1.1 ?? .distantPast) }
    for (file, _) in oldestFirst.dropLast(PluginCompiler.keptVersions) where file != path {
      try? manager.removeItem(atPath: file)
      try? manager.removeItem(atPath: file + ".lock")
    }
  }

  private func createCacheFolder() throws {
    do {
      try FileManager.default.createDirectory(
        atPath: cacheFolder, withIntermediateDirectories: true)
    } catch {
      throw SketchError.cacheUnwritable(path: cacheFolder, reason: Self.reason(error))
    }
  }

  /// A hash of everything that determines the compiled plugin.
  func cacheKey(for source: SketchSource) -> String {
    let material = [
      PluginCompiler.layoutVersion, PluginCompiler.optimization, source.absolutePath,
      source.typeName, toolchain.fingerprint(), source.text,
    ].joined(separator: "\u{0}")
    return FNV1a.hex(material)
  }

  /// Runs `swiftc` and moves the library into place; returns the warnings.
  private func compile(_ source: SketchSource, key: String, to path: String) throws -> String {
    let work = "\(cacheFolder)/build/\(key)-\(getpid())"
    do {
      try FileManager.default.createDirectory(
        atPath: work, withIntermediateDirectories: true)
    } catch {
      throw SketchError.cacheUnwritable(path: cacheFolder, reason: Self.reason(error))
    }
    defer { try? FileManager.default.removeItem(atPath: work) }

    let wrapper = "\(work)/SketchEntry.swift"
    try PluginCompiler.wrapperSource(typeName: source.typeName)
      .write(toFile: wrapper, atomically: false, encoding: .utf8)

    let library = "\(work)/plugin.so"
    var arguments = [
      // One frontend for both files (-wmo) loads the module interfaces once.
      // Line tables (almost free to compile) let a crash's backtrace name
      // the sketch's own file and line.
      "-emit-library", "-parse-as-library", "-wmo", PluginCompiler.optimization,
      "-gline-tables-only",
      // A module name per version keeps the symbols of successive plugins
      // loaded by one `watch` worker apart.
      "-module-name", "ObscuraSketch_\(source.typeName)_\(key)",
      "-I", toolchain.modules,
      "-module-cache-path", "\(cacheFolder)/module-cache",
      "-diagnostic-style=llvm",
    ]
    arguments += cModuleFlags
    arguments += [source.absolutePath, wrapper, "-o", library]

    let result = try Subprocess.run(toolchain.swiftc, arguments)
    let diagnostics = CompilerDiagnostics.rewrite(
      result.output, source: source, wrapper: wrapper)
    guard result.status == 0, FileManager.default.fileExists(atPath: library) else {
      throw SketchError.compileFailed(
        path: source.path, diagnostics: diagnostics,
        shadowed: RuntimeTypeNames.shadowed(in: source.text, mentionedIn: diagnostics))
    }
    if rename(library, path) != 0 {
      throw SketchError.cacheUnwritable(
        path: cacheFolder, reason: String(cString: strerror(errno)))
    }
    return diagnostics
  }

  /// The extra source file compiled with the sketch: a C entry point that
  /// returns the sketch type's metadata, and a line that fails to compile
  /// (pointing at the sketch's declaration) if the type is not a `Sketch`.
  static func wrapperSource(typeName: String) -> String {
    """
    import Obscura

    private let sketchConformance: any Sketch.Type = \(typeName).self

    @_cdecl("\(entryPoint)")
    public func obscuraSketchType() -> UnsafeRawPointer {
      unsafeBitCast(\(typeName).self as Any.Type, to: UnsafeRawPointer.self)
    }

    """
  }

  private static func reason(_ error: Error) -> String {
    (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
  }
}

/// The 64-bit FNV-1a hash, as 16 hex digits: a cache key, not a checksum
/// against tampering.
///
/// h₀ = 0xcbf29ce484222325; for each byte b: h = (h ⊕ b) · 0x100000001b3 mod 2⁶⁴.
enum FNV1a {
  /// The hash of the UTF-8 bytes of `text`.
  static func hex(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
