import Foundation
import Testing

@testable import StyleGAN

/// Paths of the shared reference fixtures, found from this file's location:
/// the repository's parent folder holds `shared/`.
enum CheckpointFixtures {
  /// The repository's root folder.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared`, next to the repository.
  static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

  /// A file in `../shared/fixtures/stylegan/`.
  static func fixture(_ name: String) -> URL {
    shared.appendingPathComponent("fixtures/stylegan/\(name)")
  }

  /// `../shared/models/horizons64.pkl`.
  static let horizons = shared.appendingPathComponent("models/horizons64.pkl")

  /// The bytes of a shared file; records a failure naming the missing
  /// folder if `../shared` is not there.
  static func bytes(_ url: URL) throws -> [UInt8] {
    guard FileManager.default.fileExists(atPath: url.path) else {
      let message =
        "\(url.path) is missing: these tests need ../shared "
        + "(the reference fixtures) next to the repository"
      Issue.record(Comment(rawValue: message))
      throw FixtureMissing()
    }
    return [UInt8](try Data(contentsOf: url))
  }

  struct FixtureMissing: Error {}

  /// The model entries of `cases.json`.
  static func models() throws -> [[String: Any]] {
    let data = Data(try bytes(fixture("cases.json")))
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return json?["models"] as? [[String: Any]] ?? []
  }
}
