/// An 8-bit RGBA image with straight (not premultiplied) alpha, rows top first.
public struct RasterImage: Sendable, Equatable {
  /// The width in pixels.
  public let width: Int
  /// The height in pixels.
  public let height: Int
  /// `width · height · 4` bytes: R, G, B, A per pixel.
  public var rgba: [UInt8]
  /// The image's own resolution, if it declares one (a PNG's pHYs chunk).
  public var dpi: Double?

  /// Wraps RGBA bytes.
  ///
  /// - Throws: ``ObscuraError/invalidRaster(width:height:byteCount:)`` when the
  ///   byte count is not `width · height · 4` or a side is not positive.
  public init(width: Int, height: Int, rgba: [UInt8], dpi: Double? = nil) throws {
    guard width > 0, height > 0, rgba.count == width * height * 4 else {
      throw ObscuraError.invalidRaster(width: width, height: height, byteCount: rgba.count)
    }
    self.width = width
    self.height = height
    self.rgba = rgba
    self.dpi = dpi
  }

  /// Creates an image by asking `color` for every pixel (x, y).
  public init(width: Int, height: Int, color: (Int, Int) -> Color) {
    precondition(width > 0 && height > 0, "RasterImage needs a positive size")
    var bytes = [UInt8](repeating: 0, count: width * height * 4)
    for y in 0..<height {
      for x in 0..<width {
        let c = color(x, y)
        let i = (y * width + x) * 4
        bytes[i] = channelByte(c.red)
        bytes[i + 1] = channelByte(c.green)
        bytes[i + 2] = channelByte(c.blue)
        bytes[i + 3] = channelByte(c.alpha)
      }
    }
    self.width = width
    self.height = height
    rgba = bytes
    dpi = nil
  }

  /// Creates an image from float planes in −1…1 (a generator's output, CHW
  /// order, 1 or 3 channels), mapping v to round((v + 1) · 127.5) clamped to 0…255.
  public init(planes: [Float], channels: Int, width: Int, height: Int) throws {
    guard channels == 1 || channels == 3, planes.count == channels * width * height else {
      throw ObscuraError.invalidRaster(width: width, height: height, byteCount: planes.count)
    }
    var bytes = [UInt8](repeating: 255, count: width * height * 4)
    let plane = width * height
    for i in 0..<plane {
      for c in 0..<3 {
        let v = planes[(channels == 3 ? c : 0) * plane + i]
        bytes[i * 4 + c] = UInt8(max(0, min(255, ((v + 1) * 127.5).rounded())))
      }
    }
    try self.init(width: width, height: height, rgba: bytes)
  }

  /// The colour of pixel (x, y).
  public func color(x: Int, y: Int) -> Color {
    let i = (y * width + x) * 4
    return Color(
      red: Double(rgba[i]) / 255, green: Double(rgba[i + 1]) / 255,
      blue: Double(rgba[i + 2]) / 255, alpha: Double(rgba[i + 3]) / 255)
  }
}

/// A channel in 0…1 as a byte, rounded and clamped.
func channelByte(_ value: Double) -> UInt8 {
  UInt8(max(0, min(255, (value * 255).rounded())))
}
