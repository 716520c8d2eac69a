/// A unit of length a sketch draws in.
///
/// A sketch picks one unit and every coordinate it draws with is in that
/// unit; the runtime scales the Cairo context so that the picture is the
/// same at any DPI. `px` is the one unit tied to a resolution: it is one
/// pixel at the DPI the sketch's settings declare, so it stays the same
/// physical length when a preview renders at another DPI.
public enum Unit: String, Sendable, CaseIterable {
  /// Millimetres.
  case mm
  /// Centimetres.
  case cm
  /// Inches.
  case inch = "in"
  /// PostScript points, 1/72 inch.
  case pt
  /// Pixels at the sketch's declared DPI.
  case px

  /// The length of one unit in inches; `px` needs the declared DPI.
  ///
  /// mm = 1/25.4 in, cm = 1/2.54 in, pt = 1/72 in, px = 1/dpi in.
  public func inches(declaredDPI: Double) -> Double {
    switch self {
    case .mm: return 1 / 25.4
    case .cm: return 1 / 2.54
    case .inch: return 1
    case .pt: return 1 / 72
    case .px: return 1 / declaredDPI
    }
  }

  /// Converts `value` in this unit to `target`.
  public func convert(_ value: Double, to target: Unit, declaredDPI: Double) -> Double {
    value * inches(declaredDPI: declaredDPI) / target.inches(declaredDPI: declaredDPI)
  }
}
