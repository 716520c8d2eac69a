import Foundation

/// Enlarges (or reduces) an image to poster pixels: separable Lanczos-3 with
/// anti-ringing, or nearest neighbour.
///
/// Lanczos works in float on premultiplied colour, one axis at a time:
/// rows first (only the source rows the output needs), then columns. After
/// each pass every sample is clamped to the range of the two source samples
/// nearest to it along that axis, so the result always lies within the
/// minimum and maximum of the 2 × 2 source pixels around it: flat areas stay
/// exactly flat and a hard edge gets no overshoot (the halo plain Lanczos
/// paints), while the kernel's sharpness is kept between them. Values are the
/// image's encoded 8-bit levels as floats (no gamma linearisation).
///
/// The output is a *window* of a virtual `width × height` image, so a
/// placement that crops (fit `cover`) resamples only what shows. Both passes
/// run on every core (`DispatchQueue.concurrentPerform`).
///
///     let placed = try Resampler(filter: .lanczos).resample(
///       image, toWidth: 3508, height: 4961)
public struct Resampler: Sendable {
  /// The filter used: ``ResamplingFilter/lanczos`` or ``ResamplingFilter/nearest``;
  /// ``ResamplingFilter/smooth`` is treated as Lanczos here.
  public var filter: ResamplingFilter

  /// Creates a resampler.
  public init(filter: ResamplingFilter = .lanczos) { self.filter = filter }

  /// A rectangle of output pixels.
  public struct Window: Sendable, Equatable {
    /// The left column.
    public var x: Int
    /// The top row.
    public var y: Int
    /// The number of columns.
    public var width: Int
    /// The number of rows.
    public var height: Int

    /// Creates a window.
    public init(x: Int, y: Int, width: Int, height: Int) {
      self.x = x
      self.y = y
      self.width = width
      self.height = height
    }
  }

  /// Resamples `image` to `width × height` and returns `window` of it
  /// (the whole image when `nil`) with straight alpha.
  public func resample(
    _ image: RasterImage, toWidth width: Int, height: Int, window: Window? = nil
  ) throws -> RasterImage {
    let window = window ?? Window(x: 0, y: 0, width: width, height: height)
    guard width > 0, height > 0, window.width > 0, window.height > 0 else {
      throw ObscuraError.invalidRaster(width: window.width, height: window.height, byteCount: 0)
    }
    var bytes = [UInt8](repeating: 0, count: window.width * window.height * 4)
    bytes.withUnsafeMutableBytes { buffer in
      render(
        image, toWidth: width, height: height, window: window,
        into: buffer.baseAddress!, stride: window.width * 4, format: .straightRGBA)
    }
    return try RasterImage(
      width: window.width, height: window.height, rgba: bytes, dpi: nil)
  }

  /// How ``render(_:toWidth:height:window:into:stride:format:)`` stores pixels.
  enum PixelFormat {
    /// R, G, B, A bytes with straight alpha.
    case straightRGBA
    /// Native-endian 32-bit words α≪24 | R≪16 | G≪8 | B, colour premultiplied
    /// (Cairo's `CAIRO_FORMAT_ARGB32`).
    case premultipliedARGB32
  }

  /// Resamples into caller-owned memory: `window.height` rows of `stride` bytes.
  func render(
    _ image: RasterImage, toWidth width: Int, height: Int, window: Window,
    into target: UnsafeMutableRawPointer, stride: Int, format: PixelFormat
  ) {
    if filter == .nearest {
      renderNearest(
        image, toWidth: width, height: height, window: window,
        into: target, stride: stride, format: format)
      return
    }
    let columns = ResamplingTaps(
      lanczosFor: window.width, offset: window.x, target: width, source: image.width)
    let rows = ResamplingTaps(
      lanczosFor: window.height, offset: window.y, target: height, source: image.height)
    let source = premultipliedSamples(image)
    let (sw, wh, ww) = (image.width, window.height, window.width)

    // Pass 1: every output row at the source's width, padded on both sides
    // with copies of the edge samples so that pass 2 reads its taps as one
    // run of consecutive samples.
    let (before, after) = columns.overhang
    let padded = before + sw + after
    var vertical = [SIMD4<Float>](repeating: .zero, count: wh * padded)
    source.withUnsafeBufferPointer { src in
      vertical.withUnsafeMutableBufferPointer { out in
        let (src, out) = (src.baseAddress!, out.baseAddress!)
        parallelFor(bandCount(wh)) { band in
          let bands = bandCount(wh)
          for y in (band * wh / bands)..<((band + 1) * wh / bands) {
            let line = out + y * padded
            let low = src + Int(rows.near0[y]) * sw
            let high = src + Int(rows.near1[y]) * sw
            for x in 0..<sw {
              var sum = SIMD4<Float>.zero
              for k in 0..<rows.width {
                let index = Int(rows.indices[y * rows.width + k])
                sum += rows.weights[y * rows.width + k] * src[index * sw + x]
              }
              line[before + x] = clampedBetween(sum, low[x], high[x])
            }
            for x in 0..<before { line[x] = line[before] }
            for x in 0..<after { line[before + sw + x] = line[before + sw - 1] }
          }
        }
      }
    }

    // Pass 2: along each row, clamped to the two nearest samples, packed.
    vertical.withUnsafeBufferPointer { rowsOut in
      let base = rowsOut.baseAddress!
      columns.first.withUnsafeBufferPointer { first in
        columns.weights.withUnsafeBufferPointer { weights in
          columns.near0.withUnsafeBufferPointer { near0 in
            columns.near1.withUnsafeBufferPointer { near1 in
              let taps = HorizontalTaps(
                width: columns.width, offset: before, first: first.baseAddress!,
                weights: weights.baseAddress!, near0: near0.baseAddress!,
                near1: near1.baseAddress!)
              parallelFor(bandCount(wh)) { band in
                let bands = bandCount(wh)
                for y in (band * wh / bands)..<((band + 1) * wh / bands) {
                  filterRow(
                    base + y * padded, taps, count: ww, into: target + y * stride,
                    format: format)
                }
              }
            }
          }
        }
      }
    }
  }

  /// Nearest neighbour: each output pixel copies one source pixel.
  private func renderNearest(
    _ image: RasterImage, toWidth width: Int, height: Int, window: Window,
    into target: UnsafeMutableRawPointer, stride: Int, format: PixelFormat
  ) {
    let columns = ResamplingTaps(
      nearestFor: window.width, offset: window.x, target: width, source: image.width)
    let rows = ResamplingTaps(
      nearestFor: window.height, offset: window.y, target: height, source: image.height)
    image.rgba.withUnsafeBufferPointer { rgba in
      let rgba = rgba.baseAddress!
      let wh = window.height
      parallelFor(bandCount(wh)) { band in
        let bands = bandCount(wh)
        for y in (band * wh / bands)..<((band + 1) * wh / bands) {
          let line = rgba + Int(rows.indices[y]) * image.width * 4
          let out = target + y * stride
          for x in 0..<window.width {
            let p = line + Int(columns.indices[x]) * 4
            switch format {
            case .straightRGBA:
              let o = out.assumingMemoryBound(to: UInt8.self) + x * 4
              o[0] = p[0]
              o[1] = p[1]
              o[2] = p[2]
              o[3] = p[3]
            case .premultipliedARGB32:
              let a = UInt32(p[3])
              let r = (UInt32(p[0]) * a + 127) / 255
              let g = (UInt32(p[1]) * a + 127) / 255
              let b = (UInt32(p[2]) * a + 127) / 255
              out.assumingMemoryBound(to: UInt32.self)[x] = a << 24 | r << 16 | g << 8 | b
            }
          }
        }
      }
    }
  }
}

/// The image as premultiplied float samples (R·α, G·α, B·α, α·255) with α = A / 255.
private func premultipliedSamples(_ image: RasterImage) -> [SIMD4<Float>] {
  var samples = [SIMD4<Float>](repeating: .zero, count: image.width * image.height)
  image.rgba.withUnsafeBufferPointer { rgba in
    for i in 0..<samples.count {
      let a = Float(rgba[i * 4 + 3]) / 255
      samples[i] = SIMD4(
        Float(rgba[i * 4]) * a, Float(rgba[i * 4 + 1]) * a, Float(rgba[i * 4 + 2]) * a,
        Float(rgba[i * 4 + 3]))
    }
  }
  return samples
}

/// The value `v` clamped, channel by channel, to the range of `a` and `b`.
@inline(__always)
private func clampedBetween(_ v: SIMD4<Float>, _ a: SIMD4<Float>, _ b: SIMD4<Float>)
  -> SIMD4<Float>
{
  // Lane by lane: the standard library's pointwiseMin/Max are not inlined here.
  SIMD4(
    clamp1(v.x, a.x, b.x), clamp1(v.y, a.y, b.y), clamp1(v.z, a.z, b.z), clamp1(v.w, a.w, b.w))
}

/// `v` clamped to the range of `a` and `b`.
@inline(__always)
private func clamp1(_ v: Float, _ a: Float, _ b: Float) -> Float {
  let (low, high) = a < b ? (a, b) : (b, a)
  return v < low ? low : v > high ? high : v
}

/// Borrowed pointers to the horizontal taps, for the inner loop.
private struct HorizontalTaps {
  /// Taps per output sample.
  let width: Int
  /// The padding before the first source sample in each row.
  let offset: Int
  let first: UnsafePointer<Int32>
  let weights: UnsafePointer<Float>
  let near0: UnsafePointer<Int32>
  let near1: UnsafePointer<Int32>
}

/// One output row of pass 2: out[x] = Σₖ w(x, k) · line[first(x) + k],
/// clamped to the range of line[near0(x)] and line[near1(x)], rounded and packed.
private func filterRow(
  _ line: UnsafePointer<SIMD4<Float>>, _ taps: HorizontalTaps, count: Int,
  into out: UnsafeMutableRawPointer, format: Resampler.PixelFormat
) {
  let magic = SIMD4<Float>(repeating: 8_388_608)
  let width = taps.width
  for x in 0..<count {
    let run = line + taps.offset + Int(taps.first[x])
    let weight = taps.weights + x * width
    var sum: SIMD4<Float>
    if width == 6 {  // enlarging: the common case, unrolled
      sum = weight[0] * run[0] + weight[1] * run[1] + weight[2] * run[2]
      sum += weight[3] * run[3] + weight[4] * run[4] + weight[5] * run[5]
    } else {
      sum = .zero
      for k in 0..<width { sum += weight[k] * run[k] }
    }
    let a = line[taps.offset + Int(taps.near0[x])]
    let b = line[taps.offset + Int(taps.near1[x])]
    // Rounded to the nearest integer by adding 2²³: a float in 0 … 2²³ then
    // holds the integer in its low mantissa bits (the clamp keeps v in 0 … 255).
    let bits =
      unsafeBitCast(clampedBetween(sum, a, b) + magic, to: SIMD4<UInt32>.self)
      & 0x7F_FFFF
    let alpha = bits.w
    let red = min(bits.x, alpha)
    let green = min(bits.y, alpha)
    let blue = min(bits.z, alpha)
    switch format {
    case .premultipliedARGB32:
      out.assumingMemoryBound(to: UInt32.self)[x] = alpha << 24 | red << 16 | green << 8 | blue
    case .straightRGBA:
      let o = out.assumingMemoryBound(to: UInt8.self) + x * 4
      if alpha == 255 {
        o[0] = UInt8(red)
        o[1] = UInt8(green)
        o[2] = UInt8(blue)
      } else if alpha == 0 {
        o[0] = 0
        o[1] = 0
        o[2] = 0
      } else {
        let straight = (SIMD3(Float(red), Float(green), Float(blue)) * 255 / Float(alpha))
          .rounded(.toNearestOrAwayFromZero)
        o[0] = UInt8(min(straight.x, 255))
        o[1] = UInt8(min(straight.y, 255))
        o[2] = UInt8(min(straight.z, 255))
      }
      o[3] = UInt8(alpha)
    }
  }
}
