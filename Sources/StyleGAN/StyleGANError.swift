/// Everything that can go wrong in the StyleGAN engine, worded for the person
/// who gave it the file or the parameters.
///
/// All of the engine's user-facing wording lives in this file.
public enum StyleGANError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A model file could not be used; `file` is the name the user gave.
  case checkpoint(file: String, CheckpointProblem)

  /// A model file could not be written.
  case writeFailed(file: String, reason: String)

  /// A model file could not be written because its folder does not exist.
  case outputFolderMissing(file: String, folder: String)

  // MARK: Generating

  /// A tensor the generator needs is not in the checkpoint.
  case missingTensor(name: String)
  /// A tensor has another shape than the configuration implies.
  case tensorShape(name: String, actual: [Int], expected: [Int])
  /// The synthesis architecture is not `skip`, `resnet` or `orig`.
  case unsupportedArchitecture(String)
  /// The mapping activation is not one the engine computes.
  case unsupportedActivation(String)
  /// A stored resampling filter is not the outer product of two 1-D filters.
  case filterNotSeparable(name: String, shape: [Int])
  /// A seed outside 0…2^32 − 1, or not a number.
  case invalidSeed(String)
  /// A seed range whose first seed is greater than its last (`5-2`).
  case reversedSeedRange(String)
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
  /// The bundled default model was not found.
  case defaultModelMissing(searched: [String])

  // MARK: StyleGAN3

  /// A StyleGAN3 network was asked of a checkpoint of another family.
  case notStyleGAN3(GeneratorConfig.Family)
  /// A StyleGAN3 synthesis keyword argument's text is not a usable value.
  case invalidStyleGAN3Setting(key: String, value: String)
  /// The StyleGAN3 settings do not describe a network the official
  /// constructor accepts.
  case invalidStyleGAN3Architecture(String)
  /// A stored StyleGAN3 resampling filter has a shape the layer cannot use.
  case unknownFilterLayout(name: String, shape: [Int], expected: String)

  /// A one-line sentence naming the problem.
  public var description: String {
    switch self {
    case .checkpoint(let file, let problem):
      return "\(file): \(problem.description)"
    case .writeFailed(let file, let reason):
      return "\(file): could not be written: \(reason)"
    case .outputFolderMissing(let file, let folder):
      return "\(file): could not be written: the folder \(folder) does not exist"
    case .missingTensor(let name):
      return "the checkpoint has no tensor \(name), which the generator needs"
    case .tensorShape(let name, let actual, let expected):
      return "tensor \(name) has shape \(actual), expected \(expected)"
    case .unsupportedArchitecture(let name):
      return "synthesis architecture '\(name)' is not supported; expected skip, resnet or orig"
    case .unsupportedActivation(let name):
      return "activation '\(name)' is not supported; expected lrelu or linear"
    case .filterNotSeparable(let name, let shape):
      return "resampling filter \(name) (shape \(shape)) is not separable"
    case .invalidSeed(let text):
      return "seed '\(text)' is neither a whole number from 0 to 4294967295 nor a range"
        + " LOW-HIGH of such numbers"
    case .reversedSeedRange(let text):
      return "seed range '\(text)' runs backwards; write the lower seed first"
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
    case .defaultModelMissing(let searched):
      return "the default model \(DefaultModel.fileName) was not found (looked in "
        + searched.joined(separator: ", ")
        + "); set OBSCURA_MODELS to the folder that holds it, or give a model's path"
    case .notStyleGAN3(let family):
      return "the checkpoint holds a \(family.rawValue) generator, not a StyleGAN3 one"
    case .invalidStyleGAN3Setting(let key, let value):
      return "synthesis_kwargs.\(key) is '\(value)', which is not a usable value"
    case .invalidStyleGAN3Architecture(let reason):
      return "the StyleGAN3 configuration is not a valid network: \(reason)"
    case .unknownFilterLayout(let name, let shape, let expected):
      return "resampling filter \(name) has shape \(shape), an unknown filter layout; "
        + "this layer takes \(expected)"
    }
  }
}

/// What is wrong with a checkpoint file, without the file's name.
///
/// The readers throw these; ``Checkpoint/load(contentsOf:network:)`` wraps
/// them in ``StyleGANError/checkpoint(file:_:)``.
public enum CheckpointProblem: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file does not exist.
  case fileNotFound
  /// The file exists but could not be read.
  case unreadable(reason: String)
  /// The file is neither a pickle nor safetensors; `looksLike` says what it
  /// seems to be instead.
  case notACheckpoint(looksLike: String)
  /// The file ends before the structure it announces is complete.
  case truncated(offset: Int, reading: String)
  /// The pickle stream breaks the format at `offset`.
  case malformedPickle(offset: Int, detail: String)
  /// The pickle names a global outside the allow-list (`module.name`).
  case refusedGlobal(name: String, offset: Int)
  /// The pickle uses a feature a checkpoint never needs.
  case unsupportedPickleFeature(offset: Int, feature: String)
  /// A legacy `torch.save` stream inside the pickle is damaged.
  case malformedStorage(detail: String)
  /// A safetensors file breaks the format.
  case malformedSafetensors(detail: String)
  /// The checkpoint holds a model family the engine does not run.
  case unsupportedFamily(looksLike: String)
  /// The checkpoint's layout is not the official one.
  case unexpectedLayout(detail: String)
  /// The configuration describes no network that can be built; `reason`
  /// is a sentence from the network's own planner.
  case invalidNetwork(reason: String)
  /// The requested network is not in the checkpoint.
  case missingNetwork(name: String, available: [String])
  /// A configuration value is missing or has the wrong type.
  case badConfig(key: String, detail: String)
  /// A tensor the configuration calls for is not in the checkpoint.
  case missingTensor(name: String)
  /// A tensor has a shape other than the configuration calls for.
  case tensorShape(name: String, shape: [Int], expected: [Int])
  /// A tensor that the configuration does not call for.
  case unexpectedTensor(name: String, shape: [Int])
  /// A tensor holds NaN or infinity.
  case nonFinite(name: String, index: Int, value: Float)
  /// A tensor's stored data does not match its declared type or size.
  case badTensorData(name: String, detail: String)

  /// The sentence, without the file's name.
  public var description: String {
    switch self {
    case .fileNotFound:
      return "no such file"
    case .unreadable(let reason):
      return "could not be read: \(reason)"
    case .notACheckpoint(let looksLike):
      return "not a StyleGAN checkpoint (an official .pkl or a .safetensors); "
        + "it looks like \(looksLike)"
    case .truncated(let offset, let reading):
      return "the file ends at byte \(offset) in the middle of \(reading); "
        + "it is truncated or damaged"
    case .malformedPickle(let offset, let detail):
      return "the pickle is damaged at byte \(offset): \(detail)"
    case .refusedGlobal(let name, let offset):
      return "refused: the pickle names the global '\(name)' (at byte \(offset)), "
        + "which is not one of the data constructors a checkpoint needs; "
        + "nothing was executed"
    case .unsupportedPickleFeature(let offset, let feature):
      return "the pickle uses \(feature) (at byte \(offset)), "
        + "which no checkpoint needs; nothing was executed"
    case .malformedStorage(let detail):
      return "a tensor storage inside the pickle is damaged: \(detail)"
    case .malformedSafetensors(let detail):
      return "the safetensors file is damaged: \(detail)"
    case .unsupportedFamily(let looksLike):
      return "this looks like \(looksLike); Obscura runs StyleGAN2-ADA and "
        + "StyleGAN3 checkpoints in the official PyTorch format"
    case .unexpectedLayout(let detail):
      return "not laid out as an official StyleGAN checkpoint: \(detail)"
    case .invalidNetwork(let reason):
      return reason
    case .missingNetwork(let name, let available):
      let list = available.isEmpty ? "none" : available.joined(separator: ", ")
      return "the checkpoint has no network '\(name)' (it has: \(list))"
    case .badConfig(let key, let detail):
      return "configuration value '\(key)' \(detail)"
    case .missingTensor(let name):
      return "tensor \(name) is missing"
    case .tensorShape(let name, let shape, let expected):
      return "tensor \(name) has shape \(shape), expected \(expected)"
    case .unexpectedTensor(let name, let shape):
      return "tensor \(name) \(shape) does not belong to a generator with this "
        + "configuration"
    case .nonFinite(let name, let index, let value):
      return "tensor \(name) holds \(value) at element \(index); "
        + "the weights are damaged (NaN or infinity)"
    case .badTensorData(let name, let detail):
      return "tensor \(name): \(detail)"
    }
  }
}
