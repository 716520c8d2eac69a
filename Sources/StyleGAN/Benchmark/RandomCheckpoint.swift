/// A StyleGAN2 checkpoint with random weights in the layout the official
/// code writes, for benchmarks and tests that need a network of a given
/// size but not a trained one.
public enum RandomCheckpoint {
  /// The official 256 × 256 configuration: `channel_base` 16384,
  /// `channel_max` 512, 8 mapping layers, z = w = 512, 14 ws.
  public static let official256 = GeneratorConfig(
    family: .styleGAN2, zDim: 512, cDim: 0, wDim: 512, resolution: 256, channels: 3,
    numWs: 14,
    mapping: MappingConfig(numLayers: 8, embedFeatures: 512, layerFeatures: 512),
    synthesis: SynthesisConfig(
      channelBase: 16384, channelMax: 512, numFP16Res: 4, convClamp: 256,
      architecture: "skip"))

  /// Every tensor of a StyleGAN2 generator with `config`, under its official
  /// name: weights and `const` standard normal-like, biases and
  /// `noise_strength` small, `w_avg` zero-mean, filters `[1, 3, 3, 1]`.
  public static func make(config: GeneratorConfig, seed: UInt64 = 1) -> Checkpoint {
    var random = SplitMix(state: seed)
    var tensors: [String: Tensor] = [:]
    func normal(_ shape: [Int], scale: Float = 1) -> Tensor {
      let count = shape.reduce(1, *)
      return Tensor(shape: shape, scalars: (0..<count).map { _ in random.normal() * scale })
    }
    let filter1D: [Float] = [1, 3, 3, 1]
    let filter = Tensor(
      shape: [4, 4], scalars: filter1D.flatMap { a in filter1D.map { a * $0 / 64 } })
    let lr = config.mapping.lrMultiplier

    // Mapping.
    let embed = config.cDim > 0 ? config.mapping.embedFeatures : 0
    if config.cDim > 0 {
      tensors["mapping.embed.weight"] = normal([embed, config.cDim])
      tensors["mapping.embed.bias"] = normal([embed], scale: 0.1)
    }
    let layers = config.mapping.numLayers
    let features =
      [config.zDim + embed]
      + Array(repeating: config.mapping.layerFeatures, count: max(layers - 1, 0)) + [config.wDim]
    for index in 0..<layers {
      tensors["mapping.fc\(index).weight"] = normal(
        [features[index + 1], features[index]],
        scale: 1 / lr)
      tensors["mapping.fc\(index).bias"] = normal([features[index + 1]], scale: 0.1)
    }
    tensors["mapping.w_avg"] = normal([config.wDim], scale: 0.1)

    // Synthesis.
    let synthesis = config.synthesis
    let channels = { (res: Int) in min(synthesis.channelBase / res, synthesis.channelMax) }
    func layer(_ prefix: String, _ ins: Int, _ outs: Int, _ res: Int, kernel: Int = 3) {
      tensors["\(prefix).affine.weight"] = normal([ins, config.wDim])
      tensors["\(prefix).affine.bias"] = Tensor(shape: [ins], repeating: 1)
      tensors["\(prefix).weight"] = normal([outs, ins, kernel, kernel])
      tensors["\(prefix).bias"] = normal([outs], scale: 0.1)
      if kernel == 3 {
        tensors["\(prefix).noise_const"] = normal([res, res])
        tensors["\(prefix).noise_strength"] = Tensor(shape: [], scalars: [0.05])
        tensors["\(prefix).resample_filter"] = filter
      }
    }
    var res = 4
    while res <= config.resolution {
      let prefix = "synthesis.b\(res)"
      let outs = channels(res)
      tensors["\(prefix).resample_filter"] = filter
      if res == 4 {
        tensors["\(prefix).const"] = normal([outs, 4, 4])
      } else {
        layer("\(prefix).conv0", channels(res / 2), outs, res)
        if synthesis.architecture == "resnet" {
          tensors["\(prefix).skip.weight"] = normal([outs, channels(res / 2), 1, 1])
          tensors["\(prefix).skip.resample_filter"] = filter
        }
      }
      layer("\(prefix).conv1", outs, outs, res)
      if synthesis.architecture == "skip" || res == config.resolution {
        layer("\(prefix).torgb", outs, config.channels, res, kernel: 1)
      }
      res *= 2
    }
    return Checkpoint(config: config, tensors: tensors)
  }

  /// The number of trainable parameters (weights, biases, `const`,
  /// `noise_strength`; not the buffers `noise_const`, `resample_filter`,
  /// `w_avg`).
  public static func parameterCount(_ checkpoint: Checkpoint) -> Int {
    checkpoint.tensors.reduce(0) { sum, entry in
      let name = entry.key
      let buffer =
        name.hasSuffix("noise_const") || name.hasSuffix("resample_filter")
        || name.hasSuffix("w_avg")
      return sum + (buffer ? 0 : entry.value.count)
    }
  }
}
