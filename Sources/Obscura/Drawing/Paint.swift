/// What fills or strokes a shape: a flat colour or a gradient.
public enum Paint: Sendable, Equatable {
  /// A flat colour.
  case color(Color)
  /// A linear gradient from `start` to `end` (sketch units).
  case linear(start: Point, end: Point, gradient: Gradient)
  /// A radial gradient between two circles: the focus circle (`focus`,
  /// `focusRadius`) at offset 0 and the outer circle (`center`, `radius`) at 1.
  case radial(
    center: Point, radius: Double, focus: Point, focusRadius: Double, gradient: Gradient)

  /// A linear gradient.
  public static func linear(from start: Point, to end: Point, _ gradient: Gradient) -> Paint {
    .linear(start: start, end: end, gradient: gradient)
  }

  /// A radial gradient centred on `center`, offset 0 at the centre and 1 at `radius`.
  public static func radial(center: Point, radius: Double, _ gradient: Gradient) -> Paint {
    .radial(center: center, radius: radius, focus: center, focusRadius: 0, gradient: gradient)
  }
}

/// Colours at offsets 0…1 along a gradient.
public struct Gradient: Sendable, Equatable {
  /// One colour at one offset.
  public struct Stop: Sendable, Equatable {
    /// Where the colour sits, 0…1.
    public var offset: Double
    /// The colour there.
    public var color: Color

    /// Creates a stop.
    public init(_ offset: Double, _ color: Color) {
      self.offset = offset
      self.color = color
    }
  }

  /// The stops, in increasing offset.
  public var stops: [Stop]

  /// Creates a gradient from its stops (sorted by offset).
  public init(stops: [Stop]) {
    self.stops = stops.sorted { $0.offset < $1.offset }
  }

  /// Creates a gradient of colours spaced evenly from 0 to 1.
  public init(_ colors: [Color]) {
    let count = colors.count
    stops = colors.enumerated().map { index, color in
      Stop(count > 1 ? Double(index) / Double(count - 1) : 0, color)
    }
  }

  /// The colour at offset `t`: linear interpolation between the stops around it,
  /// clamped to the first and last stop.
  public func color(at t: Double) -> Color {
    guard let first = stops.first, let last = stops.last else { return .clear }
    if t <= first.offset { return first.color }
    if t >= last.offset { return last.color }
    for (a, b) in zip(stops, stops.dropFirst()) where t <= b.offset {
      let span = b.offset - a.offset
      return span > 0 ? a.color.lerp(to: b.color, (t - a.offset) / span) : b.color
    }
    return last.color
  }
}
