/// Reads a checkpoint's tensors by name, checking each shape.
struct TensorLookup: Sendable {
  /// The tensors by their official state-dict names.
  var tensors: [String: Tensor]

  /// The tensor `name`, which must have shape `expected`.
  func tensor(_ name: String, shape expected: [Int]) throws -> Tensor {
    guard let tensor = tensors[name] else {
      throw StyleGANError.missingTensor(name: name)
    }
    guard tensor.shape == expected else {
      throw StyleGANError.tensorShape(name: name, actual: tensor.shape, expected: expected)
    }
    return tensor
  }

  /// The tensor `name` as a scalar, stored as `[]` or `[1]`.
  func scalar(_ name: String) throws -> Float {
    guard let tensor = tensors[name] else {
      throw StyleGANError.missingTensor(name: name)
    }
    guard tensor.count == 1, tensor.shape.count <= 1 else {
      throw StyleGANError.tensorShape(name: name, actual: tensor.shape, expected: [])
    }
    return tensor.scalars[0]
  }

  /// Whether the checkpoint has a tensor `name`.
  func contains(_ name: String) -> Bool {
    tensors[name] != nil
  }

  /// The resampling filter buffer `name`, factored into its 1-D filters.
  func filter(_ name: String) throws -> FIRFilter {
    guard let tensor = tensors[name] else {
      throw StyleGANError.missingTensor(name: name)
    }
    guard let filter = FIRFilter(tensor) else {
      throw StyleGANError.filterNotSeparable(name: name, shape: tensor.shape)
    }
    return filter
  }
}
