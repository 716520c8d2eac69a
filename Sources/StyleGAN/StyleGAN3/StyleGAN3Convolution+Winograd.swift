import COpenBLAS
import Dispatch

/// Winograd's minimal filtering for the 3 × 3 full convolutions.
///
/// `F(m × m, 3 × 3)` computes an `m × m` block of outputs from an
/// `α × α` input tile (`α = m + 2`) with `α²` products instead of `9 m²`:
///
///     Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A
///
/// for a 3 × 3 kernel `g` and input tile `d` (the cross-correlation, as
/// PyTorch's `conv2d`). Summed over input channels, each of the `α²`
/// element positions is one matrix product: `M_ξ = V_ξ · U_ξ` with the
/// transformed weights `V_ξ` (`out × in`) and the transformed input tiles
/// `U_ξ` (`in × tiles`), on `cblas_sgemm` (Lavin and Gray, "Fast Algorithms
/// for Convolutional Neural Networks", 2015).
///
/// The engine uses `F(2 × 2, 3 × 3)`: 16 products for 4 outputs, 4/9 of the
/// direct convolution's multiply-adds, with errors near float32 rounding
/// (about 2e-6 of the output's RMS over 512 channels). `F(4 × 4, 3 × 3)`
/// needs only a quarter, but its larger transform coefficients cost about
/// four decimal digits, too many to promise the reference's output within
/// 1e-4 on large models.
extension StyleGAN3Convolution {
  /// The transform matrices of one `F(m × m, 3 × 3)`, row-major.
  struct Winograd: Sendable {
    /// Outputs per tile side.
    var m: Int
    /// Input tile side, `m + 2`.
    var alpha: Int { m + 2 }
    /// `Bᵀ`, `α × α`.
    var bt: [Float]
    /// `G`, `α × 3`.
    var g: [Float]
    /// `Aᵀ`, `m × α`.
    var at: [Float]

    /// `F(2 × 2, 3 × 3)`: interpolation points 0, ±1 and ∞.
    static let f2x2 = Winograd(
      m: 2,
      bt: [
        1, 0, -1, 0,
        0, 1, 1, 0,
        0, -1, 1, 0,
        0, 1, 0, -1,
      ],
      g: [
        1, 0, 0,
        0.5, 0.5, 0.5,
        0.5, -0.5, 0.5,
        0, 0, 1,
      ],
      at: [
        1, 1, 1, 0,
        0, 1, -1, -1,
      ])

    /// `F(4 × 4, 3 × 3)`: interpolation points 0, ±1, ±2 and ∞.
    static let f4x4 = Winograd(
      m: 4,
      bt: [
        4, 0, -5, 0, 1, 0,
        0, -4, -4, 1, 1, 0,
        0, 4, -4, -1, 1, 0,
        0, -2, -1, 2, 1, 0,
        0, 2, -1, -2, 1, 0,
        0, 4, 0, -5, 0, 1,
      ],
      g: [
        1.0 / 4, 0, 0,
        -1.0 / 6, -1.0 / 6, -1.0 / 6,
        -1.0 / 6, 1.0 / 6, -1.0 / 6,
        1.0 / 24, 1.0 / 12, 1.0 / 6,
        1.0 / 24, -1.0 / 12, 1.0 / 6,
        0, 0, 1,
      ],
      at: [
        1, 1, 1, 1, 1, 0,
        0, 1, -1, 2, -2, 0,
        0, 1, 1, 4, 4, 0,
        0, 1, -1, 8, -8, 1,
      ])
  }

  /// Transformed input tiles per band, about 16 MB.
  private static let winogradBandElements = 1 << 22

  /// The full 3 × 3 convolution of ``full(_:channels:height:width:weight:outChannels:kernel:)``
  /// by Winograd's method.
  static func winogradFull(
    _ x: [Float], channels: Int, height: Int, width: Int,
    weight: [Float], outChannels: Int, transform: Winograd = .f2x2
  ) -> [Float] {
    let (m, alpha) = (transform.m, transform.alpha)
    let positions = alpha * alpha
    let (outHeight, outWidth) = (height + 2, width + 2)
    let (tilesY, tilesX) = ((outHeight + m - 1) / m, (outWidth + m - 1) / m)
    var y = [Float](repeating: 0, count: outChannels * outHeight * outWidth)

    // V_ξ[o, c] = (G g Gᵀ)_ξ for every kernel g = weight[o, c].
    var v = [Float](repeating: 0, count: positions * outChannels * channels)
    let pairs = outChannels * channels
    let workers = StyleGAN3Parallel.workers
    weight.withUnsafeBufferPointer { weight in
      v.withUnsafeMutableBufferPointer { v in
        let (weight, v) = (StyleGAN3Parallel.Pointer(weight.baseAddress!),
          StyleGAN3Parallel.Pointer(v.baseAddress!))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          var gg = [Float](repeating: 0, count: alpha * 3)
          for pair in stride(from: worker, to: pairs, by: workers) {
            let kernel = weight.pointer + pair * 9
            for r in 0..<alpha {
              for j in 0..<3 {
                var sum: Float = 0
                for k in 0..<3 { sum += transform.g[r * 3 + k] * kernel[k * 3 + j] }
                gg[r * 3 + j] = sum
              }
            }
            for r in 0..<alpha {
              for s in 0..<alpha {
                var sum: Float = 0
                for k in 0..<3 { sum += gg[r * 3 + k] * transform.g[s * 3 + k] }
                v.pointer[(r * alpha + s) * pairs + pair] = sum
              }
            }
          }
        }
      }
    }

    // Bands of tile rows: transform the input, multiply, transform back.
    let bandTileRows = max(1, min(tilesY, winogradBandElements / (positions * channels * tilesX)))
    var u = [Float](repeating: 0, count: positions * channels * bandTileRows * tilesX)
    var products = [Float](repeating: 0, count: positions * outChannels * bandTileRows * tilesX)
    var firstTileRow = 0
    while firstTileRow < tilesY {
      let tileRows = min(bandTileRows, tilesY - firstTileRow)
      let tiles = tileRows * tilesX
      transformInput(
        x, channels: channels, height: height, width: width, transform: transform,
        firstTileRow: firstTileRow, tileRows: tileRows, tilesX: tilesX, into: &u)

      v.withUnsafeBufferPointer { v in
        u.withUnsafeBufferPointer { u in
          products.withUnsafeMutableBufferPointer { products in
            for position in 0..<positions {
              cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(outChannels), Int32(tiles),
                Int32(channels), 1, v.baseAddress! + position * pairs, Int32(channels),
                u.baseAddress! + position * channels * tiles, Int32(tiles), 0,
                products.baseAddress! + position * outChannels * tiles, Int32(tiles))
            }
          }
        }
      }

      transformOutput(
        products, outChannels: outChannels, outHeight: outHeight, outWidth: outWidth,
        transform: transform, firstTileRow: firstTileRow, tileRows: tileRows, tilesX: tilesX,
        into: &y)
      firstTileRow += tileRows
    }
    return y
  }

  /// `U_ξ[c, t] = (Bᵀ d B)_ξ` for the input tile `d` of every channel `c`
  /// and tile `t` of the band (zero outside the input: the full padding of 2).
  private static func transformInput(
    _ x: [Float], channels: Int, height: Int, width: Int, transform: Winograd,
    firstTileRow: Int, tileRows: Int, tilesX: Int, into u: inout [Float]
  ) {
    let (m, alpha) = (transform.m, transform.alpha)
    let tiles = tileRows * tilesX
    let stride = channels * tiles
    let workers = min(channels, StyleGAN3Parallel.workers)
    x.withUnsafeBufferPointer { x in
      u.withUnsafeMutableBufferPointer { u in
        let (x, u) = (StyleGAN3Parallel.Pointer(x.baseAddress!),
          StyleGAN3Parallel.Pointer(u.baseAddress!))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          var d = [Float](repeating: 0, count: alpha * alpha)
          var btd = [Float](repeating: 0, count: alpha * alpha)
          for c in Swift.stride(from: worker, to: channels, by: workers) {
            let plane = x.pointer + c * height * width
            for tile in 0..<tiles {
              let top = (firstTileRow + tile / tilesX) * m - 2
              let left = (tile % tilesX) * m - 2
              for r in 0..<alpha {
                let row = top + r
                for s in 0..<alpha {
                  let column = left + s
                  d[r * alpha + s] =
                    row >= 0 && row < height && column >= 0 && column < width
                    ? plane[row * width + column] : 0
                }
              }
              multiply(transform.bt, d, into: &btd, rows: alpha, inner: alpha, columns: alpha)
              // (Bᵀ d) B: row r of the result is Σ_k btd[r, k] · Bᵀ[s, k].
              let base = u.pointer + c * tiles + tile
              for r in 0..<alpha {
                for s in 0..<alpha {
                  var sum: Float = 0
                  for k in 0..<alpha where transform.bt[s * alpha + k] != 0 {
                    sum += btd[r * alpha + k] * transform.bt[s * alpha + k]
                  }
                  base[(r * alpha + s) * stride] = sum
                }
              }
            }
          }
        }
      }
    }
  }

  /// `y[o, block t] = Aᵀ M A` with `M_ξ = products_ξ[o, t]`, kept where the
  /// block lies inside the output.
  private static func transformOutput(
    _ products: [Float], outChannels: Int, outHeight: Int, outWidth: Int, transform: Winograd,
    firstTileRow: Int, tileRows: Int, tilesX: Int, into y: inout [Float]
  ) {
    let (m, alpha) = (transform.m, transform.alpha)
    let tiles = tileRows * tilesX
    let stride = outChannels * tiles
    let workers = min(outChannels, StyleGAN3Parallel.workers)
    products.withUnsafeBufferPointer { products in
      y.withUnsafeMutableBufferPointer { y in
        let (products, y) = (StyleGAN3Parallel.Pointer(products.baseAddress!),
          StyleGAN3Parallel.Pointer(y.baseAddress!))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          var tileProducts = [Float](repeating: 0, count: alpha * alpha)
          var atm = [Float](repeating: 0, count: m * alpha)
          for o in Swift.stride(from: worker, to: outChannels, by: workers) {
            let plane = y.pointer + o * outHeight * outWidth
            for tile in 0..<tiles {
              let base = products.pointer + o * tiles + tile
              for position in 0..<(alpha * alpha) {
                tileProducts[position] = base[position * stride]
              }
              multiply(transform.at, tileProducts, into: &atm, rows: m, inner: alpha, columns: alpha)
              let top = (firstTileRow + tile / tilesX) * m
              let left = (tile % tilesX) * m
              for r in 0..<m where top + r < outHeight {
                for s in 0..<m where left + s < outWidth {
                  var sum: Float = 0
                  for k in 0..<alpha { sum += atm[r * alpha + k] * transform.at[s * alpha + k] }
                  plane[(top + r) * outWidth + left + s] = sum
                }
              }
            }
          }
        }
      }
    }
  }

  /// `c = a · b` for small row-major matrices, skipping zeros of `a`.
  @inline(__always)
  private static func multiply(
    _ a: [Float], _ b: [Float], into c: inout [Float], rows: Int, inner: Int, columns: Int
  ) {
    for r in 0..<rows {
      for s in 0..<columns { c[r * columns + s] = 0 }
      for k in 0..<inner {
        let factor = a[r * inner + k]
        if factor == 0 { continue }
        for s in 0..<columns { c[r * columns + s] += factor * b[k * columns + s] }
      }
    }
  }
}
