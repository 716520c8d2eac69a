import Foundation
import StyleGAN

/// Which StyleGAN model a generated layer uses.
public enum GeneratedModel: Sendable, Hashable {
  /// The model that ships with Obscura, `Models/horizons64.safetensors`:
  /// 64 × 64 horizons (skies, suns and moons, ridges, seas).
  case `default`
  /// An official `.pkl` checkpoint or a `.safetensors` file. A relative path
  /// resolves against the folder of the sketch file that names it.
  case file(String)

  /// The model file on disk, as it is now.
  ///
  /// - Parameter folder: The sketch's folder, for relative paths.
  /// - Throws: ``GeneratedProblem/modelNotFound(path:resolved:)``.
  func locate(relativeTo folder: String) throws -> ModelFile {
    switch self {
    case .default:
      guard let url = DefaultModel.url() else {
        let searched = DefaultModel.candidates().map { $0.path }
        throw GeneratedProblem.defaultModelMissing(searched: searched)
      }
      return try ModelFile(path: url.standardizedFileURL.path, given: "default")
    case .file(let path):
      let absolute = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
      let resolved = URL(fileURLWithPath: absolute).standardizedFileURL.path
      return try ModelFile(path: resolved, given: path)
    }
  }

  /// How the model is named in layer names and metadata.
  var displayName: String {
    switch self {
    case .default: return DefaultModel.fileName
    case .file(let path): return path.split(separator: "/").last.map(String.init) ?? path
    }
  }
}

/// A model file identified by its path, modification time and size, so a
/// file replaced on disk (a newer snapshot) is a different model.
struct ModelFile: Sendable, Hashable {
  /// The absolute path.
  let path: String
  /// The path as the sketch gave it, for messages.
  let given: String
  /// The modification time, seconds and nanoseconds since 1970.
  let modified: (seconds: Int, nanoseconds: Int)
  /// The size in bytes.
  let byteCount: Int

  /// Reads the file's status (`stat(2)`).
  ///
  /// - Throws: ``GeneratedProblem/modelNotFound(path:resolved:)`` when it is
  ///   missing or is a folder.
  init(path: String, given: String) throws {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
      throw GeneratedProblem.modelNotFound(path: given, resolved: path)
    }
    self.path = path
    self.given = given
    modified = (Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec))
    byteCount = Int(status.st_size)
  }

  static func == (a: ModelFile, b: ModelFile) -> Bool {
    a.path == b.path && a.modified == b.modified && a.byteCount == b.byteCount
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(path)
    hasher.combine(modified.seconds)
    hasher.combine(modified.nanoseconds)
    hasher.combine(byteCount)
  }
}
