import Foundation
import Obscura

/// Renders a loaded sketch plugin with the command line's overrides: the one
/// place the CLI calls the runtime's renderer.
enum RenderJob {
  /// The resolution of `--preview` (and of `watch` without `--dpi`).
  static let previewDPI = 72.0

  /// Creates the sketch, composes and renders it, and describes the files;
  /// `progress` hears how far it is (a fraction when known, and the stage).
  static func render(
    _ plugin: Plugin, sketchPath: String, typeName: String, request: RenderRequest,
    progress: ((Double?, String) -> Void)?
  ) throws -> RenderResult {
    let start = Date()
    let sketch = plugin.sketchType.init()

    // The seed: --seed, else the sketch's own, else the session's pick (so
    // that `watch` keeps one seed, and one file name, across renders).
    let seed = request.seed ?? sketch.settings.seed ?? request.fallbackSeed
    var settings = try sketch.settings.applying(
      seed: seed, parameters: request.parameters.map { ($0.name, $0.value) })
    if let paper = request.paper { settings.paper = try Paper(named: paper) }
    let dpi = request.dpi ?? (request.preview ? previewDPI : nil)

    var options = RenderOptions(
      sketchName: typeName, seed: seed,
      parameters: request.parameters.map { ($0.name, $0.value) }, dpi: dpi,
      formats: try request.formats.map { try ExportFormat(named: $0) },
      outputDirectory: request.outputFolder ?? ".", sourcePath: sketchPath,
      layers: request.layers)
    if let progress {
      options.progress = { step in
        progress(step.fraction, describe(step.stage))
      }
    }

    progress?(nil, "composing")
    var poster = try Poster(settings: settings, seed: seed, dpi: dpi)
    try sketch.compose(&poster)
    let result = try Renderer.render(poster, options: options)

    let files = result.files.map { file in
      RenderResult.File(
        path: file.path, size: sizeText(file), bytes: Int64(file.byteCount))
    }
    return RenderResult(
      files: files, seed: result.seed, inputs: result.inputFiles,
      seconds: Date().timeIntervalSince(start),
      warnings: result.warnings, peakResidentBytes: RenderResult.peakResidentBytes())
  }

  /// "2480×3508 px" for a PNG, "297×420 mm" (the page in the sketch's
  /// terms) for PDF and SVG.
  private static func sizeText(_ file: ExportedFile) -> String {
    if file.format == .png { return "\(file.pixelWidth)×\(file.pixelHeight) px" }
    let mm = 25.4 / 72
    let width = (file.pageSize.width * mm).rounded()
    let height = (file.pageSize.height * mm).rounded()
    return "\(Int(width))×\(Int(height)) mm"
  }

  /// The progress line's words for a render stage.
  private static func describe(_ stage: RenderProgress.Stage) -> String {
    switch stage {
    case .composing: return "composing"
    case .layer(let index, let count, let name, let format):
      return "\(format.rawValue) layer \(index + 1)/\(count) \(name)"
    case .writing(let path): return "writing \((path as NSString).lastPathComponent)"
    case .done: return "done"
    }
  }
}
