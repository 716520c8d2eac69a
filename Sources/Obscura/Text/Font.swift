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

  /// "Bebas Neue Black", "Inter Bold Italic", "Inter Regular".
  public var faceName: String {
    "\(family) \(weight.name)" + (style == .italic ? " Italic" : "")
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

  /// The weight's name as font files spell it: "Regular", "Semibold", "Black".
  public var name: String {
    switch self {
    case .thin: return "Thin"
    case .extraLight: return "Extra Light"
    case .light: return "Light"
    case .regular: return "Regular"
    case .medium: return "Medium"
    case .semibold: return "Semibold"
    case .bold: return "Bold"
    case .extraBold: return "Extra Bold"
    case .black: return "Black"
    }
  }

  /// The named weight closest to `value` on the 100…900 scale (ties go lighter).
  public static func nearest(to value: Int) -> FontWeight {
    allCases.min { abs($0.rawValue - value) < abs($1.rawValue - value) } ?? .regular
  }
}

/// Upright or slanted.
public enum FontStyle: String, Sendable, CaseIterable {
  /// Upright.
  case normal
  /// Italic (or oblique when the family has no italic).
  case italic
}
