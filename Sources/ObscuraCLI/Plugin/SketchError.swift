import Foundation

/// What can go wrong between a sketch file on disk and its rendered files.
///
/// All the wording the user sees for these failures is in this file.
enum SketchError: Error, CustomStringConvertible {
  /// The sketch file does not exist or cannot be read.
  case unreadable(path: String, reason: String)
  /// The file declares no type conforming to `Sketch`.
  case noSketchType(path: String)
  /// The file declares more than one type conforming to `Sketch`.
  case severalSketchTypes(path: String, names: [String])
  /// `swiftc` was not found.
  case compilerMissing(searched: String)
  /// The Obscura module interface was not found next to the executable.
  case modulesMissing(searched: [String])
  /// The sketch did not compile; `diagnostics` is the compiler's output,
  /// already pointing at the user's file; `shadowed` the runtime type names
  /// the file declares again that the diagnostics mention.
  case compileFailed(path: String, diagnostics: String, shadowed: [String] = [])
  /// The compiled plugin could not be loaded.
  case loadFailed(plugin: String, reason: String)
  /// The plugin loaded but does not provide a sketch type.
  case notASketch(plugin: String)
  /// The plugin cache folder cannot be created or written.
  case cacheUnwritable(path: String, reason: String)
  /// A file already exists where `obscura new` would write.
  case alreadyExists(path: String)
  /// The render process ended without answering: how, where in the sketch
  /// (from the backtrace, when there is one), the trap's message, and
  /// whether the backtrace was shown above.
  case renderCrashed(
    path: String, location: String?, status: String, message: String?, backtraceShown: Bool)

  var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read sketch \(path): \(reason)"
    case .noSketchType(let path):
      return "\(path): no type conforming to Sketch found; declare one, for example "
        + "'struct Poster1: Sketch { … }'"
    case .severalSketchTypes(let path, let names):
      return "\(path): several types conform to Sketch (\(names.joined(separator: ", "))); "
        + "a sketch file declares exactly one"
    case .compilerMissing(let searched):
      return "swiftc not found (searched \(searched)); install the Swift toolchain "
        + "or set OBSCURA_SWIFTC to its swiftc"
    case .modulesMissing(let searched):
      return "the Obscura module interface (Obscura.swiftmodule) was not found in "
        + searched.joined(separator: " or ")
        + "; rebuild obscura with 'swift build' or set OBSCURA_MODULES"
    case .compileFailed(let path, let diagnostics, let shadowed):
      let trimmed = diagnostics.trimmingCharacters(in: .whitespacesAndNewlines)
      let hints = shadowed.map { name in
        let module = RuntimeTypeNames.module(declaring: name) ?? "Obscura"
        return "\nhint: \(path) declares its own '\(name)', which shadows \(module)'s type "
          + "'\(name)' in this file; rename yours (e.g. 'My\(name)') or write "
          + "'\(module).\(name)' for \(module)'s"
      }
      return "\(path) does not compile:\n\(trimmed)" + hints.joined()
    case .loadFailed(let plugin, let reason):
      return "cannot load the compiled sketch \(plugin): \(reason)"
    case .notASketch(let plugin):
      return "the compiled sketch \(plugin) does not provide a Sketch type"
    case .cacheUnwritable(let path, let reason):
      return "cannot write the plugin cache \(path): \(reason); "
        + "set XDG_CACHE_HOME to a writable folder"
    case .alreadyExists(let path):
      return "\(path) already exists; choose another name or delete it first"
    case .renderCrashed(let path, let location, let status, let message, let shown):
      let place = location.map { "\(path):\($0):" } ?? "\(path):"
      return "\(place) the sketch crashed while rendering: \(message ?? "no message") "
        + "(\(status))"
        + (shown ? "" : "\nset OBSCURA_BACKTRACE=1 to see the backtrace")
    }
  }
}
