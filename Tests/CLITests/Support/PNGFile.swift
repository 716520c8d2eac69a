import CPNG
import Foundation

/// A decoded PNG as straight 8-bit RGBA, for comparing renders with golden
/// images.
struct PNGFile {
  let width: Int
  let height: Int
  /// `width · height · 4` bytes, rows top first.
  let rgba: [UInt8]

  /// Decodes `path` with libpng's simplified API (`png_image_begin_read_from_file`,
  /// `png_image_finish_read`).
  init(path: String) throws {
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    guard png_image_begin_read_from_file(&image, path) != 0 else {
      throw PNGFileError(path: path, reason: PNGFile.message(image))
    }
    image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)  // PNG_FORMAT_RGBA
    var pixels = [UInt8](repeating: 0, count: Int(image.width * image.height * 4))
    let ok = pixels.withUnsafeMutableBytes { buffer in
      png_image_finish_read(&image, nil, buffer.baseAddress, 0, nil)
    }
    guard ok != 0 else { throw PNGFileError(path: path, reason: PNGFile.message(image)) }
    width = Int(image.width)
    height = Int(image.height)
    rgba = pixels
  }

  private static func message(_ image: png_image) -> String {
    var copy = image.message
    return withUnsafeBytes(of: &copy) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
  }

  /// How two images of the same size differ.
  struct Difference: CustomStringConvertible {
    /// The mean absolute difference over all channels, in 0…255.
    var meanAbsolute: Double
    /// The fraction of pixels whose largest channel difference is above
    /// ``GoldenTolerance/pixelThreshold``.
    var differingPixels: Double
    /// The largest channel difference anywhere.
    var maximum: Int

    var description: String {
      String(
        format: "mean |Δ| %.3f/255, %.3f%% of pixels off by more than %d, max |Δ| %d",
        meanAbsolute, differingPixels * 100, GoldenTolerance.pixelThreshold, maximum)
    }
  }

  /// Compares with `other`, which must have the same size.
  func difference(from other: PNGFile) -> Difference {
    var total = 0
    var differing = 0
    var maximum = 0
    for pixel in 0..<(width * height) {
      var largest = 0
      for channel in 0..<4 {
        let delta = abs(Int(rgba[pixel * 4 + channel]) - Int(other.rgba[pixel * 4 + channel]))
        total += delta
        largest = max(largest, delta)
      }
      if largest > GoldenTolerance.pixelThreshold { differing += 1 }
      maximum = max(maximum, largest)
    }
    let pixels = Double(width * height)
    return Difference(
      meanAbsolute: Double(total) / (pixels * 4), differingPixels: Double(differing) / pixels,
      maximum: maximum)
  }
}

/// How close a render must be to its golden image.
///
/// Renders are deterministic for one Cairo and Pango build; the tolerance
/// absorbs antialiasing and font-hinting differences between library
/// versions, not changes in what is drawn.
enum GoldenTolerance {
  /// The mean absolute channel difference must stay below this (in 0…255).
  static let meanAbsolute = 1.0
  /// A pixel counts as differing when a channel is off by more than this.
  static let pixelThreshold = 48
  /// At most this fraction of pixels may differ.
  static let differingPixels = 0.002
}

/// A PNG that libpng could not read.
struct PNGFileError: Error, CustomStringConvertible {
  var path: String
  var reason: String
  var description: String { "\(path): \(reason)" }
}
