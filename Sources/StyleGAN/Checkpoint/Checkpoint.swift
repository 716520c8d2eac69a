/// A generator's configuration and weights, loaded from a checkpoint.
public struct Checkpoint: Sendable {
  /// The generator's configuration.
  public var config: GeneratorConfig

  /// Every parameter and buffer of the generator under its official
  /// state-dict name (`mapping.fc0.weight`, `synthesis.b4.const`,
  /// `mapping.w_avg`, `synthesis.b8.resample_filter`, …), in float32.
  public var tensors: [String: Tensor]

  /// Creates a checkpoint from its parts.
  public init(config: GeneratorConfig, tensors: [String: Tensor]) {
    self.config = config
    self.tensors = tensors
  }
}
