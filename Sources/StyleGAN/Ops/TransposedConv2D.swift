/// Stride-2 transposed 2-D convolution of one sample without padding, as
/// `torch.nn.functional.conv_transpose2d(x, w, stride=2)` computes it, by one
/// matrix product on OpenBLAS followed by col2im.
///
/// Every input pixel scatters a `k × k` patch:
/// `y[o, 2r + a, 2c + b] += Σ_i w[i, o, a, b] · x[i, r, c]`, so an
/// `H × W` input gives `(2H + k − 2) × (2W + k − 2)`.
enum TransposedConv2D {
  /// Convolves `x` (`[I, H, W]`) with `weight`, a row-major `[O·k·k, I]`
  /// matrix whose row `(o, a, b)` holds `w[·, o, a, b]`.
  static func apply(
    _ x: Tensor, weight: UnsafePointer<Float>, outChannels: Int, kernel: Int
  ) -> Tensor {
    precondition(x.shape.count == 3, "conv_transpose2d takes [C, H, W], got \(x.shape)")
    let (inChannels, height, width) = (x.shape[0], x.shape[1], x.shape[2])
    let outHeight = 2 * (height - 1) + kernel
    let outWidth = 2 * (width - 1) + kernel
    let taps = kernel * kernel
    let rowsOfProduct = outChannels * taps
    let bandRows = max(1, min(height, Conv2D.scratchBudget / max(1, rowsOfProduct * width)))
    return x.scalars.withUnsafeBufferPointer { input in
      Tensor.filled(shape: [outChannels, outHeight, outWidth]) { output in
        ScratchBuffers.shared.withBuffer(rowsOfProduct * bandRows * width) { col in
          let (src, dst) = (input.baseAddress!, output.baseAddress!)
          var firstRow = 0
          while firstRow < height {
            let rows = min(bandRows, height - firstRow)
            let band = rows * width

            // Patches: col[(o, a, b), pixel] = Σ_i w[i, o, a, b] · x[i, pixel].
            BLAS.sgemm(
              m: rowsOfProduct, n: band, k: inChannels,
              a: weight, lda: inChannels, b: src + firstRow * width, ldb: height * width,
              c: col, ldc: band)

            // col2im: add each patch at twice its pixel's position.
            // The first band clears each plane just before adding to it.
            parallelFor(outChannels) { o in
              let plane = dst + o * outHeight * outWidth
              if firstRow == 0 {
                plane.update(repeating: 0, count: outHeight * outWidth)
              }
              for a in 0..<kernel {
                for b in 0..<kernel {
                  let line = col + ((o * kernel + a) * kernel + b) * band
                  for r in 0..<rows {
                    let out = plane + (2 * (firstRow + r) + a) * outWidth + b
                    let patch = line + r * width
                    for c in 0..<width {
                      out[2 * c] += patch[c]
                    }
                  }
                }
              }
            }
            firstRow += rows
          }
        }
      }
    }
  }
}
