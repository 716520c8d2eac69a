/// A width and a height in the sketch's units.
public struct Size: Sendable, Equatable, Hashable {
  /// The horizontal extent.
  public var width: Double
  /// The vertical extent.
  public var height: Double

  /// Creates a size.
  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// Width divided by height.
  public var aspectRatio: Double { width / height }
}
