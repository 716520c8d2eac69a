import Foundation

/// The low-pass filters StyleGAN3 resamples with, designed as the official
/// code designs them (SciPy's `firwin` with a Kaiser window, or a windowed
/// jinc for the radial case).
///
/// Checkpoints store these filters as buffers and the generator uses the
/// stored values; the design is here for networks built without a
/// checkpoint (the benchmark) and to check stored filters against.
public enum LowpassFilter {
  /// A 1-D Kaiser-windowed sinc filter of `numTaps` taps, normalised to unit
  /// DC gain.
  ///
  /// With Nyquist `q = fs/2`, `α = (numTaps − 1)/2` and `m = n − α`:
  ///
  ///     A = 2.285 · (numTaps − 1) · π · width/q + 7.95      (attenuation, dB)
  ///     β = 0.1102 (A − 8.7)                    if A > 50
  ///         0.5842 (A − 21)^0.4 + 0.07886 (A − 21)  if 21 < A ≤ 50, else 0
  ///     h[n] = (c/q) · sinc(c/q · m) · I0(β √(1 − (m/α)²)) / I0(β)
  ///
  /// then `h /= Σ h`.
  ///
  /// - Returns: `nil` for `numTaps == 1` (the identity filter).
  public static func kaiser(
    numTaps: Int, cutoff: Double, width: Double, samplingRate: Double
  ) -> [Float]? {
    guard numTaps > 1 else { return nil }
    let nyquist = samplingRate / 2
    let window = kaiserWindow(numTaps: numTaps, width: width / nyquist)
    let alpha = Double(numTaps - 1) / 2
    let band = cutoff / nyquist
    var taps = (0..<numTaps).map { n -> Double in
      band * sinc(band * (Double(n) - alpha)) * window[n]
    }
    let sum = taps.reduce(0, +)
    taps = taps.map { $0 / sum }
    return taps.map { Float($0) }
  }

  /// A radially symmetric `numTaps × numTaps` filter, row-major: a jinc of
  /// the given cutoff under the separable Kaiser window, normalised to unit
  /// DC gain.
  ///
  ///     x_n = (n − (numTaps − 1)/2) / fs,  r = hypot(x_i, x_j)
  ///     f[i, j] = J1(2π c r) / (π r) · w[i] · w[j],  then f /= Σ f
  ///
  /// - Returns: `nil` for `numTaps == 1` (the identity filter).
  public static func radial(
    numTaps: Int, cutoff: Double, width: Double, samplingRate: Double
  ) -> [Float]? {
    guard numTaps > 1 else { return nil }
    let window = kaiserWindow(numTaps: numTaps, width: width / (samplingRate / 2))
    let x = (0..<numTaps).map { (Double($0) - Double(numTaps - 1) / 2) / samplingRate }
    var taps = [Double](repeating: 0, count: numTaps * numTaps)
    for i in 0..<numTaps {
      for j in 0..<numTaps {
        let r = (x[i] * x[i] + x[j] * x[j]).squareRoot()
        // J1(z) ≈ z/2 near 0, so the jinc tends to `cutoff` at the centre.
        let jinc = r == 0 ? cutoff : j1(2 * cutoff * Double.pi * r) / (Double.pi * r)
        taps[i * numTaps + j] = jinc * window[i] * window[j]
      }
    }
    let sum = taps.reduce(0, +)
    return taps.map { Float($0 / sum) }
  }

  /// The symmetric Kaiser window whose β gives the attenuation of a filter
  /// with `numTaps` taps and the transition `width` (relative to Nyquist).
  private static func kaiserWindow(numTaps: Int, width: Double) -> [Double] {
    let attenuation = 2.285 * Double(numTaps - 1) * Double.pi * width + 7.95
    let beta: Double
    if attenuation > 50 {
      beta = 0.1102 * (attenuation - 8.7)
    } else if attenuation > 21 {
      beta = 0.5842 * pow(attenuation - 21, 0.4) + 0.07886 * (attenuation - 21)
    } else {
      beta = 0
    }
    let alpha = Double(numTaps - 1) / 2
    return (0..<numTaps).map { n in
      let ratio = (Double(n) - alpha) / alpha
      return besselI0(beta * max(0, 1 - ratio * ratio).squareRoot()) / besselI0(beta)
    }
  }

  /// `sin(πx) / (πx)`, 1 at 0.
  private static func sinc(_ x: Double) -> Double {
    x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x)
  }

  /// The modified Bessel function of the first kind, order 0:
  /// `I0(x) = Σ_k ((x/2)^k / k!)²`.
  private static func besselI0(_ x: Double) -> Double {
    var sum = 1.0
    var term = 1.0
    let half = x / 2
    for k in 1..<200 {
      term *= half / Double(k)
      let squared = term * term
      sum += squared
      if squared < sum * 1e-17 { break }
    }
    return sum
  }
}
