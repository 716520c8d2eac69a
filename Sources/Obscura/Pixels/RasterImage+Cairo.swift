import CCairo

extension RasterImage {
  /// The image as a premultiplied ARGB32 Cairo surface:
  /// word = α≪24 | round(R·α/255)≪16 | round(G·α/255)≪8 | round(B·α/255).
  func cairoSurface() throws -> CairoSurface {
    let surface = try CairoSurface.image(width: width, height: height)
    surface.flush()
    let stride = surface.stride
    let data = surface.data
    rgba.withUnsafeBufferPointer { source in
      parallelFor(bandCount(height)) { band in
        let count = bandCount(height)
        for y in (band * height / count)..<((band + 1) * height / count) {
          let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(
            to: UInt32.self)
          for x in 0..<width {
            let i = (y * width + x) * 4
            let a = UInt32(source[i + 3])
            let r = (UInt32(source[i]) * a + 127) / 255
            let g = (UInt32(source[i + 1]) * a + 127) / 255
            let b = (UInt32(source[i + 2]) * a + 127) / 255
            row[x] = a << 24 | r << 16 | g << 8 | b
          }
        }
      }
    }
    surface.markDirty()
    return surface
  }

  /// Reads a premultiplied ARGB32 surface back as straight RGBA.
  init(surface: CairoSurface, dpi: Double? = nil) throws {
    surface.flush()
    let (width, height, stride) = (surface.width, surface.height, surface.stride)
    var bytes = [UInt8](repeating: 0, count: width * height * 4)
    let data = UnsafePointer(surface.data)
    bytes.withUnsafeMutableBufferPointer { target in
      let base = target.baseAddress!
      parallelFor(bandCount(height)) { band in
        let count = bandCount(height)
        for y in (band * height / count)..<((band + 1) * height / count) {
          PNGWriter.convertRow(
            data + y * stride, to: base + y * width * 4, width: width, channels: 4)
        }
      }
    }
    try self.init(width: width, height: height, rgba: bytes, dpi: dpi)
  }
}
