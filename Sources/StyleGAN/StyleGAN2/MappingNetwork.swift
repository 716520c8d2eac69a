/// The mapping network `z, c → ws` of the official StyleGAN2-ADA code.
///
/// 1. `x = normalize(z)`, where `normalize(v) = v / sqrt(mean(v²) + 1e-8)`;
///    for a conditional model, `x = [x, normalize(embed(c))]`, `embed` a
///    linear fully connected layer;
/// 2. `num_layers` fully connected layers with leaky ReLU (gain `sqrt(2)`)
///    and learning-rate multiplier `lr_multiplier`;
/// 3. the result is repeated `num_ws` times;
/// 4. truncation, when `psi ≠ 1`: `w ← w_avg + psi · (w − w_avg)` for the
///    first `cutoff` ws (all of them without a cutoff).
struct MappingNetwork: Sendable {
  var zDim: Int
  var cDim: Int
  var wDim: Int
  var numWs: Int
  var embed: FullyConnectedLayer?
  var layers: [FullyConnectedLayer]
  /// The tracked average of `w` (`mapping.w_avg`).
  var wAvg: [Float]

  /// Reads `mapping.*` for the configuration.
  init(_ lookup: TensorLookup, config: GeneratorConfig) throws {
    let mapping = config.mapping
    guard let activation = Activation(name: mapping.activation) else {
      throw StyleGANError.unsupportedActivation(mapping.activation)
    }
    zDim = config.zDim
    cDim = config.cDim
    wDim = config.wDim
    numWs = config.numWs
    let embedFeatures = cDim > 0 ? mapping.embedFeatures : 0
    if cDim > 0 {
      embed = try FullyConnectedLayer(
        lookup, "mapping.embed", inFeatures: cDim, outFeatures: embedFeatures)
    }
    let features =
      [zDim + embedFeatures]
      + Array(repeating: mapping.layerFeatures, count: max(mapping.numLayers - 1, 0)) + [wDim]
    layers = try (0..<mapping.numLayers).map { index in
      try FullyConnectedLayer(
        lookup, "mapping.fc\(index)", inFeatures: features[index],
        outFeatures: features[index + 1], lrMultiplier: mapping.lrMultiplier,
        activation: activation)
    }
    wAvg = try lookup.tensor("mapping.w_avg", shape: [wDim]).scalars
  }

  /// Maps one latent (and label) to `num_ws` vectors of `w_dim` values.
  func apply(z: [Float], c: [Float]?, truncationPsi psi: Float, truncationCutoff: Int?)
    -> [[Float]]
  {
    var x: [Float] = zDim > 0 ? Self.normalizeSecondMoment(z) : []
    if let embed, let c {
      x += Self.normalizeSecondMoment(embed.apply(c))
    }
    for layer in layers {
      x = layer.apply(x)
    }

    var ws = [[Float]](repeating: x, count: numWs)
    if psi != 1 {
      let count = min(truncationCutoff ?? numWs, numWs)
      for index in 0..<count {
        ws[index] = zip(wAvg, ws[index]).map { Self.lerp($0, $1, psi) }
      }
    }
    return ws
  }

  /// `v / sqrt(mean(v²) + 1e-8)`.
  static func normalizeSecondMoment(_ v: [Float]) -> [Float] {
    let meanSquare = v.reduce(Float(0)) { $0 + $1 * $1 } / Float(max(v.count, 1))
    let scale = 1 / (meanSquare + 1e-8).squareRoot()
    return v.map { $0 * scale }
  }

  /// `a + t · (b − a)`, evaluated as PyTorch's `lerp` does so that the
  /// rounding matches: from `a` when `|t| < 0.5`, else `b − (b − a)(1 − t)`.
  static func lerp(_ a: Float, _ b: Float, _ t: Float) -> Float {
    abs(t) < 0.5 ? a + t * (b - a) : b - (b - a) * (1 - t)
  }
}
