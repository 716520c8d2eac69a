/// One modulated 3×3 convolution layer of the synthesis network, as the
/// reference's `SynthesisLayer`:
///
/// 1. styles `s = affine(w)` (a fully connected layer whose bias starts at 1);
/// 2. the modulated, demodulated convolution (up-sampling by 2 in a block's
///    first layer);
/// 3. plus `noise · noise_strength` (one `[res, res]` plane for all channels);
/// 4. plus bias, leaky ReLU, times `sqrt(2) · gain`, clamped to
///    `±conv_clamp · gain` when the model sets `conv_clamp`.
struct SynthesisLayer: Sendable {
  var affine: FullyConnectedLayer
  var conv: ModulatedConv2D
  var bias: [Float]
  var resolution: Int
  /// `noise_const` (`[res, res]`) and `noise_strength`; nil without noise.
  var noise: (constant: [Float], strength: Float)?
  var convClamp: Float?

  /// Reads `PREFIX.*` for a layer with the given channels.
  init(
    _ lookup: TensorLookup, _ prefix: String, inChannels: Int, outChannels: Int,
    wDim: Int, resolution: Int, up: Int, convClamp: Float?
  ) throws {
    affine = try FullyConnectedLayer(
      lookup, "\(prefix).affine", inFeatures: wDim, outFeatures: inChannels)
    let weight = try lookup.tensor(
      "\(prefix).weight", shape: [outChannels, inChannels, 3, 3])
    let filter = up == 1 ? nil : try lookup.filter("\(prefix).resample_filter")
    conv = ModulatedConv2D(weight: weight, demodulate: true, up: up, filter: filter)
    bias = try lookup.tensor("\(prefix).bias", shape: [outChannels]).scalars
    self.resolution = resolution
    if lookup.contains("\(prefix).noise_strength") {
      noise = (
        try lookup.tensor("\(prefix).noise_const", shape: [resolution, resolution]).scalars,
        try lookup.scalar("\(prefix).noise_strength")
      )
    }
    self.convClamp = convClamp
  }

  /// Runs the layer on `x` (`[I, H, W]`) with style vector `w`.
  func apply(_ x: Tensor, w: [Float], noiseSource: inout NoiseSource, gain: Float = 1)
    -> Tensor
  {
    let styles = affine.apply(w)
    var (y, demodulation) = conv.convolve(x, styles: styles)
    let plane = noise.flatMap {
      noiseSource.noise(constant: $0.constant, resolution: resolution)
    }
    BiasActivation.apply(
      &y, bias: bias, demodulation: demodulation, noise: plane,
      noiseStrength: noise?.strength ?? 0, activation: .leakyReLU,
      gain: Activation.leakyReLU.defaultGain * gain, clamp: convClamp.map { $0 * gain })
    return y
  }
}
