/// The modulated convolution of StyleGAN2 for one sample.
///
/// For a weight `w[o, i, a, b]` and styles `s[i]` the reference computes
///
/// - modulation: `w′[o, i, a, b] = w[o, i, a, b] · s[i]`;
/// - demodulation (when on):
///   `d[o] = 1 / sqrt(Σ_{i, a, b} w′[o, i, a, b]² + 1e-8)` and
///   `w″[o, i, a, b] = w′[o, i, a, b] · d[o]`;
/// - the convolution of the input with `w″` (or `w′`), padding `k / 2`.
///
/// Here the same function is computed without building `w″`, as the
/// reference's non-fused path does: the input channels are scaled by `s`,
/// convolved with the stored `w`, and each output channel is scaled by
/// `d[o] = 1 / sqrt(Σ_i s[i]² · n[o, i] + 1e-8)`, where
/// `n[o, i] = Σ_{a, b} w[o, i, a, b]²` is computed once. The convolution is
/// then one matrix product per sample on the unchanged weights.
///
/// Up-sampling by 2 follows the reference's `conv2d_resample`: a stride-2
/// transposed convolution with the unflipped weight, then the FIR filter
/// with gain 4 and, per axis with filter length `t`, padding
/// `p0 = k/2 + (t + 1)/2 − (k − 1)` and `p1 = k/2 + (t − 2)/2 − (k − 2)`.
struct ModulatedConv2D: Sendable {
  let outChannels: Int
  let inChannels: Int
  let kernel: Int
  /// Whether each output channel is demodulated.
  let demodulate: Bool
  /// 1, or 2 for an up-sampling convolution.
  let up: Int
  /// The FIR filter of an up-sampling convolution.
  let filter: FIRFilter?
  /// The weight as the product multiplies by: `[O, I·k·k]` (the stored
  /// layout) for `up == 1`, `[O·k·k, I]` for `up == 2`.
  let matrix: [Float]
  /// `n[o, i] = Σ_{a, b} w[o, i, a, b]²`, `[O, I]`; empty without
  /// demodulation.
  let squaredNorms: [Float]

  /// Prepares the convolution for a stored weight `[O, I, k, k]`.
  init(weight: Tensor, demodulate: Bool, up: Int, filter: FIRFilter?) {
    precondition(weight.shape.count == 4, "a conv weight is [O, I, k, k], got \(weight.shape)")
    precondition(up == 1 || (up == 2 && filter != nil), "up-sampling by 2 needs a filter")
    let (outs, ins, k) = (weight.shape[0], weight.shape[1], weight.shape[2])
    let taps = k * k
    outChannels = outs
    inChannels = ins
    kernel = k
    self.demodulate = demodulate
    self.up = up
    self.filter = filter

    let w = weight.scalars
    if up == 1 {
      matrix = w
    } else {
      var permuted = [Float](repeating: 0, count: w.count)
      for o in 0..<outs {
        for i in 0..<ins {
          for t in 0..<taps {
            permuted[(o * taps + t) * ins + i] = w[(o * ins + i) * taps + t]
          }
        }
      }
      matrix = permuted
    }
    if demodulate {
      squaredNorms = (0..<outs * ins).map { index in
        (0..<taps).reduce(Float(0)) { sum, t in
          let v = w[index * taps + t]
          return sum + v * v
        }
      }
    } else {
      squaredNorms = []
    }
  }

  /// The convolution of `x` (`[I, H, W]`) under `styles`, before the
  /// demodulation, and the coefficients `d[o]` to multiply each output
  /// channel by (nil without demodulation).
  func convolve(_ x: Tensor, styles: [Float]) -> (output: Tensor, demodulation: [Float]?) {
    precondition(styles.count == inChannels, "\(styles.count) styles for \(inChannels) inputs")
    precondition(x.shape.count == 3 && x.shape[0] == inChannels, "input \(x.shape)")
    let demodulation = demodulate ? demodulationCoefficients(styles: styles) : nil

    // The styles scale either the input channels or the weight's columns,
    // whichever is smaller; for a 3x3 convolution without up-sampling they
    // are applied while the im2col matrix is built, at no extra cost.
    let foldIntoWeight = (kernel == 1 || up != 1) && matrix.count < x.count
    let weight = foldIntoWeight ? scaledColumns(styles) : matrix
    let input = foldIntoWeight || (up == 1 && kernel > 1) ? x : Self.scaleChannels(x, by: styles)
    let output = weight.withUnsafeBufferPointer { w -> Tensor in
      if up == 1 {
        return Conv2D.apply(
          input, weight: w.baseAddress!, outChannels: outChannels, kernel: kernel,
          padding: kernel / 2, inputScale: foldIntoWeight || kernel == 1 ? nil : styles)
      }
      let scattered = TransposedConv2D.apply(
        input, weight: w.baseAddress!, outChannels: outChannels, kernel: kernel)
      let filter = self.filter!
      let (fw, fh) = (filter.horizontal.count, filter.vertical.count)
      let p = kernel / 2
      let padding = UpFIRDn2D.Padding(
        x0: p + (fw + 1) / 2 - (kernel - 1), x1: p + (fw - 2) / 2 - (kernel - 2),
        y0: p + (fh + 1) / 2 - (kernel - 1), y1: p + (fh - 2) / 2 - (kernel - 2))
      return UpFIRDn2D.apply(scattered, filter: filter, padding: padding, gain: 4)
    }
    return (output, demodulation)
  }

  /// The complete modulated convolution, demodulation applied.
  func apply(_ x: Tensor, styles: [Float]) -> Tensor {
    var (y, demodulation) = convolve(x, styles: styles)
    if let demodulation {
      y = Self.scaleChannels(y, by: demodulation)
    }
    return y
  }

  /// The weight matrix with the column of input channel `i` times `s[i]`.
  func scaledColumns(_ styles: [Float]) -> [Float] {
    let ins = inChannels
    if up == 1 {
      let taps = kernel * kernel
      return matrix.indices.map { matrix[$0] * styles[($0 / taps) % ins] }
    }
    return matrix.indices.map { matrix[$0] * styles[$0 % ins] }
  }

  /// `d[o] = 1 / sqrt(Σ_i s[i]² · n[o, i] + 1e-8)`.
  func demodulationCoefficients(styles: [Float]) -> [Float] {
    let squares = styles.map { $0 * $0 }
    var sums = [Float](repeating: 0, count: outChannels)
    squaredNorms.withUnsafeBufferPointer { n in
      squares.withUnsafeBufferPointer { s in
        sums.withUnsafeMutableBufferPointer { out in
          BLAS.sgemv(
            m: outChannels, n: inChannels, a: n.baseAddress!, x: s.baseAddress!,
            y: out.baseAddress!)
        }
      }
    }
    return sums.map { 1 / ($0 + 1e-8).squareRoot() }
  }

  /// `x[c] · scale[c]` for every channel of `[C, …]`.
  static func scaleChannels(_ x: Tensor, by scale: [Float]) -> Tensor {
    var y = x
    let plane = x.count / max(scale.count, 1)
    y.scalars.withUnsafeMutableBufferPointer { buffer in
      let base = buffer.baseAddress!
      parallelChunks(scale.count, minimumChunk: max(1, 16_384 / max(plane, 1))) { range in
        for c in range {
          let s = scale[c]
          let row = base + c * plane
          for p in 0..<plane { row[p] *= s }
        }
      }
    }
    return y
  }
}
