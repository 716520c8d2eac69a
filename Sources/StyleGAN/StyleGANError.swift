/// Everything that can go wrong in the StyleGAN engine, with the wording the
/// user sees.
public enum StyleGANError: Error, Equatable, Sendable {
  // MARK: Generating

  /// A tensor the generator needs is not in the checkpoint.
  case missingTensor(name: String)
  /// A tensor has another shape than the configuration implies.
  case tensorShape(name: String, actual: [Int], expected: [Int])
  /// The synthesis architecture is not `skip`, `resnet` or `orig`.
  case unsupportedArchitecture(String)
  /// The mapping activation is not one the engine computes.
  case unsupportedActivation(String)
  /// The generator family is not computed by this engine yet.
  case unsupportedFamily(GeneratorConfig.Family)
  /// A stored resampling filter is not the outer product of two 1-D filters.
  case filterNotSeparable(name: String, shape: [Int])
  /// A seed outside 0…2^32 − 1, or not a number.
  case invalidSeed(String)
  /// Truncation psi that is not a finite number.
  case invalidTruncationPsi(String)
  /// A truncation cutoff that is negative.
  case invalidTruncationCutoff(Int)
  /// A conditional model was given no class.
  case missingClass(classes: Int)
  /// A class index outside 0 ..< classes.
  case classOutOfRange(index: Int, classes: Int)
  /// A latent, label or ws tensor of the wrong shape.
  case latentShape(what: String, actual: [Int], expected: String)
  /// Style mixing with a crossover outside 0…num_ws.
  case crossoverOutOfRange(crossover: Int, numWs: Int)
}

extension StyleGANError: CustomStringConvertible {
  /// The message shown to the user.
  public var description: String {
    switch self {
    case .missingTensor(let name):
      return "the checkpoint has no tensor \(name), which the generator needs"
    case .tensorShape(let name, let actual, let expected):
      return "tensor \(name) has shape \(actual), expected \(expected)"
    case .unsupportedArchitecture(let name):
      return "synthesis architecture '\(name)' is not supported; expected skip, resnet or orig"
    case .unsupportedActivation(let name):
      return "activation '\(name)' is not supported; expected lrelu or linear"
    case .unsupportedFamily(let family):
      return "generating with \(family.rawValue) models is not supported yet"
    case .filterNotSeparable(let name, let shape):
      return "resampling filter \(name) (shape \(shape)) is not separable"
    case .invalidSeed(let text):
      return "seed '\(text)' is not a whole number from 0 to 4294967295"
    case .invalidTruncationPsi(let text):
      return "truncation psi '\(text)' is not a finite number"
    case .invalidTruncationCutoff(let cutoff):
      return "truncation cutoff \(cutoff) is negative; give a number of ws from 0 up"
    case .missingClass(let classes):
      return "the model is conditional on \(classes) classes: give a class index"
        + " from 0 to \(classes - 1)"
    case .classOutOfRange(let index, let classes):
      return classes == 0
        ? "class \(index) given, but the model is unconditional"
        : "class \(index) is out of range: the model has classes 0 to \(classes - 1)"
    case .latentShape(let what, let actual, let expected):
      return "\(what) has shape \(actual), expected \(expected)"
    case .crossoverOutOfRange(let crossover, let numWs):
      return "style-mixing crossover \(crossover) is outside 0...\(numWs)"
    }
  }
}
