/// Everything that can go wrong in the StyleGAN engine, worded for the person
/// who gave it the file or the parameters.
///
/// All of the engine's user-facing wording lives in this file.
public enum StyleGANError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A model file could not be used; `file` is the name the user gave.
  case checkpoint(file: String, CheckpointProblem)

  /// A model file could not be written.
  case writeFailed(file: String, reason: String)

  /// A one-line sentence naming the problem.
  public var description: String {
    switch self {
    case .checkpoint(let file, let problem):
      return "\(file): \(problem.description)"
    case .writeFailed(let file, let reason):
      return "\(file): could not be written: \(reason)"
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
