/// An 8-bit RGB (or grey) image from a generator's output.
public struct RGBImage: Sendable, Equatable {
  /// Width in pixels.
  public var width: Int
  /// Height in pixels.
  public var height: Int
  /// Channels per pixel (3 for RGB).
  public var channels: Int
  /// Interleaved samples, row after row, `width · height · channels` bytes.
  public var bytes: [UInt8]

  /// Converts sample `index` of `[N, C, H, W]` generator output as the
  /// official scripts do: `uint8(clamp(v · 127.5 + 128, 0, 255))`, truncating
  /// toward zero, planes interleaved into pixels.
  public init(_ images: Tensor, index: Int = 0) {
    precondition(images.shape.count == 4, "images are [N, C, H, W], got \(images.shape)")
    let (channels, height, width) = (images.shape[1], images.shape[2], images.shape[3])
    let plane = height * width
    let base = index * channels * plane
    var bytes = [UInt8](repeating: 0, count: channels * plane)
    for p in 0..<plane {
      for c in 0..<channels {
        bytes[p * channels + c] = Self.byte(images.scalars[base + c * plane + p])
      }
    }
    self.width = width
    self.height = height
    self.channels = channels
    self.bytes = bytes
  }

  /// `uint8(clamp(v · 127.5 + 128, 0, 255))`; NaN becomes 0.
  public static func byte(_ value: Float) -> UInt8 {
    let scaled = value * 127.5 + 128
    guard scaled > 0 else { return 0 }
    return UInt8(min(scaled, 255))
  }
}
