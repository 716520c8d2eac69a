/// A generator's configuration and weights, loaded from a checkpoint.
public struct Checkpoint: Sendable, Equatable {
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

  /// Which of the networks in a training pickle to load.
  public enum Network: String, Sendable, CaseIterable {
    /// The exponential moving average of the generator's weights, the one
    /// the official scripts generate with (`G_ema`).
    case gEma = "G_ema"
    /// The generator as last trained (`G`).
    case g = "G"
  }

  /// The number of trained parameters (buffers such as `w_avg`,
  /// `noise_const` and the resampling filters are not counted).
  public var parameterCount: Int {
    let buffers = config.family.bufferNames
    return tensors.reduce(0) { total, entry in
      let leaf = entry.key.split(separator: ".").last.map(String.init) ?? entry.key
      return buffers.contains(leaf) ? total : total + entry.value.count
    }
  }
}
