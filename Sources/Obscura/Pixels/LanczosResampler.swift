import Foundation

/// Separable Lanczos-3 resampling with anti-ringing.
///
/// The kernel is L(x) = sinc(x) · sinc(x / 3) for |x| < 3, sinc(x) = sin(πx) / (πx),
/// widened by the scale factor when shrinking. Each output sample is the
/// normalised weighted sum of the source samples under the kernel, computed
/// on premultiplied colour, then clamped to the range of the two source
/// samples nearest to it: overshoot next to an edge (the ringing halo that
/// plain Lanczos paints on flat areas) is cut, the sharpness is kept.
enum LanczosResampler {
  /// Resamples `image` to a virtual `width × height` image and returns the
  /// `window` of it as a premultiplied ARGB32 surface.
  static func resample(
    _ image: RasterImage, toWidth width: Int, height: Int,
    window: (x: Int, y: Int, width: Int, height: Int)
  ) throws -> CairoSurface {
    let (sw, sh) = (image.width, image.height)

    // Premultiplied float source.
    var source = [Float](repeating: 0, count: sw * sh * 4)
    for i in 0..<sw * sh {
      let a = Float(image.rgba[i * 4 + 3]) / 255
      source[i * 4] = Float(image.rgba[i * 4]) * a
      source[i * 4 + 1] = Float(image.rgba[i * 4 + 1]) * a
      source[i * 4 + 2] = Float(image.rgba[i * 4 + 2]) * a
      source[i * 4 + 3] = a * 255
    }

    let columns = taps(count: window.width, offset: window.x, target: width, source: sw)
    let rows = taps(count: window.height, offset: window.y, target: height, source: sh)
    let firstRow = rows.map { $0.first }.min() ?? 0
    let lastRow = rows.map { $0.first + $0.weights.count - 1 }.max() ?? 0
    let rowCount = lastRow - firstRow + 1

    // Horizontal pass over the source rows the window needs.
    let ww = window.width
    var horizontal = [Float](repeating: 0, count: rowCount * ww * 4)
    source.withUnsafeBufferPointer { src in
      horizontal.withUnsafeMutableBufferPointer { out in
        let outBase = out.baseAddress!
        parallelFor(bandCount(rowCount)) { band in
          let bands = bandCount(rowCount)
          for r in (band * rowCount / bands)..<((band + 1) * rowCount / bands) {
            let sy = firstRow + r
            let srcRow = src.baseAddress! + sy * sw * 4
            let outRow = outBase + r * ww * 4
            for x in 0..<ww {
              let tap = columns[x]
              for c in 0..<4 {
                var sum: Float = 0
                for (k, weight) in tap.weights.enumerated() {
                  sum += weight * srcRow[clamp(tap.first + k, sw) * 4 + c]
                }
                let n0 = srcRow[tap.near0 * 4 + c]
                let n1 = srcRow[tap.near1 * 4 + c]
                outRow[x * 4 + c] = min(max(sum, min(n0, n1)), max(n0, n1))
              }
            }
          }
        }
      }
    }

    // Vertical pass into the surface.
    let surface = try CairoSurface.image(width: ww, height: window.height)
    surface.flush()
    let stride = surface.stride
    let data = surface.data
    let wh = window.height
    horizontal.withUnsafeBufferPointer { hor in
      let base = hor.baseAddress!
      parallelFor(bandCount(wh)) { band in
        let bands = bandCount(wh)
        var line = [Float](repeating: 0, count: ww * 4)
        for y in (band * wh / bands)..<((band + 1) * wh / bands) {
          let tap = rows[y]
          for i in 0..<ww * 4 { line[i] = 0 }
          for (k, weight) in tap.weights.enumerated() {
            let row = base + (clamp(tap.first + k, sh) - firstRow) * ww * 4
            for i in 0..<ww * 4 { line[i] += weight * row[i] }
          }
          let near0 = base + (tap.near0 - firstRow) * ww * 4
          let near1 = base + (tap.near1 - firstRow) * ww * 4
          let out = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(
            to: UInt32.self)
          for x in 0..<ww {
            var v: [UInt32] = [0, 0, 0, 0]
            for c in 0..<4 {
              let i = x * 4 + c
              let lo = min(near0[i], near1[i])
              let hi = max(near0[i], near1[i])
              v[c] = UInt32(min(max(line[i], lo), hi).rounded())
            }
            let a = min(v[3], 255)
            out[x] = a << 24 | min(v[0], a) << 16 | min(v[1], a) << 8 | min(v[2], a)
          }
        }
      }
    }
    surface.markDirty()
    return surface
  }

  /// The source samples and weights behind one output sample.
  struct Tap {
    /// The first source index (may be outside the image; clamped when read).
    var first: Int
    /// Normalised weights for `first`, `first + 1`, …
    var weights: [Float]
    /// The two source samples nearest to the output sample, for clamping.
    var near0: Int
    var near1: Int
  }

  /// Taps for outputs `offset ..< offset + count` of a `target`-long axis read
  /// from a `source`-long axis; output i samples source position
  /// (i + ½) · source / target − ½.
  static func taps(count: Int, offset: Int, target: Int, source: Int) -> [Tap] {
    let scale = Double(source) / Double(target)
    let filterScale = max(1, scale)
    let support = 3 * filterScale
    return (0..<count).map { i in
      let center = (Double(offset + i) + 0.5) * scale - 0.5
      let first = Int((center - support).rounded(.down)) + 1
      let last = Int((center + support).rounded(.down))
      var weights = (first...last).map { Float(lanczos3((Double($0) - center) / filterScale)) }
      let total = weights.reduce(0, +)
      if total != 0 { weights = weights.map { $0 / total } }
      let near = Int(center.rounded(.down))
      return Tap(
        first: first, weights: weights, near0: clamp(near, source),
        near1: clamp(near + 1, source))
    }
  }

  /// L(x) = sinc(x) · sinc(x / 3) inside |x| < 3, else 0.
  static func lanczos3(_ x: Double) -> Double {
    if x == 0 { return 1 }
    guard abs(x) < 3 else { return 0 }
    let px = Double.pi * x
    return 3 * sin(px) * sin(px / 3) / (px * px)
  }
}

private func clamp(_ index: Int, _ count: Int) -> Int { min(max(index, 0), count - 1) }
