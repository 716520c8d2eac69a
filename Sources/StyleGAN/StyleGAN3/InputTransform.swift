import Foundation

/// A translation and rotation of a StyleGAN3 generator's Fourier-feature
/// input: the knob that moves and turns the picture without changing what
/// it shows.
///
/// As the official `gen_images.py` does, the generator is given the inverse
/// of the image-space transform
///
///     M = | cos θ   sin θ   t_x |
///         | −sin θ  cos θ   t_y |
///         |   0       0      1  |
///
/// with `θ` the rotation in degrees converted to radians, so
///
///     M⁻¹ = | cos θ  −sin θ  −(t_x cos θ − t_y sin θ) |
///           | sin θ   cos θ  −(t_x sin θ + t_y cos θ) |
///           |   0       0                1            |
///
/// Translations are in the input's units, where the image spans about one
/// unit (`0.5` moves the content by half the picture).
public struct InputTransform: Sendable, Equatable {
  /// Horizontal translation.
  public var translateX: Double
  /// Vertical translation.
  public var translateY: Double
  /// Rotation in degrees.
  public var rotateDegrees: Double

  /// No translation, no rotation.
  public static let identity = InputTransform()

  /// Creates a transform that translates by `(translateX, translateY)` and
  /// rotates by `rotateDegrees`.
  public init(translateX: Double = 0, translateY: Double = 0, rotateDegrees: Double = 0) {
    self.translateX = translateX
    self.translateY = translateY
    self.rotateDegrees = rotateDegrees
  }

  /// The 3 × 3 row-major matrix the input's `transform` buffer receives, `M⁻¹`.
  public var matrix: [Double] {
    let angle = rotateDegrees / 360 * 2 * Double.pi
    let c = cos(angle)
    let s = sin(angle)
    return [
      c, -s, -(translateX * c - translateY * s),
      s, c, -(translateX * s + translateY * c),
      0, 0, 1,
    ]
  }
}
