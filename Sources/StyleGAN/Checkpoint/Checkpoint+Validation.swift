/// Checking a loaded checkpoint before anything runs on it.
extension Checkpoint {
  /// Checks that every tensor the configuration calls for is present with
  /// the shape it implies, that nothing else is there (for families whose
  /// layout is fully known), and that no element is NaN or infinite.
  ///
  /// - Throws: ``CheckpointProblem`` naming the first offending tensor.
  public func validate() throws {
    let layout = config.tensorLayout
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
  public var tensorLayout: TensorLayout {
    switch family {
    case .styleGAN2:
      return TensorLayout(shapes: styleGAN2TensorShapes, isComplete: true)
    case .styleGAN3T, .styleGAN3R:
      return TensorLayout(shapes: styleGAN3TensorShapes, isComplete: false)
    }
  }
}
