import COpenBLAS
import Foundation

/// The Fourier-feature input of a StyleGAN3 synthesis network
/// (`synthesis.input`).
///
/// From the first `w`, an affine layer gives `t = (r_c, r_s, t_x, t_y)`,
/// scaled so that `r_c² + r_s² = 1`. With the rotation `R` = [[r_c, −r_s],
/// [r_s, r_c]], the translation `T` by `(−t_x, −t_y)` and the user transform
/// `U` (the `transform` buffer, or an ``InputTransform``), `A = R · T · U`;
/// each feature's frequency and phase become
///
///     f' = f · A[0..1, 0..1],   φ' = φ + f · A[0..1, 2]
///     a  = clamp(1 − (|f'| − bandwidth) / (rate/2 − bandwidth), 0, 1)
///
/// and on the grid `g_n = ((2n + 1)/size − 1) · size / (2 · rate)`
///
///     feature[c, y, x] = a_c · sin(2π (g_x f'_cx + g_y f'_cy + φ'_c))
///     out = (weight / √channels) · feature            (a 1 × 1 mixing)
struct StyleGAN3Input: Sendable {
  /// Shape of the features.
  var plan: StyleGAN3Architecture.Input
  /// `affine.weight · (1/√w_dim)`, `[4, w_dim]`.
  var affineWeight: [Float]
  /// `affine.bias`, `[4]`.
  var affineBias: [Float]
  /// The stored user transform, row-major 3 × 3.
  var transform: [Double]
  /// Frequencies, `[channels, 2]`.
  var freqs: [Float]
  /// Phases, `[channels]`.
  var phases: [Float]
  /// `weight / √channels`, `[channels, channels]`.
  var mixing: [Float]

  /// The features for one `w`, `[channels, size, size]`.
  ///
  /// - Parameter userTransform: replaces the stored `transform` buffer when given.
  func features(w: UnsafeBufferPointer<Float>, userTransform: [Double]?) -> [Float] {
    let channels = plan.channels
    let size = plan.size

    // The learned rotation and translation, normalised.
    var t = [Double](repeating: 0, count: 4)
    for row in 0..<4 {
      var sum = Double(affineBias[row])
      for i in 0..<w.count { sum += Double(affineWeight[row * w.count + i]) * Double(w[i]) }
      t[row] = sum
    }
    let norm = (t[0] * t[0] + t[1] * t[1]).squareRoot()
    t = t.map { $0 / norm }
    let rotation: [Double] = [t[0], -t[1], 0, t[1], t[0], 0, 0, 0, 1]
    let translation: [Double] = [1, 0, -t[2], 0, 1, -t[3], 0, 0, 1]
    let a = multiply3(multiply3(rotation, translation), userTransform ?? transform)

    // Transformed frequencies and phases, and the out-of-band damping.
    var fx = [Double](repeating: 0, count: channels)
    var fy = [Double](repeating: 0, count: channels)
    var phase = [Double](repeating: 0, count: channels)
    var amplitude = [Double](repeating: 0, count: channels)
    for c in 0..<channels {
      let x = Double(freqs[2 * c])
      let y = Double(freqs[2 * c + 1])
      phase[c] = Double(phases[c]) + x * a[2] + y * a[5]
      fx[c] = x * a[0] + y * a[3]
      fy[c] = x * a[1] + y * a[4]
      let magnitude = (fx[c] * fx[c] + fy[c] * fy[c]).squareRoot()
      let damping =
        1 - (magnitude - plan.bandwidth) / (plan.samplingRate / 2 - plan.bandwidth)
      amplitude[c] = min(max(damping, 0), 1)
    }

    // Sine features on the sampling grid, channel-major.
    let grid = (0..<size).map {
      ((2 * Double($0) + 1) / Double(size) - 1) * 0.5 * Double(size) / plan.samplingRate
    }
    var sines = [Float](repeating: 0, count: channels * size * size)
    for c in 0..<channels {
      for y in 0..<size {
        let base = grid[y] * fy[c] + phase[c]
        for x in 0..<size {
          let angle = 2 * Double.pi * (grid[x] * fx[c] + base)
          sines[(c * size + y) * size + x] = Float(sin(angle) * amplitude[c])
        }
      }
    }

    // The trainable 1 × 1 mixing (cblas_sgemm).
    var out = [Float](repeating: 0, count: channels * size * size)
    let pixels = size * size
    mixing.withUnsafeBufferPointer { m in
      sines.withUnsafeBufferPointer { s in
        out.withUnsafeMutableBufferPointer { o in
          cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(channels), Int32(pixels),
            Int32(channels), 1, m.baseAddress, Int32(channels), s.baseAddress,
            Int32(pixels), 0, o.baseAddress, Int32(pixels))
        }
      }
    }
    return out
  }

  /// The product of two row-major 3 × 3 matrices.
  private func multiply3(_ a: [Double], _ b: [Double]) -> [Double] {
    var c = [Double](repeating: 0, count: 9)
    for i in 0..<3 {
      for j in 0..<3 {
        c[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j]
      }
    }
    return c
  }
}
