/// A raster effect applied to a layer's pixels before it is composited.
///
/// In PDF and SVG a layer with effects is embedded as an image at the
/// export DPI; layers without effects stay vector.
public enum Effect: Sendable, Equatable {
  /// A Gaussian blur with standard deviation `radius` in sketch units.
  case blur(radius: Double)
  /// Seeded film grain.
  case grain(Grain)
  /// Levels, saturation and gradient map.
  case grade(ColorGrade)
}

/// Film grain: seeded noise added to a layer's colour.
public struct Grain: Sendable, Equatable {
  /// The noise's standard deviation as a fraction of full scale (0.05 is subtle).
  public var amount: Double
  /// The grain's size in sketch units; `nil` is one output pixel.
  public var size: Double?
  /// One noise value for all three channels (true) or one per channel.
  public var monochrome: Bool

  /// Creates a grain effect.
  public init(amount: Double = 0.06, size: Double? = nil, monochrome: Bool = true) {
    self.amount = amount
    self.size = size
    self.monochrome = monochrome
  }
}

/// A colour grade: levels, then saturation, then an optional gradient map.
public struct ColorGrade: Sendable, Equatable {
  /// Input/output levels with gamma, per channel.
  public var levels: Levels
  /// Saturation: 0 grey, 1 unchanged, above 1 more vivid.
  public var saturation: Double
  /// Maps luma (0…1) to a colour of this gradient (duotone with two stops).
  public var gradientMap: Gradient?
  /// How much of the gradient map to mix in, 0…1.
  public var gradientMapAmount: Double

  /// Creates a grade.
  public init(
    levels: Levels = Levels(), saturation: Double = 1, gradientMap: Gradient? = nil,
    gradientMapAmount: Double = 1
  ) {
    self.levels = levels
    self.saturation = saturation
    self.gradientMap = gradientMap
    self.gradientMapAmount = gradientMapAmount
  }

  /// A duotone: shadows take one colour, highlights the other.
  public static func duotone(shadows: Color, highlights: Color, amount: Double = 1)
    -> ColorGrade
  {
    ColorGrade(gradientMap: Gradient([shadows, highlights]), gradientMapAmount: amount)
  }
}

/// Levels: v' = outBlack + (outWhite − outBlack) · clamp((v − inBlack) / (inWhite − inBlack))^(1/gamma).
public struct Levels: Sendable, Equatable {
  /// The input value mapped to black.
  public var inBlack: Double
  /// The input value mapped to white.
  public var inWhite: Double
  /// Midtone gamma: above 1 brightens, below 1 darkens.
  public var gamma: Double
  /// The output value of black.
  public var outBlack: Double
  /// The output value of white.
  public var outWhite: Double

  /// Creates levels; the defaults change nothing.
  public init(
    inBlack: Double = 0, inWhite: Double = 1, gamma: Double = 1, outBlack: Double = 0,
    outWhite: Double = 1
  ) {
    self.inBlack = inBlack
    self.inWhite = inWhite
    self.gamma = gamma
    self.outBlack = outBlack
    self.outWhite = outWhite
  }

  /// Whether these levels leave every value unchanged.
  public var isIdentity: Bool { self == Levels() }
}
