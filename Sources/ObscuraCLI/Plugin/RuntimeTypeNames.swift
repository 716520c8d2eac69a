import Foundation

/// The public type names of the runtime modules a sketch compiles against.
///
/// A sketch type with one of these names shadows the runtime's type inside
/// the sketch file (`struct Poster: Sketch` makes `inout Poster` mean the
/// sketch itself), so `obscura new` never writes one, and a compile error
/// mentioning one the user declared gets a hint. `CLITests` re-reads
/// `public struct|enum|class|protocol|typealias|actor` declarations from
/// Sources/Obscura and Sources/StyleGAN and fails when a name is missing here.
enum RuntimeTypeNames {
  /// The public types of the Obscura module (nested ones included).
  static let obscura: Set<String> = [
    "Anchor", "AtomicFile", "BlendMode", "Canvas", "Cap", "Color", "ColorGrade", "Effect",
    "Element",
    "ExportFormat", "ExportedFile", "FillRule", "Fit", "FixedRaster", "Font", "FontFamily",
    "FontStyle", "FontWeight", "Fonts", "GeneratedImage", "GeneratedModel", "GeneratedProblem",
    "Gradient", "Grain", "Join", "Kind", "LatentSpace", "Layer", "LayerContent", "Levels",
    "Mask", "MaskMode", "Noise", "ObscuraError", "ObscuraRoot", "ObscuraWarning", "Orientation",
    "OutputFolder",
    "PNGFile", "PageGeometry", "Paint", "Paper", "Parameter", "ParameterValue", "Path", "Placement",
    "Point", "Poster", "RasterImage", "RasterProvider", "RasterRequest", "Rect",
    "RenderOptions", "RenderProgress", "RenderResult", "Renderer", "Resampler",
    "ResamplingFilter", "SeededRandom", "Settings", "Size", "Sketch", "SourceLocation", "Stage",
    "Stop", "StrokeStyle", "StyleMix", "TemporaryFileRegistry", "TextAlignment", "TextBlock",
    "TextPlacement", "Unit", "Window",
  ]

  /// The public types of the StyleGAN module (nested ones included).
  static let styleGAN: Set<String> = [
    "Checkpoint", "CheckpointProblem", "DefaultModel", "DownFilter", "EngineBenchmark",
    "Family", "Figures", "FilteredLeakyReLU", "Format", "Generator", "GeneratorConfig", "Input",
    "InputTransform", "Latents", "Layer", "LowpassFilter", "MappingConfig", "MersenneTwister",
    "Network", "NoiseMode", "NumPyRandomState", "RGBImage", "RandomCheckpoint", "Report",
    "SeedList", "StyleGAN3Architecture", "StyleGAN3Benchmark", "StyleGAN3Settings",
    "StyleGAN3Synthesis", "StyleGANError", "SynthesisConfig", "Tensor", "TensorLayout",
    "Timings",
  ]

  /// The module declaring `name`, or nil when no runtime module does.
  static func module(declaring name: String) -> String? {
    obscura.contains(name) ? "Obscura" : styleGAN.contains(name) ? "StyleGAN" : nil
  }

  /// The names of the types `text` declares that are also runtime types and
  /// that `diagnostics` mentions, in order of declaration.
  static func shadowed(in text: String, mentionedIn diagnostics: String) -> [String] {
    let code = SketchSource.blankingCommentsAndStrings(text)
    let declaration =
      #/
      (?:^|[^A-Za-z0-9_.])
      (?:struct|enum|class|protocol|typealias|actor)\s+
      (?<name>[A-Za-z_][A-Za-z0-9_]*)
      /#
    var names: [String] = []
    for match in code.matches(of: declaration) {
      let name = String(match.output.name)
      guard module(declaring: name) != nil, !names.contains(name),
        diagnostics.contains(wordMatching: name)
      else { continue }
      names.append(name)
    }
    return names
  }
}

extension String {
  /// Whether `word` occurs in the string with no identifier character on
  /// either side.
  fileprivate func contains(wordMatching word: String) -> Bool {
    func isIdentifier(_ c: Character?) -> Bool {
      c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
    }
    var rest = self[...]
    while let range = rest.range(of: word) {
      let before = range.lowerBound == startIndex ? nil : self[index(before: range.lowerBound)]
      let after = range.upperBound == endIndex ? nil : self[range.upperBound]
      if !isIdentifier(before) && !isIdentifier(after) { return true }
      rest = self[range.upperBound...]
    }
    return false
  }
}
