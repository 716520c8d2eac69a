/// An axis-aligned rectangle in the sketch's units.
public struct Rect: Sendable, Equatable, Hashable {
  /// The top-left corner.
  public var origin: Point
  /// The width and height.
  public var size: Size

  /// Creates a rectangle from its top-left corner and size.
  public init(x: Double, y: Double, width: Double, height: Double) {
    origin = Point(x, y)
    size = Size(width: width, height: height)
  }

  /// Creates a rectangle from its top-left corner and size.
  public init(origin: Point, size: Size) {
    self.origin = origin
    self.size = size
  }

  /// Creates the rectangle of `size` centred on `center`.
  public init(center: Point, size: Size) {
    origin = Point(center.x - size.width / 2, center.y - size.height / 2)
    self.size = size
  }

  /// The left edge.
  public var minX: Double { origin.x }
  /// The top edge.
  public var minY: Double { origin.y }
  /// The right edge.
  public var maxX: Double { origin.x + size.width }
  /// The bottom edge.
  public var maxY: Double { origin.y + size.height }
  /// The horizontal centre.
  public var midX: Double { origin.x + size.width / 2 }
  /// The vertical centre.
  public var midY: Double { origin.y + size.height / 2 }
  /// The width.
  public var width: Double { size.width }
  /// The height.
  public var height: Double { size.height }
  /// The centre point.
  public var center: Point { Point(midX, midY) }
  /// Whether the rectangle has no area.
  public var isEmpty: Bool { !(size.width > 0 && size.height > 0) }

  /// The rectangle moved inwards by `amount` on every side (outwards when negative).
  public func inset(by amount: Double) -> Rect {
    Rect(
      x: minX + amount, y: minY + amount,
      width: width - 2 * amount, height: height - 2 * amount)
  }

  /// The rectangle moved inwards by separate horizontal and vertical amounts.
  public func inset(dx: Double, dy: Double) -> Rect {
    Rect(x: minX + dx, y: minY + dy, width: width - 2 * dx, height: height - 2 * dy)
  }

  /// The point at `anchor`, e.g. the bottom-left corner for `.bottomLeft`.
  public func point(at anchor: Anchor) -> Point {
    Point(minX + anchor.unitX * width, minY + anchor.unitY * height)
  }

  /// Whether `point` lies inside (edges included).
  public func contains(_ point: Point) -> Bool {
    point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
  }
}
