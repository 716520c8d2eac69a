import Foundation

/// A point in the sketch's units, x to the right and y down from the trim's top-left corner.
public struct Point: Sendable, Equatable, Hashable {
  /// The horizontal coordinate.
  public var x: Double
  /// The vertical coordinate, growing downwards.
  public var y: Double

  /// Creates a point.
  public init(_ x: Double, _ y: Double) {
    self.x = x
    self.y = y
  }

  /// Creates a point.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  /// The origin, (0, 0).
  public static let zero = Point(0, 0)

  /// The point at `radius` from `center` in direction `angle` (radians, clockwise from +x).
  public static func polar(center: Point = .zero, radius: Double, angle: Double) -> Point {
    Point(center.x + radius * cos(angle), center.y + radius * sin(angle))
  }

  /// Componentwise sum.
  public static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
  /// Componentwise difference.
  public static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
  /// Scales both coordinates.
  public static func * (a: Point, s: Double) -> Point { Point(a.x * s, a.y * s) }

  /// The straight-line distance to `other`.
  public func distance(to other: Point) -> Double {
    ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
  }

  /// The point a fraction `t` of the way to `other`: `self + (other - self) · t`.
  public func lerp(to other: Point, _ t: Double) -> Point {
    Point(x + (other.x - x) * t, y + (other.y - y) * t)
  }
}
