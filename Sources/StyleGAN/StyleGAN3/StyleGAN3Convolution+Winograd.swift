import COpenBLAS
import Dispatch

/// Winograd's minimal filtering `F(2 × 2, 3 × 3)` for the 3 × 3 full
/// convolutions (Lavin and Gray, "Fast Algorithms for Convolutional Neural
/// Networks", 2015).
///
/// Each 2 × 2 block of outputs comes from a 4 × 4 input tile `d`:
///
///     Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A
///
///     Bᵀ = | 1  0 −1  0 |    G = | 1    0    0  |    Aᵀ = | 1  1  1  0 |
///          | 0  1  1  0 |        | ½    ½    ½  |         | 0  1 −1 −1 |
///          | 0 −1  1  0 |        | ½   −½    ½  |
///          | 0  1  0 −1 |        | 0    0    1  |
///
/// for a 3 × 3 kernel `g` (the cross-correlation, as PyTorch's `conv2d`).
/// Summed over input channels, each of the 16 element positions `ξ` is one
/// matrix product, `M_ξ = V_ξ · U_ξ`, of the transformed weights `V_ξ`
/// (`out × in`) and the transformed tiles `U_ξ` (`in × tiles`), on
/// `cblas_sgemm`: 16 products for 4 outputs instead of 36, 4/9 of the direct
/// convolution's work, with errors near float32 rounding (about 2e-6 of the
/// output's RMS over 512 channels). The larger `F(4 × 4, 3 × 3)` would do a
/// quarter of the work, but its transform coefficients cost about four
/// decimal digits (errors near 4e-5 of the RMS), too many to promise the
/// reference's output within 1e-4 on large models.
extension StyleGAN3Convolution {
  /// Transformed input tiles per band, about 16 MB.
  private static let winogradBandElements = 1 << 22

  /// The full 3 × 3 convolution of
  /// ``full(_:channels:height:width:weight:outChannels:kernel:method:)``
  /// by Winograd's method.
  static func winogradFull(
    _ x: [Float], channels: Int, height: Int, width: Int,
    weight: [Float], outChannels: Int
  ) -> [Float] {
    let (outHeight, outWidth) = (height + 2, width + 2)
    let (tilesY, tilesX) = ((outHeight + 1) / 2, (outWidth + 1) / 2)
    let workers = StyleGAN3Parallel.workers
    // Every element of y, v, u and products is written before it is read.
    var y = uninitialized(outChannels * outHeight * outWidth)

    // The input with the full padding of 2 (and up to one more row and column
    // of zeros for the last tiles): (2·tilesY + 2) × (2·tilesX + 2).
    let (paddedHeight, paddedWidth) = (2 * tilesY + 2, 2 * tilesX + 2)
    var padded = uninitialized(channels * paddedHeight * paddedWidth)
    x.withUnsafeBufferPointer { x in
      padded.withUnsafeMutableBufferPointer { padded in
        for c in 0..<channels {
          let plane = padded.baseAddress! + c * paddedHeight * paddedWidth
          plane.update(repeating: 0, count: 2 * paddedWidth)
          for row in 0..<height {
            let line = plane + (row + 2) * paddedWidth
            line.update(repeating: 0, count: 2)
            (line + 2).update(from: x.baseAddress! + (c * height + row) * width, count: width)
            (line + 2 + width).update(repeating: 0, count: paddedWidth - width - 2)
          }
          (plane + (height + 2) * paddedWidth).update(
            repeating: 0, count: (paddedHeight - height - 2) * paddedWidth)
        }
      }
    }

    // V_ξ[o, c] = (G g Gᵀ)_ξ for every kernel g = weight[o, c].
    let pairs = outChannels * channels
    var v = uninitialized(16 * pairs)
    weight.withUnsafeBufferPointer { weight in
      v.withUnsafeMutableBufferPointer { v in
        let (weight, v) = (
          StyleGAN3Parallel.Pointer(weight.baseAddress!), StyleGAN3Parallel.Pointer(v.baseAddress!)
        )
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          for pair in stride(from: worker, to: pairs, by: workers) {
            transformKernel(weight.pointer + pair * 9, into: v.pointer + pair, stride: pairs)
          }
        }
      }
    }

    // Bands of tile rows: transform the input, multiply, transform back.
    let bandTileRows = max(1, min(tilesY, winogradBandElements / (16 * channels * tilesX)))
    var u = uninitialized(16 * channels * bandTileRows * tilesX)
    var products = uninitialized(16 * outChannels * bandTileRows * tilesX)
    for firstTileRow in stride(from: 0, to: tilesY, by: bandTileRows) {
      let tileRows = min(bandTileRows, tilesY - firstTileRow)
      let tiles = tileRows * tilesX
      padded.withUnsafeBufferPointer { padded in
        u.withUnsafeMutableBufferPointer { u in
          let (padded, u) = (
            StyleGAN3Parallel.Pointer(padded.baseAddress!),
            StyleGAN3Parallel.Pointer(u.baseAddress!)
          )
          DispatchQueue.concurrentPerform(iterations: min(workers, channels)) { worker in
            let rows = UnsafeMutablePointer<Float>.allocate(capacity: 4 * paddedWidth)
            defer { rows.deallocate() }
            for c in stride(from: worker, to: channels, by: workers) {
              for band in 0..<tileRows {
                let top =
                  padded.pointer
                  + (c * paddedHeight + 2 * (firstTileRow + band)) * paddedWidth
                transformTileRow(
                  top, rowStride: paddedWidth, tilesX: tilesX, scratch: rows,
                  into: u.pointer + c * tiles + band * tilesX, stride: channels * tiles)
              }
            }
          }
        }
      }

      v.withUnsafeBufferPointer { v in
        u.withUnsafeBufferPointer { u in
          products.withUnsafeMutableBufferPointer { products in
            for position in 0..<16 {
              cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(outChannels), Int32(tiles),
                Int32(channels), 1, v.baseAddress! + position * pairs, Int32(channels),
                u.baseAddress! + position * channels * tiles, Int32(tiles), 0,
                products.baseAddress! + position * outChannels * tiles, Int32(tiles))
            }
          }
        }
      }

      products.withUnsafeBufferPointer { products in
        y.withUnsafeMutableBufferPointer { y in
          let (products, y) = (
            StyleGAN3Parallel.Pointer(products.baseAddress!),
            StyleGAN3Parallel.Pointer(y.baseAddress!)
          )
          DispatchQueue.concurrentPerform(iterations: min(workers, outChannels)) { worker in
            for o in stride(from: worker, to: outChannels, by: workers) {
              for band in 0..<tileRows {
                inverseTileRow(
                  products.pointer + o * tiles + band * tilesX, stride: outChannels * tiles,
                  tilesX: tilesX, row: 2 * (firstTileRow + band),
                  into: y.pointer + o * outHeight * outWidth, height: outHeight, width: outWidth)
              }
            }
          }
        }
      }
    }
    return y
  }

  /// Writes the 16 elements of `G g Gᵀ` for the row-major 3 × 3 kernel `g`,
  /// `stride` apart.
  @inline(__always)
  private static func transformKernel(
    _ g: UnsafeMutablePointer<Float>, into v: UnsafeMutablePointer<Float>, stride: Int
  ) {
    // q = G g (4 × 3), then q Gᵀ (4 × 4).
    var q = (
      Float(0), Float(0), Float(0), Float(0), Float(0), Float(0),
      Float(0), Float(0), Float(0), Float(0), Float(0), Float(0)
    )
    withUnsafeMutableBytes(of: &q) { raw in
      let q = raw.baseAddress!.assumingMemoryBound(to: Float.self)
      for j in 0..<3 {
        let (g0, g1, g2) = (g[j], g[3 + j], g[6 + j])
        q[j] = g0
        q[3 + j] = 0.5 * (g0 + g1 + g2)
        q[6 + j] = 0.5 * (g0 - g1 + g2)
        q[9 + j] = g2
      }
      for r in 0..<4 {
        let (q0, q1, q2) = (q[r * 3], q[r * 3 + 1], q[r * 3 + 2])
        v[(r * 4) * stride] = q0
        v[(r * 4 + 1) * stride] = 0.5 * (q0 + q1 + q2)
        v[(r * 4 + 2) * stride] = 0.5 * (q0 - q1 + q2)
        v[(r * 4 + 3) * stride] = q2
      }
    }
  }

  /// Transforms the tiles of one tile row, `Bᵀ d B` for the 4 × 4 tile at
  /// every even column of the four padded rows from `top`; element `ξ` of
  /// tile `t` goes to `u[ξ · stride + t]`.
  ///
  /// `Bᵀ d` combines whole rows at once, `(d0 − d2, d1 + d2, d2 − d1,
  /// d1 − d3)`, into `scratch` (4 rows of `2 · tilesX + 2`), shared by the
  /// overlapping tiles; `(Bᵀ d) B` makes the same combination along each row.
  @inline(__always)
  private static func transformTileRow(
    _ top: UnsafeMutablePointer<Float>, rowStride: Int, tilesX: Int,
    scratch: UnsafeMutablePointer<Float>, into u: UnsafeMutablePointer<Float>, stride: Int
  ) {
    let width = 2 * tilesX + 2
    let (r0, r1, r2, r3) = (top, top + rowStride, top + 2 * rowStride, top + 3 * rowStride)
    let (a, b, e, f) = (scratch, scratch + width, scratch + 2 * width, scratch + 3 * width)
    for i in 0..<width {
      a[i] = r0[i] - r2[i]
      b[i] = r1[i] + r2[i]
      e[i] = r2[i] - r1[i]
      f[i] = r1[i] - r3[i]
    }
    for (index, row) in [a, b, e, f].enumerated() {
      let o0 = u + 4 * index * stride
      let (o1, o2, o3) = (o0 + stride, o0 + 2 * stride, o0 + 3 * stride)
      for t in 0..<tilesX {
        let c = 2 * t
        o0[t] = row[c] - row[c + 2]
        o1[t] = row[c + 1] + row[c + 2]
        o2[t] = row[c + 2] - row[c + 1]
        o3[t] = row[c + 1] - row[c + 3]
      }
    }
  }

  /// Turns the products of one tile row back into outputs, `Aᵀ M A`, and
  /// writes the 2 × 2 blocks that lie inside the `height × width` plane.
  @inline(__always)
  private static func inverseTileRow(
    _ m: UnsafePointer<Float>, stride: Int, tilesX: Int, row: Int,
    into y: UnsafeMutablePointer<Float>, height: Int, width: Int
  ) {
    let hasSecondRow = row + 1 < height
    for t in 0..<tilesX {
      var e = (
        Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0),
        Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0)
      )
      withUnsafeMutableBytes(of: &e) { raw in
        let e = raw.baseAddress!.assumingMemoryBound(to: Float.self)
        for position in 0..<16 { e[position] = m[position * stride + t] }
        // Aᵀ M: (m0 + m1 + m2, m1 − m2 − m3) down each column.
        var top = (Float(0), Float(0), Float(0), Float(0))
        var bottom = (Float(0), Float(0), Float(0), Float(0))
        top.0 = e[0] + e[4] + e[8]
        top.1 = e[1] + e[5] + e[9]
        top.2 = e[2] + e[6] + e[10]
        top.3 = e[3] + e[7] + e[11]
        bottom.0 = e[4] - e[8] - e[12]
        bottom.1 = e[5] - e[9] - e[13]
        bottom.2 = e[6] - e[10] - e[14]
        bottom.3 = e[7] - e[11] - e[15]
        // (Aᵀ M) A along each row.
        let column = 2 * t
        let hasSecondColumn = column + 1 < width
        let out = y + row * width + column
        out[0] = top.0 + top.1 + top.2
        if hasSecondColumn { out[1] = top.1 - top.2 - top.3 }
        if hasSecondRow {
          out[width] = bottom.0 + bottom.1 + bottom.2
          if hasSecondColumn { out[width + 1] = bottom.1 - bottom.2 - bottom.3 }
        }
      }
    }
  }
}

/// An array of `count` floats whose elements the caller writes before
/// reading them (no zero fill).
private func uninitialized(_ count: Int) -> [Float] {
  [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
}
