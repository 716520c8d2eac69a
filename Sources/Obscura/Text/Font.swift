/// A font family, weight and style, found among the bundled fonts in `Fonts/`
/// and the system's fonts.
public struct Font: Sendable, Equatable, Hashable {
  /// The family name, e.g. "Inter", "EB Garamond", "Bebas Neue".
  public var family: String
  /// The weight.
  public var weight: FontWeight
  /// Upright or italic.
  public var style: FontStyle

  /// Creates a font description.
  public init(_ family: String, weight: FontWeight = .regular, style: FontStyle = .normal) {
    self.family = family
    self.weight = weight
    self.style = style
  }
}

/// A font weight on the CSS/OpenType 100…900 scale.
public enum FontWeight: Int, Sendable, CaseIterable {
  /// Thin, 100.
  case thin = 100
  /// Extra light, 200.
  case extraLight = 200
  /// Light, 300.
  case light = 300
  /// Regular, 400.
  case regular = 400
  /// Medium, 500.
  case medium = 500
  /// Semibold, 600.
  case semibold = 600
  /// Bold, 700.
  case bold = 700
  /// Extra bold, 800.
  case extraBold = 800
  /// Black, 900.
  case black = 900
}

/// Upright or slanted.
public enum FontStyle: String, Sendable, CaseIterable {
  /// Upright.
  case normal
  /// Italic (or oblique when the family has no italic).
  case italic
}
