/// The modulated convolution of StyleGAN2 for one sample, with the
/// per-sample styles folded into the weights so that the convolution is a
/// single matrix product (the reference's fused, grouped form).
///
/// For a weight `w[o, i, a, b]` and styles `s[i]`:
///
/// - modulation: `w′[o, i, a, b] = w[o, i, a, b] · s[i]`;
/// - demodulation (when on):
///   `d[o] = 1 / sqrt(Σ_{i, a, b} w′[o, i, a, b]² + 1e-8)` and
///   `w″[o, i, a, b] = w′[o, i, a, b] · d[o]`;
/// - the convolution of the input with `w″` (or `w′`), padding `k / 2`.
///
/// Up-sampling by 2 is computed as the reference's `conv2d_resample` does: a
/// stride-2 transposed convolution with the unflipped weight, then the FIR
/// filter with gain 4 and, per axis with filter length `t`, padding
/// `p0 = k/2 + (t + 1)/2 − (k − 1)` and `p1 = k/2 + (t − 2)/2 − (k − 2)`.
struct ModulatedConv2D: Sendable {
  /// The weight, `[O, I, k, k]`.
  var weight: Tensor
  /// Whether each output channel is demodulated.
  var demodulate: Bool
  /// 1, or 2 for an up-sampling convolution.
  var up: Int
  /// The FIR filter of an up-sampling convolution.
  var filter: FIRFilter?

  var outChannels: Int { weight.shape[0] }
  var inChannels: Int { weight.shape[1] }
  var kernel: Int { weight.shape[2] }

  /// Convolves `x` (`[I, H, W]`) modulated by `styles` (`I` values).
  func apply(_ x: Tensor, styles: [Float]) -> Tensor {
    precondition(styles.count == inChannels, "\(styles.count) styles for \(inChannels) inputs")
    let folded = modulatedWeight(styles: styles)
    return folded.withUnsafeBufferPointer { w in
      if up == 1 {
        return Conv2D.apply(
          x, weight: w.baseAddress!, outChannels: outChannels, kernel: kernel,
          padding: kernel / 2)
      }
      precondition(up == 2, "only up-sampling by 2 is supported")
      let scattered = TransposedConv2D.apply(
        x, weight: w.baseAddress!, outChannels: outChannels, kernel: kernel)
      let filter = self.filter!
      let (fw, fh) = (filter.horizontal.count, filter.vertical.count)
      let p = kernel / 2
      let padding = UpFIRDn2D.Padding(
        x0: p + (fw + 1) / 2 - (kernel - 1), x1: p + (fw - 2) / 2 - (kernel - 2),
        y0: p + (fh + 1) / 2 - (kernel - 1), y1: p + (fh - 2) / 2 - (kernel - 2))
      return UpFIRDn2D.apply(scattered, filter: filter, padding: padding, gain: 4)
    }
  }

  /// The modulated (and demodulated) weight in the layout the convolution
  /// multiplies by: `[O, I·k·k]` for `up == 1`, `[O·k·k, I]` for `up == 2`.
  func modulatedWeight(styles: [Float]) -> [Float] {
    let (outs, ins, taps) = (outChannels, inChannels, kernel * kernel)
    let perOutput = ins * taps
    var folded = [Float](repeating: 0, count: outs * perOutput)
    let transposed = up != 1
    weight.scalars.withUnsafeBufferPointer { source in
      folded.withUnsafeMutableBufferPointer { target in
        let (src, dst) = (source.baseAddress!, target.baseAddress!)
        parallelChunks(outs, minimumChunk: 8) { range in
          for o in range {
            let row = src + o * perOutput
            var scale: Float = 1
            if demodulate {
              var sum: Float = 0
              for i in 0..<ins {
                let s = styles[i]
                for t in 0..<taps {
                  let v = row[i * taps + t] * s
                  sum += v * v
                }
              }
              scale = 1 / (sum + 1e-8).squareRoot()
            }
            for i in 0..<ins {
              let s = styles[i] * scale
              for t in 0..<taps {
                let v = row[i * taps + t] * s
                if transposed {
                  dst[(o * taps + t) * ins + i] = v
                } else {
                  dst[o * perOutput + i * taps + t] = v
                }
              }
            }
          }
        }
      }
    }
    return folded
  }
}
