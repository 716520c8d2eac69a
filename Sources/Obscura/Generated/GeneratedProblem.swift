import StyleGAN

/// What went wrong with a generated layer; the runtime reports it as
/// ``ObscuraError/generatedLayer(layer:location:problem:)`` with the
/// layer's name and the sketch line that built it.
///
/// All user-facing wording for generated layers lives in ``description``.
public enum GeneratedProblem: Error, Sendable, Equatable, CustomStringConvertible {
  /// The model file does not exist (or is a folder).
  case modelNotFound(path: String, resolved: String)
  /// The bundled default model is not where Obscura looks for it.
  case defaultModelMissing(searched: [String])
  /// The file exists but is not a model the engine can load.
  case modelUnreadable(path: String, reason: String)
  /// A seed outside 0 … 2³² − 1.
  case seedOutOfRange(Int)
  /// Truncation psi or an interpolation t that is not a finite number.
  case notFinite(name: String, value: Double)
  /// A conditional model was given no class.
  case classMissing(classes: Int)
  /// A class index the model does not have.
  case classOutOfRange(index: Int, classes: Int)
  /// An explicit z or w of the wrong length.
  case latentLength(name: String, count: Int, expected: String)
  /// Spherical interpolation in Z between latents that have no z (explicit w).
  case slerpNeedsZ
  /// Style mixing with a crossover outside 0 … num_ws.
  case crossoverOutOfRange(crossover: Int, numWs: Int)
  /// The layer's target rectangle has no area.
  case emptyRect(width: Double, height: Double)
  /// The engine refused the request.
  case generator(String)

  /// A sentence naming the problem and what to do about it.
  public var description: String {
    switch self {
    case .modelNotFound(let path, let resolved):
      let hint =
        path == resolved
        ? ""
        : " (looked at \(resolved); relative paths start at "
          + "the sketch's folder)"
      return "the model file \(path) does not exist\(hint). Give a .pkl or .safetensors "
        + "path, or model: .default"
    case .defaultModelMissing(let searched):
      return "the default model Models/\(DefaultModel.fileName) was not found (looked at "
        + "\(searched.joined(separator: ", "))). Set OBSCURA_ROOT to the Obscura checkout"
    case .modelUnreadable(let path, let reason):
      return "\(path) is not a model Obscura can load: \(reason)"
    case .seedOutOfRange(let seed):
      return "seed \(seed) is out of range; seeds are 0 to 4294967295, as in the official "
        + "generate.py"
    case .notFinite(let name, let value):
      return "\(name) is \(value); it must be a finite number"
    case .classMissing(let classes):
      return "the model is conditional with \(classes) classes; pass classIndex: 0 to "
        + "\(classes - 1)"
    case .classOutOfRange(let index, let classes):
      return classes == 0
        ? "classIndex \(index) given, but the model is unconditional; leave classIndex out"
        : "classIndex \(index) is out of range; the model has classes 0 to \(classes - 1)"
    case .latentLength(let name, let count, let expected):
      return "the explicit \(name) has \(count) numbers; the model needs \(expected)"
    case .slerpNeedsZ:
      return "interpolating in Z needs two latents with a z (seeds or explicit z); "
        + "an explicit w has none. Interpolate in .w instead"
    case .crossoverOutOfRange(let crossover, let numWs):
      return "style-mixing crossover \(crossover) is outside 0 to \(numWs) (the model has "
        + "\(numWs) ws)"
    case .emptyRect(let width, let height):
      return "its target rectangle is \(width) × \(height), which has no area; give it a "
        + "positive width and height"
    case .generator(let reason):
      return reason
    }
  }
}
