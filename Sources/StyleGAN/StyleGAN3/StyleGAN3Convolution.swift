import COpenBLAS
import Dispatch

/// The "full" 2-D convolution of StyleGAN3's layers (padding `k − 1` on every
/// side, so the output grows by `k − 1`), as matrix products on OpenBLAS.
///
///     y[o, v, u] = Σ_{c, i, j} w[o, c, i, j] · x[c, v + i − (k − 1), u + j − (k − 1)]
///
/// (cross-correlation, as PyTorch's `conv2d`; samples outside `x` are 0).
/// 3 × 3 kernels use Winograd's minimal filtering (4/9 of the
/// multiply-adds); other kernels unfold the input (im2col) a band of output
/// rows at a time, so the unfolded matrix stays a few megabytes however
/// large the layer, and each band is one `cblas_sgemm`.
enum StyleGAN3Convolution {
  /// Elements of the unfolded matrix per band, about 4 MB.
  private static let bandElements = 1 << 20

  /// How a convolution is computed.
  enum Method: Sendable {
    /// Winograd's `F(2 × 2, 3 × 3)` for 3 × 3 kernels, im2col otherwise.
    case automatic
    /// im2col and one matrix product per band, for any kernel.
    case im2col
  }

  /// Convolves `x`, `[channels, height, width]`, with `weight`,
  /// `[outChannels, channels, kernel, kernel]`.
  ///
  /// - Returns: `[outChannels, height + kernel − 1, width + kernel − 1]`.
  static func full(
    _ x: [Float], channels: Int, height: Int, width: Int,
    weight: [Float], outChannels: Int, kernel: Int, method: Method = .automatic
  ) -> [Float] {
    let outHeight = height + kernel - 1
    let outWidth = width + kernel - 1
    let depth = channels * kernel * kernel
    precondition(x.count == channels * height * width && weight.count == outChannels * depth)
    var y = [Float](repeating: 0, count: outChannels * outHeight * outWidth)

    // A 1 × 1 kernel needs no unfolding: y = W · x.
    if kernel == 1 {
      multiply(
        weight, x, into: &y, offset: 0, m: outChannels, n: height * width, k: channels,
        ldc: height * width)
      return y
    }

    if kernel == 3 && method == .automatic {
      return winogradFull(
        x, channels: channels, height: height, width: width, weight: weight,
        outChannels: outChannels)
    }

    let bandRows = max(1, min(outHeight, bandElements / (depth * outWidth)))
    var columns = [Float](repeating: 0, count: depth * bandRows * outWidth)
    var top = 0
    while top < outHeight {
      let rows = min(bandRows, outHeight - top)
      unfold(
        x, channels: channels, height: height, width: width, kernel: kernel,
        top: top, rows: rows, into: &columns)
      multiply(
        weight, columns, into: &y, offset: top * outWidth, m: outChannels,
        n: rows * outWidth, k: depth, ldc: outHeight * outWidth)
      top += rows
    }
    return y
  }

  /// Writes output rows `top ..< top + rows` of the unfolded input:
  ///
  ///     columns[(c·k + i)·k + j, r·outWidth + u]
  ///       = x[c, top + r + i − (k−1), u + j − (k−1)]
  private static func unfold(
    _ x: [Float], channels: Int, height: Int, width: Int, kernel: Int,
    top: Int, rows: Int, into columns: inout [Float]
  ) {
    let outWidth = width + kernel - 1
    let pad = kernel - 1
    let bandCount = rows * outWidth
    let workers = min(channels, StyleGAN3Parallel.workers)
    x.withUnsafeBufferPointer { source in
      columns.withUnsafeMutableBufferPointer { destination in
        let source = StyleGAN3Parallel.Pointer(source.baseAddress!)
        let destination = StyleGAN3Parallel.Pointer(destination.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          for c in stride(from: worker, to: channels, by: workers) {
            let plane = source.pointer + c * height * width
            for i in 0..<kernel {
              for j in 0..<kernel {
                let line = destination.pointer + ((c * kernel + i) * kernel + j) * bandCount
                // Columns u with 0 <= u + j - pad < width.
                let first = max(0, pad - j)
                let last = min(outWidth, width + pad - j)
                for r in 0..<rows {
                  let out = line + r * outWidth
                  let sourceRow = top + r + i - pad
                  guard sourceRow >= 0, sourceRow < height, first < last else {
                    out.update(repeating: 0, count: outWidth)
                    continue
                  }
                  out.update(repeating: 0, count: first)
                  (out + first).update(
                    from: plane + sourceRow * width + first + j - pad, count: last - first)
                  (out + last).update(repeating: 0, count: outWidth - last)
                }
              }
            }
          }
        }
      }
    }
  }

  /// `C[offset…] = A · B` for row-major `A: m × k`, `B: k × n`, with `ldc`
  /// between rows of `C` (`cblas_sgemm`).
  private static func multiply(
    _ a: [Float], _ b: [Float], into c: inout [Float], offset: Int,
    m: Int, n: Int, k: Int, ldc: Int
  ) {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
            1, a.baseAddress, Int32(k), b.baseAddress, Int32(n),
            0, c.baseAddress! + offset, Int32(ldc))
        }
      }
    }
  }
}
