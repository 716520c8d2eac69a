import Foundation
import Obscura

/// Renders a loaded sketch plugin with the command line's overrides: the one
/// place the CLI calls the runtime's renderer.
enum RenderJob {
  /// Creates the sketch, renders it and describes the files written.
  static func render(
    _ plugin: Plugin, sketchPath: String, typeName: String, request: RenderRequest,
    progress: Progress?
  ) throws -> RenderResult {
    let start = Date()
    let sketch = plugin.sketchType.init()
    var poster = try Poster(
      settings: sketch.settings, seed: UInt64(request.seed ?? request.fallbackSeed))
    try sketch.compose(&poster)
    // FIXME: call the runtime's Renderer once its API lands.
    return RenderResult(
      files: [], seed: request.seed ?? request.fallbackSeed, inputs: [],
      seconds: Date().timeIntervalSince(start))
  }
}
