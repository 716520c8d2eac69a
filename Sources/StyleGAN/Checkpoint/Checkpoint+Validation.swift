/// Checking a loaded checkpoint before anything runs on it.
extension Checkpoint {
  /// Checks that every tensor the configuration calls for is present with
  /// the shape it implies, that nothing else is there (for families whose
  /// layout is fully known), and that no element is NaN or infinite.
  ///
  /// - Throws: ``CheckpointProblem`` naming the first offending tensor.
  public func validate() throws {
    try config.validateRanges()
    let layout = try config.tensorLayout()
    var expectedNames: Set<String> = []
    for (name, shape) in layout.shapes {
      expectedNames.insert(name)
      guard let tensor = tensors[name] else { throw CheckpointProblem.missingTensor(name: name) }
      guard tensor.shape == shape else {
        throw CheckpointProblem.tensorShape(name: name, shape: tensor.shape, expected: shape)
      }
    }
    if layout.isComplete {
      for name in tensors.keys.sorted() where !expectedNames.contains(name) {
        throw CheckpointProblem.unexpectedTensor(name: name, shape: tensors[name]!.shape)
      }
    }
    for name in tensors.keys.sorted() {
      let scalars = tensors[name]!.scalars
      if let index = scalars.firstIndex(where: { !$0.isFinite }) {
        throw CheckpointProblem.nonFinite(name: name, index: index, value: scalars[index])
      }
    }
  }
}

/// The tensors a configuration calls for.
public struct TensorLayout: Sendable {
  /// Official names and shapes, in network order.
  public var shapes: [(name: String, shape: [Int])]
  /// Whether ``shapes`` lists every tensor (so any other one is an error).
  public var isComplete: Bool
}

extension GeneratorConfig {
  /// The tensors this configuration calls for, by family.
  ///
  /// - Throws: ``CheckpointProblem/invalidNetwork(reason:)`` when the
  ///   configuration describes no valid network.
  public func tensorLayout() throws -> TensorLayout {
    switch family {
    case .styleGAN2:
      return TensorLayout(shapes: styleGAN2TensorShapes, isComplete: true)
    case .styleGAN3T, .styleGAN3R:
      return TensorLayout(shapes: try styleGAN3TensorShapes(), isComplete: false)
    }
  }
}

extension GeneratorConfig {
  /// Checks that every size is one a generator can have, so that the
  /// layout computed from the configuration is well defined.
  ///
  /// - Throws: ``CheckpointProblem/badConfig(key:detail:)``.
  public func validateRanges() throws {
    func check(_ key: String, _ value: Int, _ range: ClosedRange<Int>) throws {
      guard range.contains(value) else {
        throw CheckpointProblem.badConfig(
          key: key, detail: "is \(value); expected \(range.lowerBound) to \(range.upperBound)")
      }
    }
    guard resolution >= 4, resolution <= 1 << 16, resolution & (resolution - 1) == 0 else {
      throw CheckpointProblem.badConfig(
        key: "img_resolution", detail: "is \(resolution); expected a power of two from 4")
    }
    try check("z_dim", zDim, 0...(1 << 20))
    try check("c_dim", cDim, 0...(1 << 20))
    try check("w_dim", wDim, 1...(1 << 20))
    try check("img_channels", channels, 1...64)
    try check("mapping_kwargs.num_layers", mapping.numLayers, 1...64)
    try check("mapping_kwargs.embed_features", mapping.embedFeatures, 0...(1 << 20))
    try check("mapping_kwargs.layer_features", mapping.layerFeatures, 1...(1 << 20))
    try check("channel_base", synthesis.channelBase, 1...(1 << 24))
    try check("channel_max", synthesis.channelMax, 1...(1 << 16))
    try check("num_fp16_res", synthesis.numFP16Res, 0...64)
    try check("resample_filter taps", synthesis.resampleFilter.count, 1...16)
    if family == .styleGAN2 {
      try check(
        "num_ws", numWs,
        Self.styleGAN2NumWs(
          resolution: resolution)...Self
          .styleGAN2NumWs(resolution: resolution))
      guard ["skip", "resnet", "orig"].contains(synthesis.architecture) else {
        throw CheckpointProblem.badConfig(
          key: "architecture",
          detail: "is '\(synthesis.architecture)'; expected skip, resnet or orig")
      }
    } else {
      try check("num_ws", numWs, 2...258)
    }
  }
}
