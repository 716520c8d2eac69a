/// The StyleGAN2 synthesis network: blocks at 4, 8, …, up to the output
/// resolution, with `min(channel_base / res, channel_max)` channels each.
///
/// Block `b` reads its ws from index `Σ_{earlier} convCount`; its ToRGB
/// shares the next block's first w, as in the reference.
///
/// Blocks flagged for fp16 (the top `num_fp16_res` resolutions) are computed
/// in fp32, as the reference computes them with `force_fp32=True`: the
/// fp16-only pre-normalisation of the modulated convolution does not apply,
/// and the clamp `±conv_clamp · gain` applies in every layer either way.
struct SynthesisNetwork: Sendable {
  var blocks: [SynthesisBlock]
  var numWs: Int
  var wDim: Int
  var resolution: Int
  var imageChannels: Int

  /// Builds the blocks for the configuration from `synthesis.*`.
  init(_ lookup: TensorLookup, config: GeneratorConfig) throws {
    let synthesis = config.synthesis
    guard let architecture = SynthesisBlock.Architecture(rawValue: synthesis.architecture)
    else {
      throw StyleGANError.unsupportedArchitecture(synthesis.architecture)
    }
    var resolutions: [Int] = []
    var res = 4
    while res <= config.resolution {
      resolutions.append(res)
      res *= 2
    }
    let channels = { (res: Int) in min(synthesis.channelBase / res, synthesis.channelMax) }
    blocks = try resolutions.map { res in
      try SynthesisBlock(
        lookup, resolution: res, inChannels: res > 4 ? channels(res / 2) : 0,
        outChannels: channels(res), wDim: config.wDim, imageChannels: config.channels,
        isLast: res == config.resolution, architecture: architecture,
        convClamp: synthesis.convClamp)
    }
    numWs = blocks.reduce(0) { $0 + $1.convCount } + (blocks.last?.toRGB == nil ? 0 : 1)
    wDim = config.wDim
    resolution = config.resolution
    imageChannels = config.channels
  }

  /// The image `[C, H, W]` for one sample's `num_ws` style vectors.
  func apply(ws: [[Float]], noiseMode: NoiseMode, noiseSeed: UInt32) -> Tensor {
    var noiseSource = NoiseSource(mode: noiseMode, seed: noiseSeed)
    var x: Tensor?
    var image: Tensor?
    var first = 0
    for block in blocks {
      let slice = ws[first..<first + block.wsCount]
      (x, image) = block.apply(x: x, image: image, ws: slice, noiseSource: &noiseSource)
      first += block.convCount
    }
    return image!
  }
}
