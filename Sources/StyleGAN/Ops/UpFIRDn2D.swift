/// Up-sampling, padding and FIR filtering of feature maps, as the reference
/// `upfirdn2d` computes them (without down-sampling, which StyleGAN2
/// generators do not use).
///
/// For each axis, with input `x` of length `n`, up-sampling factor `up`,
/// padding `p0`, `p1` (negative values crop) and a filter `f` of length `t`:
///
/// 1. `u[m] = x[m / up]` when `m` is a multiple of `up`, else 0, for
///    `0 ≤ m < n · up` (zeros inserted after each sample);
/// 2. pad `u` with `p0` zeros before and `p1` after;
/// 3. correlate with the flipped filter:
///    `y[j] = gain · Σ_k f[t − 1 − k] · u[j + k − p0]`,
///    for `0 ≤ j < n · up + p0 + p1 − t + 1`.
///
/// The 2-D filter is separable, so rows are filtered first, then columns.
enum UpFIRDn2D {
  /// The padding on each side, `[x0, x1, y0, y1]` as in the reference.
  struct Padding: Equatable, Sendable {
    var x0: Int
    var x1: Int
    var y0: Int
    var y1: Int
  }

  /// Filters every channel of `x` (`[C, H, W]`).
  static func apply(
    _ x: Tensor, filter: FIRFilter, up: Int = 1, padding: Padding, gain: Float = 1
  ) -> Tensor {
    precondition(x.shape.count == 3, "upfirdn2d takes [C, H, W], got \(x.shape)")
    let (channels, height, width) = (x.shape[0], x.shape[1], x.shape[2])
    let columns = taps(
      length: width, up: up, pad0: padding.x0, pad1: padding.x1,
      filter: filter.horizontal, gain: gain)
    let rows = taps(
      length: height, up: up, pad0: padding.y0, pad1: padding.y1,
      filter: filter.vertical, gain: 1)
    let outWidth = columns.count
    let outHeight = rows.count

    // Rows: [C, H, W] → [C, H, outWidth].
    let horizontal = x.scalars.withUnsafeBufferPointer { source in
      Tensor.filled(shape: [channels, height, outWidth]) { target in
        columns.sources.withUnsafeBufferPointer { sources in
          columns.weights.withUnsafeBufferPointer { weights in
            let (src, dst) = (source.baseAddress!, target.baseAddress!)
            let (at, by, width_) = (sources.baseAddress!, weights.baseAddress!, columns.width)
            // Without up-sampling, output j reads inputs j − p0 … j − p0 + t − 1:
            // where all of them exist, the taps run as whole-row products.
            let t = filter.horizontal.count
            let interior =
              up == 1
              ? max(
                0, padding.x0)..<max(max(0, padding.x0), min(outWidth, width - t + 1 + padding.x0))
              : 0..<0
            let taps = (0..<t).map { k in gain * filter.horizontal[t - 1 - k] }
            parallelChunks(channels * height, minimumChunk: 16) { range in
              for line in range {
                let input = src + line * width
                let output = dst + line * outWidth
                for j in 0..<outWidth where !interior.contains(j) {
                  var sum: Float = 0
                  for k in j * width_..<(j + 1) * width_ {
                    sum += by[k] * input[at[k]]
                  }
                  output[j] = sum
                }
                guard !interior.isEmpty else { continue }
                let (first, last) = (interior.lowerBound, interior.upperBound)
                let shifted = input - padding.x0
                let w0 = taps[0]
                for j in first..<last {
                  output[j] = w0 * shifted[j]
                }
                for k in 1..<t {
                  let wk = taps[k]
                  let tap = shifted + k
                  for j in first..<last {
                    output[j] += wk * tap[j]
                  }
                }
              }
            }
          }
        }
      }
    }

    // Columns: [C, H, outWidth] → [C, outHeight, outWidth], a row at a time.
    return horizontal.scalars.withUnsafeBufferPointer { source in
      Tensor.filled(shape: [channels, outHeight, outWidth]) { target in
        let (src, dst) = (source.baseAddress!, target.baseAddress!)
        parallelChunks(channels * outHeight, minimumChunk: 16) { range in
          for line in range {
            let channel = line / outHeight
            let j = line % outHeight
            let out = dst + line * outWidth
            out.update(repeating: 0, count: outWidth)
            for k in j * rows.width..<(j + 1) * rows.width {
              let input = src + (channel * height + rows.sources[k]) * outWidth
              let weight = rows.weights[k]
              for index in 0..<outWidth {
                out[index] += weight * input[index]
              }
            }
          }
        }
      }
    }
  }

  /// The reference's `upsample2d`: up-sampling by 2 with padding
  /// `[(t + 1) / 2, (t − 2) / 2]` per axis and gain 4, so that an `n`-pixel
  /// axis becomes `2n` pixels.
  static func upsample2x(_ x: Tensor, filter: FIRFilter) -> Tensor {
    let (fw, fh) = (filter.horizontal.count, filter.vertical.count)
    let padding = Padding(
      x0: (fw + 1) / 2, x1: (fw - 2) / 2, y0: (fh + 1) / 2, y1: (fh - 2) / 2)
    return apply(x, filter: filter, up: 2, padding: padding, gain: 4)
  }

  /// For each output sample along one axis, the input samples it reads and
  /// their weights, `width` entries per output (zero-inserted samples and
  /// padding read sample 0 with weight 0).
  struct Taps {
    var count: Int
    var width: Int
    var sources: [Int]
    var weights: [Float]
  }

  /// The taps of one axis.
  static func taps(
    length: Int, up: Int, pad0: Int, pad1: Int, filter: [Float], gain: Float
  ) -> Taps {
    let t = filter.count
    let outLength = max(0, length * up + pad0 + pad1 - t + 1)
    var sources = [Int](repeating: 0, count: outLength * t)
    var weights = [Float](repeating: 0, count: outLength * t)
    for j in 0..<outLength {
      for k in 0..<t {
        let m = j + k - pad0
        guard m >= 0, m < length * up, m % up == 0 else {
          continue
        }
        sources[j * t + k] = m / up
        weights[j * t + k] = gain * filter[t - 1 - k]
      }
    }
    return Taps(count: outLength, width: t, sources: sources, weights: weights)
  }
}
