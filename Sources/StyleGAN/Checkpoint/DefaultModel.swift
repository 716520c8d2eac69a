import Foundation

/// The model that ships with Obscura, which `default` names.
public enum DefaultModel {
  /// The file's name inside the repository's `Models/` folder.
  public static let fileName = "horizons64.safetensors"
  /// Its path inside the checkout.
  public static let relativePath = "Models/horizons64.safetensors"

  /// Where the default model is, looked for without any configuration:
  /// `$OBSCURA_MODELS`, then `$OBSCURA_ROOT/Models`, then `Models/` above the
  /// running executable (a `.build/<configuration>/obscura` inside the repository, or
  /// `<prefix>/share/obscura/Models` for an installed one), then the
  /// `Models/` folder of the source tree this library was built from.
  ///
  /// - Returns: The first candidate that exists, or `nil`.
  public static func url() -> URL? {
    candidates().first { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// Where the default model is, or an error naming the places looked in.
  ///
  /// - Throws: ``StyleGANError/defaultModelMissing(searched:)``.
  public static func locate() throws -> URL {
    guard let url = url() else {
      throw StyleGANError.defaultModelMissing(searched: candidates().map(\.path))
    }
    return url
  }

  /// The places ``url()`` looks, in order.
  public static func candidates() -> [URL] {
    var folders: [URL] = []
    if let folder = ProcessInfo.processInfo.environment["OBSCURA_MODELS"], !folder.isEmpty {
      folders.append(URL(fileURLWithPath: folder))
    }
    if let root = ProcessInfo.processInfo.environment["OBSCURA_ROOT"], !root.isEmpty {
      folders.append(URL(fileURLWithPath: root).appendingPathComponent("Models"))
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
      .resolvingSymlinksInPath().deletingLastPathComponent()
    var ancestor = executable
    for _ in 0..<4 {
      folders.append(ancestor.appendingPathComponent("Models"))
      folders.append(ancestor.appendingPathComponent("share/obscura/Models"))
      ancestor = ancestor.deletingLastPathComponent()
    }
    // Sources/StyleGAN/Checkpoint/DefaultModel.swift → the repository root.
    let sourceRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    folders.append(sourceRoot.appendingPathComponent("Models"))
    return folders.map { $0.appendingPathComponent(fileName) }
  }
}
