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
    let seed = request.seed ?? sketch.settings.seed ?? request.fallbackSeed
    let settings = try sketch.settings.applying(
      seed: seed, parameters: request.parameters.map { ($0.name, $0.value) })
    var poster = try Poster(settings: settings, seed: seed, dpi: request.dpi)
    try sketch.compose(&poster)
    // FIXME: call the runtime's Renderer once its API lands.
    return RenderResult(
      files: [], seed: seed, inputs: [], seconds: Date().timeIntervalSince(start))
  }
}
