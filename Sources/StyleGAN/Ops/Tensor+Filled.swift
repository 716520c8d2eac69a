extension Tensor {
  /// A tensor whose elements the caller overwrites completely in
  /// `initialize` (no clearing first).
  static func filled(
    shape: [Int], _ initialize: (UnsafeMutableBufferPointer<Float>) -> Void
  ) -> Tensor {
    let count = shape.reduce(1, *)
    let scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      initialize(buffer)
      initialized = count
    }
    return Tensor(shape: shape, scalars: scalars)
  }
}
