/// A dense float32 tensor in row-major (C) order.
///
/// The engine computes in float32 throughout; checkpoints stored in float16
/// or float64 are converted when they are loaded.
public struct Tensor: Sendable, Equatable {
  /// The size of each dimension, outermost first.
  public var shape: [Int]

  /// The elements in row-major order; `scalars.count` is the product of
  /// `shape`.
  public var scalars: [Float]

  /// Creates a tensor from its shape and elements.
  ///
  /// - Precondition: `scalars.count` equals the product of `shape`.
  public init(shape: [Int], scalars: [Float]) {
    precondition(
      scalars.count == shape.reduce(1, *),
      "Tensor: \(scalars.count) scalars do not fill shape \(shape)")
    self.shape = shape
    self.scalars = scalars
  }

  /// Creates a tensor of the given shape filled with `value`.
  public init(shape: [Int], repeating value: Float = 0) {
    self.shape = shape
    self.scalars = [Float](repeating: value, count: shape.reduce(1, *))
  }

  /// The number of elements.
  public var count: Int { scalars.count }
}
