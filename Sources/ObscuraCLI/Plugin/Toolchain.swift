import Foundation

/// Where the compiler and the Obscura module interface are, for compiling
/// sketch plugins against the running `obscura`.
struct Toolchain {
  /// The path of `swiftc` as found; it stays unresolved because the driver
  /// picks its mode from the name it is called by.
  let swiftc: String
  /// The folder holding `Obscura.swiftmodule` and `StyleGAN.swiftmodule`.
  let modules: String
  /// The repository root, when `obscura` runs from a build inside it; its
  /// `Sources/C*/module.modulemap` describe the C modules Obscura imports.
  let packageRoot: String?

  /// The modules whose interface a plugin compiles against.
  static let interfaceModules = ["Obscura", "StyleGAN"]

  /// Finds the toolchain for the running executable.
  ///
  /// `OBSCURA_SWIFTC` and `OBSCURA_MODULES` override the search.
  static func locate() throws -> Toolchain {
    let environment = ProcessInfo.processInfo.environment
    let executableFolder = (executablePath() as NSString).deletingLastPathComponent

    var candidates: [String] = []
    if let modules = environment["OBSCURA_MODULES"] { candidates.append(modules) }
    candidates.append(executableFolder + "/Modules")
    guard
      let modules = candidates.first(where: {
        FileManager.default.fileExists(atPath: $0 + "/Obscura.swiftmodule")
      })
    else {
      throw SketchError.modulesMissing(searched: candidates)
    }

    let swiftc: String
    if let given = environment["OBSCURA_SWIFTC"] {
      guard FileManager.default.isExecutableFile(atPath: given) else {
        throw SketchError.compilerMissing(searched: "OBSCURA_SWIFTC=\(given)")
      }
      swiftc = given
    } else {
      let path = environment["PATH"] ?? "/usr/bin:/bin"
      let folders = path.split(separator: ":").map(String.init)
      guard
        let found = folders.map({ $0 + "/swiftc" }).first(where: {
          FileManager.default.isExecutableFile(atPath: $0)
        })
      else {
        throw SketchError.compilerMissing(searched: "PATH=\(path)")
      }
      swiftc = found
    }
    return Toolchain(
      swiftc: swiftc,
      modules: modules,
      packageRoot: packageRoot(above: executableFolder))
  }

  /// The files whose change must rebuild every plugin: the compiler and
  /// the module interfaces, as "path size mtime" lines.
  func fingerprint() -> String {
    var files = [swiftc, URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().path]
    files += Toolchain.interfaceModules.map { "\(modules)/\($0).swiftmodule" }
    return files.map { path in
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
      let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      return "\(path) \(size) \(date)"
    }.joined(separator: "\n")
  }

  /// The compiler flags that make the C modules behind Obscura importable:
  /// each `module.modulemap` and the include folders pkg-config names.
  ///
  /// A client of a module that imports C modules must see those modules too,
  /// even when the import is `internal`.
  func cModuleFlags() -> [String] {
    guard let root = packageRoot else { return [] }
    let sources = root + "/Sources"
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? []
    var flags: [String] = []
    for folder in folders.sorted() where folder.hasPrefix("C") {
      let map = "\(sources)/\(folder)/module.modulemap"
      if FileManager.default.fileExists(atPath: map) {
        flags += ["-Xcc", "-fmodule-map-file=\(map)"]
      }
    }
    let includes = Toolchain.pkgConfigIncludes(["cairo", "pangocairo", "libpng", "openblas"])
    for include in includes { flags += ["-Xcc", include] }
    return flags
  }

  /// The `-I` flags pkg-config gives for the named packages, in one call.
  private static func pkgConfigIncludes(_ packages: [String]) -> [String] {
    guard
      let result = try? Subprocess.run(
        "/usr/bin/env", ["pkg-config", "--cflags-only-I"] + packages),
      result.status == 0
    else { return [] }
    var seen = Set<String>()
    return result.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
      .filter { seen.insert($0).inserted }
  }

  /// The path of the running executable.
  static func executablePath() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return resolved
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
  }

  /// The nearest folder above `folder` that holds Package.swift and a
  /// Sources folder.
  private static func packageRoot(above folder: String) -> String? {
    var current = URL(fileURLWithPath: folder)
    while current.path != "/" {
      let path = current.path
      if FileManager.default.fileExists(atPath: path + "/Package.swift"),
        FileManager.default.fileExists(atPath: path + "/Sources")
      {
        return path
      }
      current.deleteLastPathComponent()
    }
    return nil
  }
}
