import Foundation
import StyleGAN

/// The files `obscura generate` writes: 8-bit PNG and float32 `.npy`, each
/// written under a temporary name and renamed into place.
enum OutputFiles {
  /// Creates the output folder if needed.
  static func prepareFolder(_ path: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw GenerateError("\(path) is a file; --out needs a folder")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw GenerateError("cannot create the output folder \(path): \(error.localizedDescription)")
    }
  }

  /// Writes `bytes` to a temporary file next to `path` and renames it to
  /// `path` (`rename(2)`), so readers never see half a file.
  static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(getpid()).tmp")
    do {
      try Data(bytes).write(to: temporary)
    } catch {
      unlink(temporary.path)
      throw GenerateError("cannot write \(path): \(error.localizedDescription)")
    }
    guard rename(temporary.path, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary.path)
      throw GenerateError("cannot write \(path): \(reason)")
    }
  }

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

  /// An 8-bit RGB PNG of `image`, with `text` as `tEXt` chunks.
  ///
  /// FIXME: the runtime's libpng writer takes only Cairo surfaces and is not
  /// public; until it takes RGB bytes, this writes the image data as stored
  /// (uncompressed) deflate blocks, which every PNG reader accepts.
  static func png(_ image: RGBImage, text: [(key: String, value: String)] = []) -> [UInt8] {
    let colorType: UInt8 = image.channels == 1 ? 0 : 2
    var ihdr = bigEndian(UInt32(image.width)) + bigEndian(UInt32(image.height))
    ihdr += [8, colorType, 0, 0, 0]

    // Scanlines with filter type 0 (none), wrapped in a zlib stream.
    let rowBytes = image.width * image.channels
    var raw: [UInt8] = []
    raw.reserveCapacity((rowBytes + 1) * image.height)
    for row in 0..<image.height {
      raw.append(0)
      raw += image.bytes[row * rowBytes..<(row + 1) * rowBytes]
    }
    var zlib: [UInt8] = [0x78, 0x01]
    var offset = 0
    repeat {
      let length = min(65_535, raw.count - offset)
      let final: UInt8 = offset + length == raw.count ? 1 : 0
      zlib += [final, UInt8(length & 0xFF), UInt8(length >> 8)]
      zlib += [UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
      zlib += raw[offset..<offset + length]
      offset += length
    } while offset < raw.count
    zlib += bigEndian(adler32(raw))

    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    png += chunk("IHDR", ihdr)
    for (key, value) in text {
      // tEXt: a Latin-1 keyword, a zero byte, Latin-1 text.
      let latin1 = { (s: String) in s.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } }
      png += chunk("tEXt", latin1(String(key.prefix(79))) + [0] + latin1(value))
    }
    png += chunk("IDAT", zlib)
    png += chunk("IEND", [])
    return png
  }

  /// `1.2 KB`, `3.4 MB`.
  static func describeSize(_ bytes: Int) -> String {
    bytes < 1_000_000
      ? String(format: "%.1f KB", Double(bytes) / 1e3)
      : String(format: "%.1f MB", Double(bytes) / 1e6)
  }

  private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let body = Array(type.utf8) + data
    return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
  }

  private static func bigEndian(_ value: UInt32) -> [UInt8] {
    [
      UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF),
      UInt8(value & 0xFF),
    ]
  }

  private static let crcTable: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 {
      c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1
    }
    return c
  }

  /// The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320).
  private static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8)
    }
    return c ^ 0xFFFF_FFFF
  }

  /// The Adler-32 checksum that ends a zlib stream.
  private static func adler32(_ bytes: [UInt8]) -> UInt32 {
    var (a, b): (UInt32, UInt32) = (1, 0)
    for byte in bytes {
      a = (a + UInt32(byte)) % 65_521
      b = (b + a) % 65_521
    }
    return b << 16 | a
  }
}

/// A problem `obscura generate` reports in one line: an option that does not
/// fit the model, a file it could not write.
struct GenerateError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
