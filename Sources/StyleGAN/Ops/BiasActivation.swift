/// The activation functions of the reference `bias_act`.
enum Activation: Sendable {
  /// `f(v) = v`, default gain 1.
  case linear
  /// `f(v) = v` for `v ≥ 0`, `0.2 · v` otherwise; default gain `sqrt(2)`.
  case leakyReLU

  /// The activation's default gain (`def_gain`).
  var defaultGain: Float {
    switch self {
    case .linear: return 1
    case .leakyReLU: return Float(2).squareRoot()
    }
  }

  /// The activation named as the official code names it (`linear`, `lrelu`).
  init?(name: String) {
    switch name {
    case "linear": self = .linear
    case "lrelu": self = .leakyReLU
    default: return nil
    }
  }
}

/// Noise, bias, activation, gain and clamp on a feature map, in the order the
/// reference applies them:
/// `y = clamp(gain · f(x · d[c] + g · noise + bias[c]), −clamp, clamp)`,
/// where `d` is the demodulation of the convolution before (1 when absent)
/// and `g` the noise strength.
enum BiasActivation {
  /// Applies the step in place to `x` (`[C, H, W]`); `noise` is `[H, W]`,
  /// added to every channel times `noiseStrength`, `demodulation` holds
  /// `d[c]`, and `clamp` nil means no clamping.
  static func apply(
    _ x: inout Tensor, bias: [Float], demodulation: [Float]? = nil, noise: [Float]? = nil,
    noiseStrength: Float = 1, activation: Activation, gain: Float, clamp: Float?
  ) {
    let channels = x.shape[0]
    let pixels = x.count / max(channels, 1)
    precondition(bias.count == channels, "bias has \(bias.count) values for \(channels) channels")
    let limit = clamp ?? .infinity
    let slope: Float = activation == .leakyReLU ? 0.2 : 1
    x.scalars.withUnsafeMutableBufferPointer { buffer in
      let base = buffer.baseAddress!
      let addNoise: (UnsafeMutablePointer<Float>, Float) -> Void = { plane, d in
        guard let noise else {
          if d != 1 {
            for p in 0..<pixels { plane[p] *= d }
          }
          return
        }
        noise.withUnsafeBufferPointer { n in
          for p in 0..<pixels { plane[p] = plane[p] * d + n[p] * noiseStrength }
        }
      }
      parallelFor(channels) { c in
        let plane = base + c * pixels
        addNoise(plane, demodulation?[c] ?? 1)
        let b = bias[c]
        for p in 0..<pixels {
          var v = plane[p] + b
          v = v < 0 ? v * slope : v
          v *= gain
          plane[p] = min(max(v, -limit), limit)
        }
      }
    }
  }
}
