/// The skip connection of a `resnet` block, as the reference's `Conv2dLayer`
/// with kernel 1, no bias and up-sampling: a 1×1 convolution with weight
/// gain `1 / sqrt(in_channels)`, the up-sampling FIR (gain 4), then the
/// block's gain `sqrt(0.5)`.
struct ResidualSkipLayer: Sendable {
  /// The weight `[O, I]`, already multiplied by its gain and `sqrt(0.5)`.
  var weight: [Float]
  var outChannels: Int
  var filter: FIRFilter

  /// Reads `PREFIX.weight` and `PREFIX.resample_filter`.
  init(_ lookup: TensorLookup, _ prefix: String, inChannels: Int, outChannels: Int) throws {
    let stored = try lookup.tensor("\(prefix).weight", shape: [outChannels, inChannels, 1, 1])
    let gain = 1 / Float(inChannels).squareRoot()
    let blockGain = Float(0.5).squareRoot()
    weight = stored.scalars.map { $0 * gain * blockGain }
    self.outChannels = outChannels
    filter = try lookup.filter("\(prefix).resample_filter")
  }

  /// The up-sampled skip branch of `x` (`[I, H, W]` → `[O, 2H, 2W]`).
  func apply(_ x: Tensor) -> Tensor {
    let y = weight.withUnsafeBufferPointer {
      Conv2D.apply(x, weight: $0.baseAddress!, outChannels: outChannels, kernel: 1, padding: 0)
    }
    return UpFIRDn2D.upsample2x(y, filter: filter)
  }
}
