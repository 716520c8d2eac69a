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
/// non-zero products), the activation is fused into the vertical pass one
/// row at a time, and only the kept outputs of the down-sampling are
/// computed. Channels run in parallel.
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
  /// - Returns: `[channels, outputSize.height, outputSize.width]`, row-major.
  public func callAsFunction(
    _ input: [Float], channels: Int, height: Int, width: Int, bias: [Float]
  ) -> [Float] {
    precondition(input.count == channels * height * width && bias.count == channels)
    let upsampled = upsampledSize(height: height, width: width)
    let output = outputSize(height: height, width: width)
    precondition(output.height > 0 && output.width > 0, "FilteredLeakyReLU: empty output")

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
          var scratch = ChannelScratch(shape: shape, radial: isRadial)
          for channel in stride(from: worker, to: channels, by: workers) {
            filterChannel(
              source.pointer + channel * height * width, bias: bias[channel],
              into: destination.pointer + channel * output.height * output.width,
              shape: shape, columns: columns, rows: rows, scratch: &scratch)
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
  private func filterChannel(
    _ x: UnsafePointer<Float>, bias: Float, into y: UnsafeMutablePointer<Float>,
    shape: ChannelShape, columns: PolyphasePlan, rows: PolyphasePlan,
    scratch: inout ChannelScratch
  ) {
    let tmpWidth = shape.tmpWidth
    let outWidth = shape.outWidth

    // Bias, then horizontal up-sampling of every input row.
    scratch.biased.withUnsafeMutableBufferPointer { biased in
      for i in 0..<(shape.height * shape.width) { biased[i] = x[i] + bias }
    }
    scratch.biased.withUnsafeBufferPointer { biased in
      scratch.wide.withUnsafeMutableBufferPointer { wide in
        for r in 0..<shape.height {
          columns.apply(
            biased.baseAddress! + r * shape.width, into: wide.baseAddress! + r * tmpWidth)
        }
      }
    }

    // Vertical up-sampling one row at a time, the activation on that row, and
    // (separable case) its horizontal down-sampling.
    let lowerBound = clamp.map { -$0 } ?? -Float.infinity
    let upperBound = clamp ?? Float.infinity
    let positiveGain = gain
    let negativeGain = gain * slope
    scratch.wide.withUnsafeBufferPointer { wide in
      scratch.row.withUnsafeMutableBufferPointer { rowBuffer in
        scratch.tall.withUnsafeMutableBufferPointer { tall in
          let row = rowBuffer.baseAddress!
          for t in 0..<shape.tmpHeight {
            for i in 0..<tmpWidth { row[i] = 0 }
            rows.accumulateRows(
              for: t, from: wide.baseAddress!, rowLength: tmpWidth, into: row)
            for i in 0..<tmpWidth {
              let v = row[i]
              let activated = v < 0 ? v * negativeGain : v * positiveGain
              row[i] = min(max(activated, lowerBound), upperBound)
            }
            switch downFilter {
            case .separable(let taps):
              downsampleRow(row, taps: taps, into: tall.baseAddress! + t * outWidth, count: outWidth)
            case .radial:
              (tall.baseAddress! + t * tmpWidth).update(from: row, count: tmpWidth)
            }
          }
        }
      }
    }

    // Vertical (separable) or 2-D (radial) down-sampling of the kept rows.
    scratch.tall.withUnsafeBufferPointer { tall in
      let tall = tall.baseAddress!
      switch downFilter {
      case .separable(let taps):
        let n = taps.count
        for oy in 0..<shape.outHeight {
          let out = y + oy * outWidth
          for i in 0..<outWidth { out[i] = 0 }
          for j in 0..<n {
            let weight = taps[n - 1 - j]
            let src = tall + (oy * down + j) * outWidth
            for i in 0..<outWidth { out[i] += weight * src[i] }
          }
        }
      case .radial(let taps, let n):
        for oy in 0..<shape.outHeight {
          for ox in 0..<outWidth {
            var sum: Float = 0
            for a in 0..<n {
              let src = tall + (oy * down + a) * tmpWidth + ox * down
              let filterRow = (n - 1 - a) * n
              for b in 0..<n { sum += taps[filterRow + n - 1 - b] * src[b] }
            }
            y[oy * outWidth + ox] = sum
          }
        }
      }
    }
  }

  /// Keeps every `down`-th output of the 1-D convolution of `row` with `taps`.
  private func downsampleRow(
    _ row: UnsafePointer<Float>, taps: [Float], into out: UnsafeMutablePointer<Float>, count: Int
  ) {
    let n = taps.count
    taps.withUnsafeBufferPointer { taps in
      for o in 0..<count {
        let src = row + o * down
        var sum: Float = 0
        for j in 0..<n { sum += taps[n - 1 - j] * src[j] }
        out[o] = sum
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

/// Per-worker buffers for one channel at a time.
private struct ChannelScratch {
  /// The input channel plus its bias, `height × width`.
  var biased: [Float]
  /// Input rows up-sampled horizontally, `height × tmpWidth`.
  var wide: [Float]
  /// One fully up-sampled, activated row, `tmpWidth`.
  var row: [Float]
  /// Activated rows down-sampled horizontally (`tmpHeight × outWidth`), or
  /// kept whole for the radial filter (`tmpHeight × tmpWidth`).
  var tall: [Float]

  init(shape: ChannelShape, radial: Bool) {
    biased = [Float](repeating: 0, count: shape.height * shape.width)
    wide = [Float](repeating: 0, count: shape.height * shape.tmpWidth)
    row = [Float](repeating: 0, count: shape.tmpWidth)
    tall = [Float](
      repeating: 0, count: shape.tmpHeight * (radial ? shape.tmpWidth : shape.outWidth))
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

  /// Up-samples one line of samples into `out`, `phase.count` long.
  func apply(_ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
    phases.withUnsafeBufferPointer { phases in
      for t in 0..<phase.count {
        let weights = phase[t] * tapsPerPhase
        let first = firstInput[t]
        var sum: Float = 0
        var m = lowerTap[t]
        while m < upperTap[t] {
          sum += phases[weights + m] * x[first + m]
          m += 1
        }
        out[t] = sum
      }
    }
  }

  /// Adds output row `t` of the up-sampling along the rows of a
  /// `rows × rowLength` array to `out`.
  func accumulateRows(
    for t: Int, from rows: UnsafePointer<Float>, rowLength: Int,
    into out: UnsafeMutablePointer<Float>
  ) {
    let weights = phase[t] * tapsPerPhase
    let first = firstInput[t]
    for m in lowerTap[t]..<max(lowerTap[t], upperTap[t]) {
      let weight = phases[weights + m]
      let src = rows + (first + m) * rowLength
      for i in 0..<rowLength { out[i] += weight * src[i] }
    }
  }
}
