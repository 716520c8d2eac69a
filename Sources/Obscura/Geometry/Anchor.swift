/// One of nine reference points of a box: corners, edge midpoints and centre.
///
/// Anchors place things: an image fitted with `.contain` and `.bottomLeft`
/// sits in its target's bottom-left corner; a title at `.topRight` has its
/// top-right corner on the given point.
public enum Anchor: String, Sendable, CaseIterable {
  /// The top corners and the top edge's midpoint.
  case topLeft, top, topRight
  /// The side edges' midpoints and the centre.
  case left, center, right
  /// The bottom corners and the bottom edge's midpoint.
  case bottomLeft, bottom, bottomRight

  /// Parses an anchor name such as `bottomLeft` (case-insensitive; `-`, `_` and
  /// spaces are ignored, so `bottom-left` works too).
  public init(named text: String) throws {
    let key = text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
    guard let anchor = Anchor.allCases.first(where: { $0.rawValue.lowercased() == key }) else {
      throw ObscuraError.unknownChoice(
        kind: "anchor", name: text, valid: Anchor.allCases.map { $0.rawValue })
    }
    self = anchor
  }

  /// The horizontal position as a fraction of the width: 0 left, 0.5 centre, 1 right.
  public var unitX: Double {
    switch self {
    case .topLeft, .left, .bottomLeft: return 0
    case .top, .center, .bottom: return 0.5
    case .topRight, .right, .bottomRight: return 1
    }
  }

  /// The vertical position as a fraction of the height: 0 top, 0.5 centre, 1 bottom.
  public var unitY: Double {
    switch self {
    case .topLeft, .top, .topRight: return 0
    case .left, .center, .right: return 0.5
    case .bottomLeft, .bottom, .bottomRight: return 1
    }
  }
}
