/// The noise a synthesis pass adds, layer by layer.
struct NoiseSource {
  /// The mode of the pass.
  var mode: NoiseMode
  /// The Gaussian stream for ``NoiseMode/random``, drawn layer after layer.
  var random: NumPyRandomState

  /// Creates the source for a pass; `seed` matters only for `random`.
  init(mode: NoiseMode, seed: UInt32) {
    self.mode = mode
    self.random = NumPyRandomState(seed: seed)
  }

  /// The noise of one layer, `[resolution, resolution]`, before the layer's
  /// `noise_strength`; nil for ``NoiseMode/none``.
  mutating func noise(constant: [Float], resolution: Int) -> [Float]? {
    switch mode {
    case .const: return constant
    case .random: return (0..<resolution * resolution).map { _ in Float(random.gaussian()) }
    case .none: return nil
    }
  }
}
