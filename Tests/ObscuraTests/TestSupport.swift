import Foundation
import Testing

@testable import Obscura

/// The checkout's root, found from this file's path.
func repositoryRoot(_ filePath: String = #filePath) -> String {
  URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
}

/// A fresh empty folder under the system's temporary folder.
func temporaryFolder(_ name: String = #function) throws -> String {
  let safe = name.filter { $0.isLetter || $0.isNumber }
  let path =
    NSTemporaryDirectory() + "obscura-tests-\(safe)-\(getpid())-\(UInt32.random(in: 0 ... .max))"
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// A sketch built from closures, for tests.
struct ClosureSketch: Sketch {
  var settings: Settings
  var body: (inout Poster) throws -> Void

  init() {
    settings = Settings()
    body = { _ in }
  }

  init(_ settings: Settings, _ body: @escaping (inout Poster) throws -> Void) {
    self.settings = settings
    self.body = body
  }

  func compose(_ poster: inout Poster) throws { try body(&poster) }
}

/// A composed poster for `settings` and `body`.
func poster(
  _ settings: Settings, seed: UInt64 = 1, dpi: Double? = nil,
  _ body: (inout Poster) throws -> Void
) throws -> Poster {
  var poster = try Poster(settings: settings, seed: seed, dpi: dpi)
  try body(&poster)
  return poster
}

/// Settings for a small pixel-unit test page at 72 dpi (1 unit = 1 px).
func pixelSettings(width: Double, height: Double, background: Color? = nil) -> Settings {
  Settings(
    paper: .custom(width: width, height: height, unit: .px),
    orientation: width > height ? .landscape : .portrait, unit: .px, dpi: 72,
    background: background)
}

/// The channel bytes of pixel (x, y) as (R, G, B, A).
func rgba(_ image: RasterImage, _ x: Int, _ y: Int) -> [Int] {
  let i = (y * image.width + x) * 4
  return (0..<4).map { Int(image.rgba[i + $0]) }
}

/// Makes the bundled fonts findable when tests run from another folder.
func useRepositoryFonts() {
  setenv(ObscuraRoot.environmentKey, repositoryRoot(), 0)
}
