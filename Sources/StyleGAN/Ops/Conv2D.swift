/// Stride-1 2-D convolution (cross-correlation, as `torch.nn.functional.conv2d`)
/// of one sample, as im2col followed by one matrix product on OpenBLAS.
///
/// `y[o, r, c] = Σ_{i, a, b} w[o, i, a, b] · x[i, r + a − p, c + b − p]`,
/// with zeros outside the input. The columns are built for a band of output
/// rows at a time so the scratch matrix stays small.
enum Conv2D {
  /// The largest im2col matrix, in floats (32 MB).
  static let scratchBudget = 1 << 23

  /// Convolves `x` (`[I, H, W]`) with `weight`, a row-major `[O, I·k·k]`
  /// matrix, using `padding` zeros on each side; the result is
  /// `[O, H + 2p − k + 1, W + 2p − k + 1]`. With `inputScale`, input
  /// channel `i` is multiplied by `inputScale[i]` first (while the columns are
  /// built).
  static func apply(
    _ x: Tensor, weight: UnsafePointer<Float>, outChannels: Int, kernel: Int, padding: Int,
    inputScale: [Float]? = nil
  ) -> Tensor {
    precondition(x.shape.count == 3, "conv2d takes [C, H, W], got \(x.shape)")
    let (inChannels, height, width) = (x.shape[0], x.shape[1], x.shape[2])
    let outHeight = height + 2 * padding - kernel + 1
    let outWidth = width + 2 * padding - kernel + 1
    let pixels = outHeight * outWidth
    let depth = inChannels * kernel * kernel

    // A 1×1 convolution without padding is the product itself.
    if kernel == 1 && padding == 0 {
      let x = inputScale.map { ModulatedConv2D.scaleChannels(x, by: $0) } ?? x
      return x.scalars.withUnsafeBufferPointer { input in
        Tensor.filled(shape: [outChannels, outHeight, outWidth]) { output in
          BLAS.sgemm(
            m: outChannels, n: pixels, k: inChannels,
            a: weight, lda: inChannels, b: input.baseAddress!, ldb: pixels,
            c: output.baseAddress!, ldc: pixels)
        }
      }
    }

    let bandRows = max(1, min(outHeight, scratchBudget / max(1, depth * outWidth)))
    return x.scalars.withUnsafeBufferPointer { input in
      Tensor.filled(shape: [outChannels, outHeight, outWidth]) { output in
        ScratchBuffers.shared.withBuffer(depth * bandRows * outWidth) { col in
          let (src, dst) = (input.baseAddress!, output.baseAddress!)
          var firstRow = 0
          while firstRow < outHeight {
            let rows = min(bandRows, outHeight - firstRow)
            let band = rows * outWidth

            // im2col: row (i, a, b) of the matrix holds input channel i
            // shifted by (a − p, b − p) over the band's output pixels.
            parallelFor(inChannels) { i in
              let scale = inputScale?[i] ?? 1
              for a in 0..<kernel {
                for b in 0..<kernel {
                  let line = col + ((i * kernel + a) * kernel + b) * band
                  let shift = b - padding
                  let first = max(0, -shift)
                  let last = min(outWidth, width - shift)
                  for r in 0..<rows {
                    let sourceRow = firstRow + r + a - padding
                    let out = line + r * outWidth
                    guard sourceRow >= 0, sourceRow < height, first < last else {
                      for c in 0..<outWidth { out[c] = 0 }
                      continue
                    }
                    let source = src + (i * height + sourceRow) * width + shift
                    for c in 0..<first { out[c] = 0 }
                    for c in first..<last { out[c] = source[c] * scale }
                    for c in max(last, first)..<outWidth { out[c] = 0 }
                  }
                }
              }
            }

            BLAS.sgemm(
              m: outChannels, n: band, k: depth,
              a: weight, lda: depth, b: col, ldb: band,
              c: dst + firstRow * outWidth, ldc: pixels)
            firstRow += rows
          }
        }
      }
    }
  }
}
