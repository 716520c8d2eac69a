import Foundation

/// The model that ships with Obscura, which `default` names.
public enum DefaultModel {
  /// Its path inside the checkout.
  public static let relativePath = "Models/horizons64.safetensors"

  /// Finds `Models/horizons64.safetensors` in the nearest ancestor folder of
  /// the running executable (`/proc/self/exe`) that holds `Models/`.
  ///
  /// - Throws: ``StyleGANError/defaultModelMissing(start:)`` naming where
  ///   the search started.
  public static func locate() throws -> URL {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments.first ?? ""
    let start = URL(fileURLWithPath: exe).deletingLastPathComponent().standardizedFileURL
    var folder = start
    while true {
      let models = folder.appendingPathComponent("Models")
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: models.path, isDirectory: &isFolder),
        isFolder.boolValue
      {
        let model = folder.appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: model.path) {
          return model
        }
        break
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path {
        break
      }
      folder = parent
    }
    throw StyleGANError.defaultModelMissing(start: start.path)
  }
}
