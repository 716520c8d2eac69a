/// The 1×1 modulated convolution to the output channels, without
/// demodulation, as the reference's `ToRGBLayer`: styles
/// `s = affine(w) / sqrt(in_channels)`, then the convolution, bias and
/// (when set) the clamp `±conv_clamp`.
struct ToRGBLayer: Sendable {
  var affine: FullyConnectedLayer
  var conv: ModulatedConv2D
  var bias: [Float]
  var weightGain: Float
  var convClamp: Float?

  /// Reads `PREFIX.*`.
  init(
    _ lookup: TensorLookup, _ prefix: String, inChannels: Int, outChannels: Int,
    wDim: Int, convClamp: Float?
  ) throws {
    affine = try FullyConnectedLayer(
      lookup, "\(prefix).affine", inFeatures: wDim, outFeatures: inChannels)
    let weight = try lookup.tensor("\(prefix).weight", shape: [outChannels, inChannels, 1, 1])
    conv = ModulatedConv2D(weight: weight, demodulate: false, up: 1, filter: nil)
    bias = try lookup.tensor("\(prefix).bias", shape: [outChannels]).scalars
    weightGain = 1 / Float(inChannels).squareRoot()
    self.convClamp = convClamp
  }

  /// The image contribution of feature map `x` under style vector `w`.
  func apply(_ x: Tensor, w: [Float]) -> Tensor {
    let styles = affine.apply(w).map { $0 * weightGain }
    var y = conv.apply(x, styles: styles)
    BiasActivation.apply(&y, bias: bias, activation: .linear, gain: 1, clamp: convClamp)
    return y
  }
}
