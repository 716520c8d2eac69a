/// A piece of text with its typography and placement, laid out by Pango.
///
///     TextBlock("Home is\nbehind", font: Font("EB Garamond"), size: 96,
///               tracking: -20, leading: 0.9,
///               placement: .point(Point(20, 380), anchor: .bottomLeft))
public struct TextBlock: Sendable, Equatable {
  /// The text; `\n` breaks lines.
  public var text: String
  /// The font.
  public var font: Font
  /// The size in points, whatever the sketch's unit.
  public var size: Double
  /// The text colour (its alpha multiplies the layer's opacity).
  public var color: Color
  /// Extra space between letters in thousandths of an em (−50 tight, 100 airy).
  public var tracking: Double
  /// Line height as a multiple of the font's natural line height.
  public var leading: Double
  /// The alignment of lines within the text's box.
  public var alignment: TextAlignment
  /// Where the text goes.
  public var placement: TextPlacement
  /// Whether placement uses the glyphs' ink box instead of the line boxes, so
  /// a title's letters (not its descender space) sit exactly on the margin.
  public var alignsToInk: Bool

  /// Creates a text block.
  public init(
    _ text: String, font: Font = Font("Inter"), size: Double = 24, color: Color = .black,
    tracking: Double = 0, leading: Double = 1, alignment: TextAlignment = .left,
    placement: TextPlacement = .point(.zero, anchor: .topLeft), alignsToInk: Bool = false
  ) {
    self.text = text
    self.font = font
    self.size = size
    self.color = color
    self.tracking = tracking
    self.leading = leading
    self.alignment = alignment
    self.placement = placement
    self.alignsToInk = alignsToInk
  }
}

/// How lines line up within the text's box.
public enum TextAlignment: String, Sendable, CaseIterable {
  /// Ragged right, centred, ragged left, or flush on both sides.
  case left, center, right, justified

  /// The alignment that matches an anchor's horizontal side.
  public init(_ anchor: Anchor) {
    switch anchor.unitX {
    case 0: self = .left
    case 1: self = .right
    default: self = .center
    }
  }
}

/// Where a text block sits.
public enum TextPlacement: Sendable, Equatable {
  /// The text's box has its `anchor` point at `point`; lines wrap at `width` when given.
  case point(Point, anchor: Anchor, width: Double? = nil)
  /// The text wraps to the rectangle's width and sits at its `anchor`.
  case box(Rect, anchor: Anchor)
  /// The text sits at `anchor` of the trim box, `margin` in from its edges,
  /// wrapping to the trim width less the margins.
  case page(Anchor, margin: Double)
}
