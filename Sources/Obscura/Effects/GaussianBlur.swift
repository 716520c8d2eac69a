import CCairo
import Foundation

/// A Gaussian blur on a premultiplied ARGB32 surface, in place.
///
/// Three successive box blurs approximate a Gaussian of standard deviation
/// σ (the box widths come from σ² = Σ (wᵢ² − 1) / 12 over the three boxes);
/// each box blur is separable, rows then columns, and runs on all cores.
/// Pixels outside the image count as transparent. For σ above 6 px the
/// image is first reduced by f = ⌊σ / 3⌋ with Cairo's box filter, blurred
/// at σ / f and enlarged back bilinearly; at those radii the difference is
/// below one level and the cost drops by f².
enum GaussianBlur {
  /// Blurs `surface` with standard deviation `sigma` pixels.
  static func apply(to surface: CairoSurface, sigma: Double) throws {
    guard sigma >= 0.35 else { return }
    let factor = sigma > 6 ? Int(sigma / 3) : 1
    if factor == 1 {
      blurInPlace(surface, sigma: sigma)
      return
    }
    let (width, height) = (surface.width, surface.height)
    let small = try CairoSurface.image(
      width: (width + factor - 1) / factor, height: (height + factor - 1) / factor)
    do {
      let cr = try CairoContext(small)
      cairo_scale(cr.pointer, 1 / Double(factor), 1 / Double(factor))
      cairo_set_source_surface(cr.pointer, surface.pointer, 0, 0)
      cairo_pattern_set_filter(cairo_get_source(cr.pointer), CAIRO_FILTER_GOOD)
      cairo_set_operator(cr.pointer, CAIRO_OPERATOR_SOURCE)
      cairo_paint(cr.pointer)
      try cr.check("reducing a layer for blur")
    }
    blurInPlace(small, sigma: sigma / Double(factor))
    let cr = try CairoContext(surface)
    cairo_scale(cr.pointer, Double(factor), Double(factor))
    cairo_set_source_surface(cr.pointer, small.pointer, 0, 0)
    cairo_pattern_set_filter(cairo_get_source(cr.pointer), CAIRO_FILTER_BILINEAR)
    cairo_pattern_set_extend(cairo_get_source(cr.pointer), CAIRO_EXTEND_PAD)
    cairo_set_operator(cr.pointer, CAIRO_OPERATOR_SOURCE)
    cairo_paint(cr.pointer)
    try cr.check("enlarging a blurred layer")
  }

  /// The three box widths whose successive blur approximates σ:
  /// w_ideal = √(12σ²/3 + 1), wl = the odd integer at or below it, wu = wl + 2,
  /// and m = round((12σ² − 3wl² − 12wl − 9) / (−4wl − 4)) boxes use wl.
  static func boxSizes(sigma: Double) -> [Int] {
    let n = 3.0
    let ideal = (12 * sigma * sigma / n + 1).squareRoot()
    var lower = Int(ideal.rounded(.down))
    if lower % 2 == 0 { lower -= 1 }
    let upper = lower + 2
    let l = Double(lower)
    let m = ((12 * sigma * sigma - n * l * l - 4 * n * l - 3 * n) / (-4 * l - 4)).rounded()
    return (0..<3).map { Double($0) < m ? lower : upper }
  }

  private static func blurInPlace(_ surface: CairoSurface, sigma: Double) {
    surface.flush()
    let (width, height, stride) = (surface.width, surface.height, surface.stride)
    let data = surface.data
    for size in boxSizes(sigma: sigma) where size > 1 {
      let radius = (size - 1) / 2
      horizontal(data, width: width, height: height, stride: stride, radius: radius)
      vertical(data, width: width, height: height, stride: stride, radius: radius)
    }
    surface.markDirty()
  }

  /// One box blur of every row: out[x] = Σ in[x−r … x+r] / (2r + 1).
  private static func horizontal(
    _ data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int, radius: Int
  ) {
    let bands = bandCount(height)
    let size = UInt32(2 * radius + 1)
    let half = size / 2
    parallelFor(bands) { band in
      var line = [UInt8](repeating: 0, count: width * 4)
      for y in (band * height / bands)..<((band + 1) * height / bands) {
        let row = data + y * stride
        line.withUnsafeMutableBufferPointer { copy in
          copy.baseAddress!.update(from: row, count: width * 4)
        }
        var sums: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        for x in 0..<min(radius, width) {
          sums.0 += UInt32(line[x * 4])
          sums.1 += UInt32(line[x * 4 + 1])
          sums.2 += UInt32(line[x * 4 + 2])
          sums.3 += UInt32(line[x * 4 + 3])
        }
        for x in 0..<width {
          let incoming = x + radius
          if incoming < width {
            sums.0 += UInt32(line[incoming * 4])
            sums.1 += UInt32(line[incoming * 4 + 1])
            sums.2 += UInt32(line[incoming * 4 + 2])
            sums.3 += UInt32(line[incoming * 4 + 3])
          }
          row[x * 4] = UInt8((sums.0 + half) / size)
          row[x * 4 + 1] = UInt8((sums.1 + half) / size)
          row[x * 4 + 2] = UInt8((sums.2 + half) / size)
          row[x * 4 + 3] = UInt8((sums.3 + half) / size)
          let outgoing = x - radius
          if outgoing >= 0 {
            sums.0 -= UInt32(line[outgoing * 4])
            sums.1 -= UInt32(line[outgoing * 4 + 1])
            sums.2 -= UInt32(line[outgoing * 4 + 2])
            sums.3 -= UInt32(line[outgoing * 4 + 3])
          }
        }
      }
    }
  }

  /// One box blur of every column, in blocks of 32 columns for cache locality.
  private static func vertical(
    _ data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int, radius: Int
  ) {
    let blockWidth = 32
    let blocks = (width + blockWidth - 1) / blockWidth
    let size = UInt32(2 * radius + 1)
    let half = size / 2
    parallelFor(blocks) { block in
      let x0 = block * blockWidth
      let bytes = min(blockWidth, width - x0) * 4
      var column = [UInt8](repeating: 0, count: height * bytes)
      var sums = [UInt32](repeating: 0, count: bytes)
      column.withUnsafeMutableBufferPointer { copy in
        let c = copy.baseAddress!
        for y in 0..<height {
          (c + y * bytes).update(from: data + y * stride + x0 * 4, count: bytes)
        }
        sums.withUnsafeMutableBufferPointer { s in
          for y in 0..<min(radius, height) {
            for i in 0..<bytes { s[i] += UInt32(c[y * bytes + i]) }
          }
          for y in 0..<height {
            let incoming = y + radius
            if incoming < height {
              for i in 0..<bytes { s[i] += UInt32(c[incoming * bytes + i]) }
            }
            let out = data + y * stride + x0 * 4
            for i in 0..<bytes { out[i] = UInt8((s[i] + half) / size) }
            let outgoing = y - radius
            if outgoing >= 0 {
              for i in 0..<bytes { s[i] -= UInt32(c[outgoing * bytes + i]) }
            }
          }
        }
      }
    }
  }
}
