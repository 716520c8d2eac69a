/// The network structure a configuration implies: block resolutions,
/// channel counts, the number of ws and the tensors with their shapes.
extension GeneratorConfig {
  /// The resolutions of the StyleGAN2 synthesis blocks: 4, 8, …, ``resolution``.
  public var blockResolutions: [Int] {
    var resolutions: [Int] = []
    var current = 4
    while current <= resolution {
      resolutions.append(current)
      current *= 2
    }
    return resolutions
  }

  /// The channel count of a StyleGAN2 block at `resolution`:
  /// `min(channelBase / resolution, channelMax)`.
  public func channels(atResolution resolution: Int) -> Int {
    min(synthesis.channelBase / resolution, synthesis.channelMax)
  }

  /// The lowest resolution flagged for fp16:
  /// `max(2^(log2(resolution) + 1 - numFP16Res), 8)`.
  public var fp16Resolution: Int {
    let log2 = resolution.trailingZeroBitCount
    let exponent = log2 + 1 - synthesis.numFP16Res
    return exponent >= 62 ? Int.max : max(exponent <= 0 ? 1 : 1 << exponent, 8)
  }

  /// The number of ws a StyleGAN2 synthesis network of `resolution` takes:
  /// one per convolution (one in the 4 × 4 block, two in every other) plus
  /// one for the last block's ToRGB, `2 log2(resolution) - 2`.
  static func styleGAN2NumWs(resolution: Int) -> Int {
    2 * resolution.trailingZeroBitCount - 2
  }

  /// The widths of the mapping network's layers, input first:
  /// `[z_dim + embed_features] + [layer_features] × (num_layers - 1) + [w_dim]`.
  public var mappingFeatures: [Int] {
    let embed = cDim > 0 ? mapping.embedFeatures : 0
    let hidden = Array(repeating: mapping.layerFeatures, count: max(mapping.numLayers - 1, 0))
    return [zDim + embed] + hidden + [wDim]
  }

  /// The mapping network's tensors and their shapes (both families).
  public var mappingTensorShapes: [(name: String, shape: [Int])] {
    var shapes: [(String, [Int])] = []
    if cDim > 0 {
      shapes.append(("mapping.embed.weight", [mapping.embedFeatures, cDim]))
      shapes.append(("mapping.embed.bias", [mapping.embedFeatures]))
    }
    let features = mappingFeatures
    for layer in 0..<mapping.numLayers {
      shapes.append(("mapping.fc\(layer).weight", [features[layer + 1], features[layer]]))
      shapes.append(("mapping.fc\(layer).bias", [features[layer + 1]]))
    }
    shapes.append(("mapping.w_avg", [wDim]))
    return shapes
  }

  /// Every tensor of a StyleGAN2 generator with this configuration, under
  /// its official name, in network order.
  ///
  /// Each block at resolution r with `in` input and `out` output channels
  /// holds `const [out, r, r]` (4 × 4 block only) or `conv0` (up-sampling,
  /// `weight [out, in, 3, 3]`), `conv1` (`weight [out, out, 3, 3]`), each
  /// convolution with `bias`, `noise_strength`, `noise_const [r, r]`,
  /// `resample_filter` and an `affine` from w; `torgb` in every block of the
  /// `skip` architecture and in the last block otherwise; `skip
  /// [out, in, 1, 1]` in the `resnet` architecture.
  public var styleGAN2TensorShapes: [(name: String, shape: [Int])] {
    var shapes = mappingTensorShapes
    let taps = synthesis.resampleFilter.count
    let filter = [taps, taps]

    func modulatedLayer(_ prefix: String, out: Int, in inChannels: Int, kernel: Int) {
      shapes.append(("\(prefix).weight", [out, inChannels, kernel, kernel]))
      shapes.append(("\(prefix).bias", [out]))
      shapes.append(("\(prefix).affine.weight", [inChannels, wDim]))
      shapes.append(("\(prefix).affine.bias", [inChannels]))
    }

    for resolution in blockResolutions {
      let inChannels = resolution > 4 ? channels(atResolution: resolution / 2) : 0
      let outChannels = channels(atResolution: resolution)
      let block = "synthesis.b\(resolution)"
      if inChannels == 0 {
        shapes.append(("\(block).const", [outChannels, resolution, resolution]))
      }
      shapes.append(("\(block).resample_filter", filter))
      let convolutions =
        inChannels == 0
        ? [("conv1", outChannels)]
        : [("conv0", inChannels), ("conv1", outChannels)]
      for (name, inputs) in convolutions {
        let prefix = "\(block).\(name)"
        modulatedLayer(prefix, out: outChannels, in: inputs, kernel: 3)
        shapes.append(("\(prefix).noise_strength", []))
        shapes.append(("\(prefix).noise_const", [resolution, resolution]))
        shapes.append(("\(prefix).resample_filter", filter))
      }
      if resolution == self.resolution || synthesis.architecture == "skip" {
        modulatedLayer("\(block).torgb", out: channels, in: outChannels, kernel: 1)
      }
      if inChannels != 0 && synthesis.architecture == "resnet" {
        shapes.append(("\(block).skip.weight", [outChannels, inChannels, 1, 1]))
        shapes.append(("\(block).skip.resample_filter", filter))
      }
    }
    return shapes
  }
}

extension GeneratorConfig.Family {
  /// The family's name as people write it: `StyleGAN2`, `StyleGAN3-T`.
  public var displayName: String {
    switch self {
    case .styleGAN2: return "StyleGAN2"
    case .styleGAN3T: return "StyleGAN3-T"
    case .styleGAN3R: return "StyleGAN3-R"
    }
  }

  /// Whether this is one of the StyleGAN3 configurations.
  public var isStyleGAN3: Bool { self != .styleGAN2 }

  /// The leaf names of the buffers (not trained parameters) in this
  /// family's state dict.
  var bufferNames: Set<String> {
    switch self {
    case .styleGAN2: return ["w_avg", "resample_filter", "noise_const"]
    case .styleGAN3T, .styleGAN3R:
      return ["w_avg", "transform", "freqs", "phases", "magnitude_ema", "up_filter", "down_filter"]
    }
  }
}
