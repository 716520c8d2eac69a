/// A colour in sRGB with straight (not premultiplied) alpha, each channel in 0…1.
public struct Color: Sendable, Equatable, Hashable {
  /// Red, 0…1.
  public var red: Double
  /// Green, 0…1.
  public var green: Double
  /// Blue, 0…1.
  public var blue: Double
  /// Opacity, 0 (transparent) … 1 (opaque).
  public var alpha: Double

  /// Creates a colour from channels in 0…1.
  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// Creates a grey: `white` 0 is black, 1 is white.
  public init(white: Double, alpha: Double = 1) {
    self.init(red: white, green: white, blue: white, alpha: alpha)
  }

  /// Creates an opaque colour from `0xRRGGBB`.
  public init(hex: UInt32) {
    self.init(
      red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
      blue: Double(hex & 0xFF) / 255)
  }

  /// Parses `#RRGGBB` or `#RRGGBBAA` (the `#` is optional).
  ///
  /// - Throws: ``ObscuraError/invalidColor(_:)``.
  public init(hex text: String) throws {
    var digits = Substring(text)
    if digits.hasPrefix("#") { digits = digits.dropFirst() }
    guard digits.count == 6 || digits.count == 8,
      digits.allSatisfy({ $0.isHexDigit }),
      let value = UInt32(digits, radix: 16)
    else { throw ObscuraError.invalidColor(text) }
    if digits.count == 6 {
      self.init(hex: value)
    } else {
      self.init(hex: value >> 8)
      alpha = Double(value & 0xFF) / 255
    }
  }

  /// Black.
  public static let black = Color(white: 0)
  /// White.
  public static let white = Color(white: 1)
  /// Fully transparent black.
  public static let clear = Color(white: 0, alpha: 0)
  /// Pure red.
  public static let red = Color(red: 1, green: 0, blue: 0)
  /// Pure green.
  public static let green = Color(red: 0, green: 1, blue: 0)
  /// Pure blue.
  public static let blue = Color(red: 0, green: 0, blue: 1)

  /// The same colour with another opacity.
  public func withAlpha(_ alpha: Double) -> Color {
    Color(red: red, green: green, blue: blue, alpha: alpha)
  }

  /// The colour a fraction `t` of the way to `other`, channel by channel.
  public func lerp(to other: Color, _ t: Double) -> Color {
    Color(
      red: red + (other.red - red) * t, green: green + (other.green - green) * t,
      blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
  }

  /// Rec. 709 luma of the colour: 0.2126 R + 0.7152 G + 0.0722 B.
  public var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }

  /// `#RRGGBB`, or `#RRGGBBAA` when not opaque.
  public var hexString: String {
    func byte(_ value: Double) -> String {
      let b = Int((min(max(value, 0), 1) * 255).rounded())
      let s = String(b, radix: 16, uppercase: true)
      return s.count == 1 ? "0" + s : s
    }
    let rgb = "#" + byte(red) + byte(green) + byte(blue)
    return alpha >= 1 ? rgb : rgb + byte(alpha)
  }
}
