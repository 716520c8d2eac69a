import Dispatch

/// StyleGAN3's filtered leaky ReLU: bias, up-sampling, leaky ReLU, clamp and
/// down-sampling of every channel of a `[channels, height, width]` signal.
///
/// For one channel `x` with bias `b` the result is
///
///     u = upfir(x + b, f_up, up, padding) · up²      (zero-insert, pad, FIR)
///     a = clamp(gain · lrelu(u, slope), −clamp, clamp)
///     y = downfir(a, f_down, down)                   (FIR, keep every down-th)
///
/// as the reference computes it: the bias is added before up-sampling, so
/// the zero padding around the signal stays unbiased. The up-sampling filter
/// is 1-D and applied separably; the down-sampling filter is 1-D (separable)
/// or 2-D (radial). Both FIRs are true convolutions (the taps are flipped).
///
/// The up-sampling runs polyphase (each output sums only the `taps / up`
/// non-zero products), the activation is fused into the last up-sampling
/// pass, only the kept outputs of the down-sampling are computed, and every
/// 1-D pass runs along whole rows so that it vectorises. Channels run in
/// parallel.
public struct FilteredLeakyReLU: Sendable {
  /// The down-sampling filter's layout.
  public enum DownFilter: Sendable, Equatable {
    /// A 1-D filter applied along both axes.
    case separable([Float])
    /// A 2-D `taps × taps` filter, row-major.
    case radial([Float], taps: Int)
  }

  /// The 1-D up-sampling filter (`[1]` for none).
  public var upFilter: [Float]
  /// The down-sampling filter.
  public var downFilter: DownFilter
  /// The up-sampling factor.
  public var up: Int
  /// The down-sampling factor.
  public var down: Int
  /// Padding of the up-sampled signal, `[x0, x1, y0, y1]`; negative crops.
  public var padding: [Int]
  /// Gain after the activation (`√2`; 1 in ToRGB).
  public var gain: Float
  /// Slope for negative inputs (0.2; 1 in ToRGB, which makes it linear).
  public var slope: Float
  /// Symmetric clamp after the gain, or `nil` for none.
  public var clamp: Float?

  /// Creates the operation from its filters, factors and activation.
  public init(
    upFilter: [Float]?, downFilter: DownFilter?, up: Int, down: Int, padding: [Int],
    gain: Float, slope: Float, clamp: Float?
  ) {
    precondition(up >= 1 && down >= 1 && padding.count == 4, "FilteredLeakyReLU: bad factors")
    self.upFilter = upFilter ?? [1]
    self.downFilter = downFilter ?? .separable([1])
    self.up = up
    self.down = down
    self.padding = padding
    self.gain = gain
    self.slope = slope
    self.clamp = clamp
  }

  /// The down-sampling filter's length along one axis.
  private var downTaps: Int {
    switch downFilter {
    case .separable(let taps): return taps.count
    case .radial(_, let taps): return taps
    }
  }

  /// The size of the up-sampled, padded and filtered signal along x and y.
  private func upsampledSize(height: Int, width: Int) -> (height: Int, width: Int) {
    (
      height * up + padding[2] + padding[3] - (upFilter.count - 1),
      width * up + padding[0] + padding[1] - (upFilter.count - 1)
    )
  }

  /// The output's height and width for an input of the given size:
  /// `(n · up + pad0 + pad1 − (upTaps − 1) − (downTaps − 1) + down − 1) / down`.
  public func outputSize(height: Int, width: Int) -> (height: Int, width: Int) {
    let upsampled = upsampledSize(height: height, width: width)
    return (
      (upsampled.height - (downTaps - 1) + down - 1) / down,
      (upsampled.width - (downTaps - 1) + down - 1) / down
    )
  }

  /// Applies the operation to `input`, `[channels, height, width]`, with one
  /// bias per channel.
  ///
  /// - Returns: `[channels, outputSize.height, outputSize.width]`, row-major;
  ///   empty when the padding crops the signal to nothing.
  public func callAsFunction(
    _ input: [Float], channels: Int, height: Int, width: Int, bias: [Float]
  ) -> [Float] {
    precondition(input.count == channels * height * width && bias.count == channels)
    let upsampled = upsampledSize(height: height, width: width)
    let output = outputSize(height: height, width: width)
    // The StyleGAN target compiles without precondition checks: make an
    // empty output an empty result rather than a loop over a negative count.
    guard output.height > 0, output.width > 0, upsampled.height > 0, upsampled.width > 0
    else { return [] }

    let columns = PolyphasePlan(
      filter: upFilter, up: up, padding: padding[0], inputCount: width,
      outputCount: upsampled.width)
    let rows = PolyphasePlan(
      filter: upFilter, up: up, padding: padding[2], inputCount: height,
      outputCount: upsampled.height)
    let shape = ChannelShape(
      height: height, width: width, tmpHeight: upsampled.height, tmpWidth: upsampled.width,
      outHeight: output.height, outWidth: output.width)

    var result = [Float](repeating: 0, count: channels * output.height * output.width)
    let workers = min(channels, max(1, StyleGAN3Parallel.workers))
    input.withUnsafeBufferPointer { source in
      result.withUnsafeMutableBufferPointer { destination in
        let source = StyleGAN3Parallel.Pointer(source.baseAddress!)
        let destination = StyleGAN3Parallel.Pointer(destination.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          let scratch = ChannelScratch(
            shape: shape, radial: isRadial, taps: max(downTaps, upFilter.count))
          for channel in stride(from: worker, to: channels, by: workers) {
            filterChannel(
              source.pointer + channel * height * width, bias: bias[channel],
              into: destination.pointer + channel * output.height * output.width,
              shape: shape, columns: columns, rows: rows, scratch: scratch)
          }
        }
      }
    }
    return result
  }

  private var isRadial: Bool {
    if case .radial = downFilter { return true }
    return false
  }

  /// Runs one channel through bias, up-sampling, activation and down-sampling.
  ///
  /// Every FIR runs down the rows of a row-major array (one multiply-add per
  /// element of a whole row, which vectorises); the horizontal passes run on
  /// transposed copies.
  private func filterChannel(
    _ x: UnsafePointer<Float>, bias: Float, into y: UnsafeMutablePointer<Float>,
    shape: ChannelShape, columns: PolyphasePlan, rows: PolyphasePlan,
    scratch: ChannelScratch
  ) {
    let (height, width) = (shape.height, shape.width)
    let (tmpHeight, tmpWidth) = (shape.tmpHeight, shape.tmpWidth)
    let (outHeight, outWidth) = (shape.outHeight, shape.outWidth)

    // Bias, then vertical up-sampling: tmpHeight × width.
    for i in 0..<(height * width) { scratch.biased[i] = x[i] + bias }
    for t in 0..<tmpHeight {
      rows.sumRows(
        for: t, from: scratch.biased, rowLength: width, pointers: scratch.rowPointers,
        into: scratch.tall + t * width)
    }

    // Horizontal up-sampling on the transpose, then the activation, one
    // row of the transpose (tmpHeight long) at a time.
    transpose(scratch.tall, rows: tmpHeight, columns: width, into: scratch.tallTransposed)
    let lowerBound = clamp.map { -$0 } ?? -Float.infinity
    let upperBound = clamp ?? Float.infinity
    let (positiveGain, negativeGain) = (gain, gain * slope)
    func activatedRow(_ t: Int, into out: UnsafeMutablePointer<Float>) {
      columns.sumRows(
        for: t, from: scratch.tallTransposed, rowLength: tmpHeight,
        pointers: scratch.rowPointers, into: out)
      for i in 0..<tmpHeight {
        let v = out[i]
        let activated = v < 0 ? v * negativeGain : v * positiveGain
        out[i] = min(max(activated, lowerBound), upperBound)
      }
    }

    switch downFilter {
    case .separable(let taps):
      // Horizontal down-sampling on the transpose (outWidth × tmpHeight): the
      // activated rows live in a ring of `n` rows, each made when the first
      // output that needs it comes up. Then back to rows (tmpHeight ×
      // outWidth) and vertical down-sampling.
      let n = taps.count
      let flipped = [Float](taps.reversed())
      let symmetric = flipped == taps
      flipped.withUnsafeBufferPointer { weights in
        let ring = scratch.activated
        let sources = scratch.rowPointers
        var made = 0
        for o in 0..<outWidth {
          while made < o * down + n {
            activatedRow(made, into: ring + (made % n) * tmpHeight)
            made += 1
          }
          for j in 0..<n { sources[j] = UnsafePointer(ring + ((o * down + j) % n) * tmpHeight) }
          weightedRowSum(
            sources, weights: weights.baseAddress!, count: n, symmetric: symmetric,
            into: scratch.narrowTransposed + o * tmpHeight, length: tmpHeight)
        }
        transpose(
          scratch.narrowTransposed, rows: outWidth, columns: tmpHeight, into: scratch.narrow)
        for o in 0..<outHeight {
          weightedRowSum(
            scratch.narrow + o * down * outWidth, stride: outWidth,
            weights: weights.baseAddress!, count: n, symmetric: symmetric, pointers: sources,
            into: y + o * outWidth, length: outWidth)
        }
      }

    case .radial(let taps, let n):
      // 2-D down-sampling of the kept outputs, on the activated signal in rows.
      for t in 0..<tmpWidth { activatedRow(t, into: scratch.activated + t * tmpHeight) }
      transpose(scratch.activated, rows: tmpWidth, columns: tmpHeight, into: scratch.tall)
      for oy in 0..<outHeight {
        let out = y + oy * outWidth
        out.update(repeating: 0, count: outWidth)
        for a in 0..<n {
          let source = scratch.tall + (oy * down + a) * tmpWidth
          for b in 0..<n {
            let weight = taps[(n - 1 - a) * n + (n - 1 - b)]
            for ox in 0..<outWidth { out[ox] += weight * source[ox * down + b] }
          }
        }
      }
    }
  }
}

/// `out[i] = Σ_m weights[m] · rows[m][i]` for `i < length`: a weighted sum
/// of `count` rows, four rows per sweep over `out`.
///
/// With `symmetric` (`weights[m] == weights[count − 1 − m]`, as for the
/// linear-phase low-pass filters) the rows are paired first,
/// `weights[m] · (rows[m][i] + rows[count − 1 − m][i])`, which halves the
/// multiplications.
private func weightedRowSum(
  _ rows: UnsafeMutablePointer<UnsafePointer<Float>>, weights: UnsafePointer<Float>,
  count: Int, symmetric: Bool = false, into out: UnsafeMutablePointer<Float>, length: Int
) {
  out.update(repeating: 0, count: length)
  var m = 0
  if symmetric {
    let half = count / 2
    while m + 2 <= half {
      let (w0, w1) = (weights[m], weights[m + 1])
      let (a0, b0) = (rows[m], rows[count - 1 - m])
      let (a1, b1) = (rows[m + 1], rows[count - 2 - m])
      for i in 0..<length { out[i] += w0 * (a0[i] + b0[i]) + w1 * (a1[i] + b1[i]) }
      m += 2
    }
    while m < half {
      let (w, a, b) = (weights[m], rows[m], rows[count - 1 - m])
      for i in 0..<length { out[i] += w * (a[i] + b[i]) }
      m += 1
    }
    if count % 2 == 1 {
      let (w, r) = (weights[half], rows[half])
      for i in 0..<length { out[i] += w * r[i] }
    }
    return
  }
  while m + 4 <= count {
    let (w0, w1, w2, w3) = (weights[m], weights[m + 1], weights[m + 2], weights[m + 3])
    let (r0, r1, r2, r3) = (rows[m], rows[m + 1], rows[m + 2], rows[m + 3])
    for i in 0..<length { out[i] += w0 * r0[i] + w1 * r1[i] + w2 * r2[i] + w3 * r3[i] }
    m += 4
  }
  while m < count {
    let (w, r) = (weights[m], rows[m])
    for i in 0..<length { out[i] += w * r[i] }
    m += 1
  }
}

/// The weighted sum of `count` rows `stride` apart from `first`, using
/// `pointers` (room for `count`) to list them.
private func weightedRowSum(
  _ first: UnsafePointer<Float>, stride: Int, weights: UnsafePointer<Float>, count: Int,
  symmetric: Bool = false, pointers: UnsafeMutablePointer<UnsafePointer<Float>>,
  into out: UnsafeMutablePointer<Float>, length: Int
) {
  for m in 0..<count { pointers[m] = first + m * stride }
  weightedRowSum(
    pointers, weights: weights, count: count, symmetric: symmetric, into: out, length: length)
}

/// Writes the transpose of a row-major `rows × columns` array.
private func transpose(
  _ source: UnsafePointer<Float>, rows: Int, columns: Int,
  into destination: UnsafeMutablePointer<Float>
) {
  let block = 16
  for r0 in stride(from: 0, to: rows, by: block) {
    for c0 in stride(from: 0, to: columns, by: block) {
      for r in r0..<min(r0 + block, rows) {
        for c in c0..<min(c0 + block, columns) {
          destination[c * rows + r] = source[r * columns + c]
        }
      }
    }
  }
}

/// The sizes one channel goes through.
private struct ChannelShape {
  var height: Int
  var width: Int
  var tmpHeight: Int
  var tmpWidth: Int
  var outHeight: Int
  var outWidth: Int
}

/// One worker's buffers, reused for every channel it filters; it owns and
/// frees them.
private final class ChannelScratch {
  /// The input channel plus its bias, `height × width`.
  let biased: UnsafeMutablePointer<Float>
  /// Vertically up-sampled (`tmpHeight × width`); in the radial case later
  /// the activated signal in rows (`tmpHeight × tmpWidth`).
  let tall: UnsafeMutablePointer<Float>
  /// The transpose of `tall`, `width × tmpHeight`.
  let tallTransposed: UnsafeMutablePointer<Float>
  /// Fully up-sampled and activated, transposed: a ring of `downTaps` rows
  /// of `tmpHeight` (separable), or all `tmpWidth` of them (radial).
  let activated: UnsafeMutablePointer<Float>
  /// Row addresses for the weighted row sums.
  let rowPointers: UnsafeMutablePointer<UnsafePointer<Float>>
  /// Horizontally down-sampled, transposed: `outWidth × tmpHeight`.
  let narrowTransposed: UnsafeMutablePointer<Float>
  /// Horizontally down-sampled: `tmpHeight × outWidth`.
  let narrow: UnsafeMutablePointer<Float>

  init(shape: ChannelShape, radial: Bool, taps: Int) {
    let tallCount = shape.tmpHeight * (radial ? max(shape.width, shape.tmpWidth) : shape.width)
    biased = .allocate(capacity: shape.height * shape.width)
    tall = .allocate(capacity: tallCount)
    tallTransposed = .allocate(capacity: shape.width * shape.tmpHeight)
    activated = .allocate(capacity: (radial ? shape.tmpWidth : taps) * shape.tmpHeight)
    rowPointers = .allocate(capacity: taps)
    narrowTransposed = .allocate(capacity: shape.outWidth * shape.tmpHeight)
    narrow = .allocate(capacity: shape.tmpHeight * shape.outWidth)
  }

  deinit {
    for buffer in [biased, tall, tallTransposed, activated, narrowTransposed, narrow] {
      buffer.deallocate()
    }
    rowPointers.deallocate()
  }
}

/// Zero-insertion up-sampling, padding and FIR along one axis, computed
/// polyphase.
///
/// Output `t` is `Σ_i f'[i] · u[t + i − pad]`, where `f'` is the flipped
/// filter times `up` and `u[q] = x[q / up]` when `up` divides `q` (0
/// otherwise). Only taps `i ≡ pad − t (mod up)` meet a non-zero sample, so
/// output `t` uses the phase `p = (pad − t) mod up` and the sub-filter
/// `f'[p], f'[p + up], …` against consecutive input samples.
private struct PolyphasePlan: Sendable {
  /// `phases[p · tapsPerPhase + m] = f'[p + m · up]` (0 past the end).
  var phases: [Float]
  var tapsPerPhase: Int
  /// Per output: its phase, the input index met by `m = 0`, and the range of
  /// `m` whose input index lies inside the signal.
  var phase: [Int]
  var firstInput: [Int]
  var lowerTap: [Int]
  var upperTap: [Int]

  init(filter: [Float], up: Int, padding: Int, inputCount: Int, outputCount: Int) {
    let n = filter.count
    tapsPerPhase = (n + up - 1) / up
    phases = [Float](repeating: 0, count: up * tapsPerPhase)
    for p in 0..<up {
      for m in 0..<tapsPerPhase where p + m * up < n {
        phases[p * tapsPerPhase + m] = filter[n - 1 - (p + m * up)] * Float(up)
      }
    }
    phase = []
    firstInput = []
    lowerTap = []
    upperTap = []
    for t in 0..<outputCount {
      let q = t - padding
      let p = ((-q) % up + up) % up
      let first = (q + p) / up
      phase.append(p)
      firstInput.append(first)
      lowerTap.append(max(0, -first))
      upperTap.append(min(tapsPerPhase, inputCount - first))
    }
  }

  /// Writes output row `t` of the up-sampling along the rows of a
  /// `rows × rowLength` array to `out`.
  func sumRows(
    for t: Int, from rows: UnsafePointer<Float>, rowLength: Int,
    pointers: UnsafeMutablePointer<UnsafePointer<Float>>, into out: UnsafeMutablePointer<Float>
  ) {
    let lower = lowerTap[t]
    let count = max(0, upperTap[t] - lower)
    phases.withUnsafeBufferPointer { phases in
      weightedRowSum(
        rows + (firstInput[t] + lower) * rowLength, stride: rowLength,
        weights: phases.baseAddress! + phase[t] * tapsPerPhase + lower, count: count,
        pointers: pointers, into: out, length: rowLength)
    }
  }
}
