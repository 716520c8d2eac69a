import Foundation

/// A shape as a list of path elements in sketch units, built once and drawn,
/// filled, stroked or clipped as often as needed.
///
///     var path = Path()
///     path.move(to: Point(10, 10))
///     path.line(to: Point(50, 20))
///     ctx.stroke(path, .black, StrokeStyle(width: 0.5))
public struct Path: Sendable, Equatable {
  /// One step of a path.
  public enum Element: Sendable, Equatable {
    /// Starts a new subpath at a point.
    case move(Point)
    /// A straight segment to a point.
    case line(Point)
    /// A cubic Bézier segment to `to` with two control points.
    case curve(to: Point, control1: Point, control2: Point)
    /// A circular arc; angles in radians, clockwise on screen (y down) unless `negative`.
    case arc(center: Point, radius: Double, start: Double, end: Double, negative: Bool)
    /// Closes the current subpath.
    case close
  }

  /// The elements in drawing order.
  public private(set) var elements: [Element] = []

  /// Creates an empty path.
  public init() {}

  /// Starts a new subpath at `point`.
  public mutating func move(to point: Point) { elements.append(.move(point)) }
  /// Adds a straight segment to `point`.
  public mutating func line(to point: Point) { elements.append(.line(point)) }
  /// Adds a cubic Bézier segment.
  public mutating func curve(to point: Point, control1: Point, control2: Point) {
    elements.append(.curve(to: point, control1: control1, control2: control2))
  }
  /// Adds a quadratic Bézier segment from the current point `from`, as the
  /// equivalent cubic (controls at from + 2/3 (c − from) and to + 2/3 (c − to)).
  public mutating func quadCurve(from: Point, to point: Point, control: Point) {
    let c1 = from + (control - from) * (2.0 / 3)
    let c2 = point + (control - point) * (2.0 / 3)
    curve(to: point, control1: c1, control2: c2)
  }
  /// Adds a circular arc from angle `start` to `end` (radians).
  public mutating func arc(
    center: Point, radius: Double, from start: Double, to end: Double,
    counterclockwise: Bool = false
  ) {
    elements.append(
      .arc(center: center, radius: radius, start: start, end: end, negative: counterclockwise))
  }
  /// Closes the current subpath.
  public mutating func close() { elements.append(.close) }

  /// Adds a rectangle as a closed subpath.
  public mutating func rect(_ rect: Rect) {
    move(to: rect.origin)
    line(to: Point(rect.maxX, rect.minY))
    line(to: Point(rect.maxX, rect.maxY))
    line(to: Point(rect.minX, rect.maxY))
    close()
  }

  /// Adds a rectangle with corners rounded to `radius` (clamped to half the shorter side).
  public mutating func roundedRect(_ rect: Rect, radius: Double) {
    let r = max(0, min(radius, min(rect.width, rect.height) / 2))
    guard r > 0 else { return self.rect(rect) }
    move(to: Point(rect.minX + r, rect.minY))
    arc(center: Point(rect.maxX - r, rect.minY + r), radius: r, from: -.pi / 2, to: 0)
    arc(center: Point(rect.maxX - r, rect.maxY - r), radius: r, from: 0, to: .pi / 2)
    arc(center: Point(rect.minX + r, rect.maxY - r), radius: r, from: .pi / 2, to: .pi)
    arc(center: Point(rect.minX + r, rect.minY + r), radius: r, from: .pi, to: 1.5 * .pi)
    close()
  }

  /// Adds a polygon through `points`, closed unless `closed` is false.
  public mutating func polygon(_ points: [Point], closed: Bool = true) {
    guard let first = points.first else { return }
    move(to: first)
    for point in points.dropFirst() { line(to: point) }
    if closed { close() }
  }

  /// Adds a circle.
  public mutating func circle(center: Point, radius: Double) {
    move(to: Point(center.x + radius, center.y))
    arc(center: center, radius: radius, from: 0, to: 2 * .pi)
    close()
  }

  /// Adds the ellipse inscribed in `rect`, as four cubic Béziers
  /// (control distance 0.5523 of each semi-axis, the standard circle approximation).
  public mutating func ellipse(in rect: Rect) {
    let k = 0.552_284_749_8
    let (cx, cy, rx, ry) = (rect.midX, rect.midY, rect.width / 2, rect.height / 2)
    move(to: Point(cx + rx, cy))
    curve(
      to: Point(cx, cy + ry), control1: Point(cx + rx, cy + k * ry),
      control2: Point(cx + k * rx, cy + ry))
    curve(
      to: Point(cx - rx, cy), control1: Point(cx - k * rx, cy + ry),
      control2: Point(cx - rx, cy + k * ry))
    curve(
      to: Point(cx, cy - ry), control1: Point(cx - rx, cy - k * ry),
      control2: Point(cx - k * rx, cy - ry))
    curve(
      to: Point(cx + rx, cy), control1: Point(cx + k * rx, cy - ry),
      control2: Point(cx + rx, cy - k * ry))
    close()
  }

  /// Appends all elements of `other`.
  public mutating func append(_ other: Path) { elements += other.elements }

  /// A path holding one rectangle.
  public static func rect(_ rect: Rect) -> Path {
    var path = Path()
    path.rect(rect)
    return path
  }

  /// A path holding one circle.
  public static func circle(center: Point, radius: Double) -> Path {
    var path = Path()
    path.circle(center: center, radius: radius)
    return path
  }

  /// A path holding one polygon.
  public static func polygon(_ points: [Point], closed: Bool = true) -> Path {
    var path = Path()
    path.polygon(points, closed: closed)
    return path
  }
}
