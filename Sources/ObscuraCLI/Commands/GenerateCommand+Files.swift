import Foundation
import StyleGAN

/// The `.npy` files `obscura generate` writes. (PNGs go through the
/// runtime's libpng writer, ``PNGFile``; the folder is the runtime's
/// ``OutputFolder``.)
enum OutputFiles {
  /// A `.npy` (format 1.0) of a float32 tensor: magic, version, the header
  /// dict padded with spaces to a multiple of 64 bytes and ending in a
  /// newline, then the little-endian values in C order.
  static func npy(_ tensor: Tensor) -> [UInt8] {
    let shape =
      tensor.shape.map(String.init).joined(separator: ", ")
      + (tensor.shape.count == 1 ? "," : "")
    var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(shape)), }"
    let unpadded = 10 + header.utf8.count + 1
    header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
    let length = header.utf8.count
    var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
    bytes += [UInt8(length & 0xFF), UInt8(length >> 8)]
    bytes += Array(header.utf8)
    bytes.reserveCapacity(bytes.count + 4 * tensor.count)
    for value in tensor.scalars {
      let bits = value.bitPattern.littleEndian
      bytes += [
        UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF),
        UInt8(bits >> 24),
      ]
    }
    return bytes
  }

  /// `1.2 KB`, `3.4 MB`.
  static func describeSize(_ bytes: Int) -> String {
    bytes < 1_000_000
      ? String(format: "%.1f KB", Double(bytes) / 1e3)
      : String(format: "%.1f MB", Double(bytes) / 1e6)
  }
}

/// A problem `obscura generate` reports in one line: an option that does not
/// fit the model, a file it could not write.
struct GenerateError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
