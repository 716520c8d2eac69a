/// How a path is stroked: width, caps, joins and dashes.
public struct StrokeStyle: Sendable, Equatable {
  /// The ends of open subpaths.
  public enum Cap: Sendable { case butt, round, square }
  /// The corners where segments meet.
  public enum Join: Sendable { case miter, round, bevel }

  /// The line width in sketch units.
  public var width: Double
  /// The end caps.
  public var cap: Cap
  /// The corner joins.
  public var join: Join
  /// The longest miter before it is bevelled, as a multiple of the width.
  public var miterLimit: Double
  /// Alternating on/off lengths in sketch units; empty draws a solid line.
  public var dash: [Double]
  /// How far into the dash pattern the stroke starts.
  public var dashPhase: Double

  /// Creates a stroke style.
  public init(
    width: Double = 1, cap: Cap = .butt, join: Join = .miter, miterLimit: Double = 10,
    dash: [Double] = [], dashPhase: Double = 0
  ) {
    self.width = width
    self.cap = cap
    self.join = join
    self.miterLimit = miterLimit
    self.dash = dash
    self.dashPhase = dashPhase
  }
}

/// Which parts of a self-intersecting path are inside.
public enum FillRule: Sendable {
  /// Inside where the winding number is non-zero.
  case winding
  /// Inside where a ray crosses the path an odd number of times.
  case evenOdd
}
