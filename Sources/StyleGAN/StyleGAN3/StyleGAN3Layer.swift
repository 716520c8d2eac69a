import Foundation

/// One StyleGAN3 synthesis layer (`synthesis.L{i}_{size}_{channels}`): a
/// modulated convolution followed by the filtered leaky ReLU.
///
/// With styles `s = A · w + b_A` (`A` scaled by `1/√w_dim`) and the input
/// gain `g = 1/√magnitude_ema`, the weights for one sample are
///
///     demodulated layers:  w₀ = w / √mean(w[o]²),  s₀ = s / √mean(s²)
///                          w' = w₀[o, c] · s₀[c]
///                          w'' = w' / √(Σ_{c,i,j} w'[o]² + 1e-8) · g
///     ToRGB:               w'' = w[o, c] · s[c] / √(channels · k²) · g
///
/// then `x ↦ filteredLReLU(conv_full(x, w''), bias)`.
struct StyleGAN3Layer: Sendable {
  /// Sizes, rates and factors.
  var plan: StyleGAN3Architecture.Layer
  /// `affine.weight · (1/√w_dim)`, `[inChannels, w_dim]`.
  var affineWeight: [Float]
  /// `affine.bias`, `[inChannels]`.
  var affineBias: [Float]
  /// The convolution weight, `[outChannels, inChannels, k, k]`.
  var weight: [Float]
  /// The bias added in the filtered leaky ReLU, `[outChannels]`.
  var bias: [Float]
  /// `1/√magnitude_ema`.
  var inputGain: Float
  /// Bias, resampling, activation and clamp.
  var activation: FilteredLeakyReLU

  /// The modulated weights for one `w`, `[outChannels, inChannels, k, k]`.
  func modulatedWeight(w: UnsafeBufferPointer<Float>) -> [Float] {
    let inChannels = plan.inChannels
    let taps = plan.convKernel * plan.convKernel
    let depth = inChannels * taps

    var styles = [Float](repeating: 0, count: inChannels)
    for c in 0..<inChannels {
      var sum = affineBias[c]
      for i in 0..<w.count { sum += affineWeight[c * w.count + i] * w[i] }
      styles[c] = sum
    }

    var result = [Float](repeating: 0, count: plan.outChannels * depth)
    if plan.isToRGB {
      let gain = inputGain / Float(depth).squareRoot()
      for o in 0..<plan.outChannels {
        for c in 0..<inChannels {
          let scale = styles[c] * gain
          for t in 0..<taps {
            let index = o * depth + c * taps + t
            result[index] = weight[index] * scale
          }
        }
      }
      return result
    }

    // Pre-normalised styles; the weights are pre-normalised per output below.
    let meanSquare = styles.reduce(0) { $0 + $1 * $1 } / Float(inChannels)
    let styleScale = 1 / meanSquare.squareRoot()
    for c in 0..<inChannels { styles[c] *= styleScale }

    for o in 0..<plan.outChannels {
      let row = o * depth
      var weightSquares: Float = 0
      for i in 0..<depth { weightSquares += weight[row + i] * weight[row + i] }
      let weightScale = 1 / (weightSquares / Float(depth)).squareRoot()

      var modulatedSquares: Float = 0
      for c in 0..<inChannels {
        let scale = styles[c] * weightScale
        for t in 0..<taps {
          let value = weight[row + c * taps + t] * scale
          result[row + c * taps + t] = value
          modulatedSquares += value * value
        }
      }
      let demodulation = inputGain / (modulatedSquares + 1e-8).squareRoot()
      for i in 0..<depth { result[row + i] *= demodulation }
    }
    return result
  }
}
