import CCairo

/// How a layer's colours combine with what lies below it.
///
/// The modes are the W3C Compositing and Blending Level 1 modes; Cairo's
/// operators implement them for raster and PDF output alike. With backdrop
/// `Cb` and source `Cs` (straight colour, 0…1) the separable modes are:
///
///     multiply     B = Cb · Cs
///     screen       B = Cb + Cs − Cb · Cs
///     overlay      B = hardLight(Cs, Cb)
///     darken       B = min(Cb, Cs)
///     lighten      B = max(Cb, Cs)
///     colorDodge   B = Cb = 0 ? 0 : Cs = 1 ? 1 : min(1, Cb / (1 − Cs))
///     colorBurn    B = Cb = 1 ? 1 : Cs = 0 ? 0 : 1 − min(1, (1 − Cb) / Cs)
///     hardLight    B = Cs ≤ ½ ? multiply(Cb, 2Cs) : screen(Cb, 2Cs − 1)
///     softLight    B = Cs ≤ ½ ? Cb − (1 − 2Cs) Cb (1 − Cb) : Cb + (2Cs − 1)(D(Cb) − Cb)
///                  D(x) = x ≤ ¼ ? ((16x − 12)x + 4)x : √x
///     difference   B = |Cb − Cs|
///     exclusion    B = Cb + Cs − 2 Cb Cs
///
/// and the result is `Cr = (1 − αb) Cs + αb B`, composited over the
/// backdrop with source-over. hue, saturation, color and luminosity are the
/// non-separable HSL modes of the same specification.
public enum BlendMode: String, Sendable, CaseIterable {
  /// Source-over and the separable modes whose formulas are listed above.
  case normal, multiply, screen, overlay, darken, lighten, colorDodge, colorBurn
  /// More separable modes, then the four non-separable HSL modes.
  case hardLight, softLight, difference, exclusion, hue, saturation, color, luminosity

  /// The Cairo operator that implements the mode.
  var cairoOperator: cairo_operator_t {
    switch self {
    case .normal: return CAIRO_OPERATOR_OVER
    case .multiply: return CAIRO_OPERATOR_MULTIPLY
    case .screen: return CAIRO_OPERATOR_SCREEN
    case .overlay: return CAIRO_OPERATOR_OVERLAY
    case .darken: return CAIRO_OPERATOR_DARKEN
    case .lighten: return CAIRO_OPERATOR_LIGHTEN
    case .colorDodge: return CAIRO_OPERATOR_COLOR_DODGE
    case .colorBurn: return CAIRO_OPERATOR_COLOR_BURN
    case .hardLight: return CAIRO_OPERATOR_HARD_LIGHT
    case .softLight: return CAIRO_OPERATOR_SOFT_LIGHT
    case .difference: return CAIRO_OPERATOR_DIFFERENCE
    case .exclusion: return CAIRO_OPERATOR_EXCLUSION
    case .hue: return CAIRO_OPERATOR_HSL_HUE
    case .saturation: return CAIRO_OPERATOR_HSL_SATURATION
    case .color: return CAIRO_OPERATOR_HSL_COLOR
    case .luminosity: return CAIRO_OPERATOR_HSL_LUMINOSITY
    }
  }
}
