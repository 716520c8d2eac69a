import CPNG
import Foundation

/// Writes a Cairo ARGB32 image as an 8-bit PNG through libpng, with the DPI in
/// `pHYs` and the render's metadata in `tEXt`/`iTXt` chunks.
///
/// Cairo stores premultiplied ARGB in native-endian 32-bit words; PNG wants
/// straight RGB(A) bytes, c = round(c′ · 255 / α). An image that is opaque
/// everywhere is written as RGB.
///
/// Images of 512 rows or more are converted and deflated on every core
/// (``ParallelDeflate``) and the zlib stream is written with
/// `png_write_chunk` as IDAT chunks; smaller ones go row by row through
/// `png_write_row`. Either way only bands of converted rows exist at a time.
struct PNGWriter {
  /// The zlib level. Measured on the A2 benchmark poster (4961 × 7016 px),
  /// level 1 without row filters was both the fastest and the smallest of
  /// levels 1–3 × filters none/sub/up (13.9 MB against 16.8 MB for level 2
  /// with sub): grain and gradients leave the filters little to predict.
  var compressionLevel: Int32 = 1

  /// Writes `surface` to `path` (which the caller makes atomic).
  ///
  /// - Parameters:
  ///   - dpi: Stored in `pHYs` as round(dpi / 0.0254) pixels per metre.
  ///   - metadata: Key–value text chunks, in order; non-Latin-1 values go in iTXt.
  func write(
    _ surface: CairoSurface, to path: String, dpi: Double, metadata: [(String, String)]
  ) throws {
    surface.flush()
    let (width, height, stride) = (surface.width, surface.height, surface.stride)
    let pixels = UnsafePointer(surface.data)
    let opaque = PNGWriter.isOpaque(pixels, width: width, height: height, stride: stride)
    let channels = opaque ? 3 : 4

    guard let file = fopen(path, "wb") else {
      throw ObscuraError.writeFailed(path: path, reason: String(cString: strerror(errno)))
    }
    defer { fclose(file) }
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: 256)
    errorBuffer.initialize(repeating: 0, count: 256)
    defer { errorBuffer.deallocate() }
    func failure() -> ObscuraError { .png(path: path, reason: String(cString: errorBuffer)) }

    guard let png = obscura_png_create_write(errorBuffer) else { throw failure() }
    var infoOrNil = png_create_info_struct(png)
    var pngOrNil: png_structp? = png
    defer { png_destroy_write_struct(&pngOrNil, &infoOrNil) }
    guard let info = infoOrNil else { throw failure() }

    png_init_io(png, file)
    png_set_compression_level(png, compressionLevel)
    png_set_filter(png, 0, PNG_FILTER_NONE)
    let colorType = opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA
    guard
      obscura_png_set_header(png, info, png_uint_32(width), png_uint_32(height), colorType)
        != 0
    else { throw failure() }
    let ppm = png_uint_32((dpi / 0.0254).rounded())
    png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER)
    try PNGWriter.setText(metadata, png: png, info: info, failure: failure)
    guard obscura_png_write_info(png, info) != 0 else { throw failure() }

    // Large images: convert, filter and deflate on every core, then hand
    // the zlib stream to libpng as IDAT chunks and end the file with IEND.
    let rowBytes = width * channels
    let cores = ProcessInfo.processInfo.activeProcessorCount
    if height >= 512 && cores > 1 {
      let stream = try ParallelDeflate(level: compressionLevel, parts: min(cores, 8))
        .compress(height: height, rowBytes: rowBytes) { y, target in
          PNGWriter.convertRow(pixels + y * stride, to: target, width: width, channels: channels)
        }
      let chunkSize = 1 << 20
      var offset = 0
      while offset < stream.count {
        let length = min(chunkSize, stream.count - offset)
        let status = stream.withUnsafeBufferPointer { buffer in
          obscura_png_write_chunk(png, "IDAT", buffer.baseAddress! + offset, length)
        }
        guard status != 0 else { throw failure() }
        offset += length
      }
      guard obscura_png_write_chunk(png, "IEND", nil, 0) != 0 else { throw failure() }
    } else {
      try writeRows(
        png: png, pixels: pixels, height: height, stride: stride,
        width: width, channels: channels, failure: failure)
      guard obscura_png_write_end(png, info) != 0 else { throw failure() }
    }
    guard fflush(file) == 0, ferror(file) == 0 else {
      throw ObscuraError.writeFailed(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Converts and writes rows in bands through libpng (`png_write_row`).
  private func writeRows(
    png: png_structp, pixels: UnsafePointer<UInt8>, height: Int, stride: Int, width: Int,
    channels: Int, failure: () -> ObscuraError
  ) throws {
    let bandHeight = 64
    let rowBytes = width * channels
    let band = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes * bandHeight)
    defer { band.deallocate() }
    var top = 0
    while top < height {
      let rows = min(bandHeight, height - top)
      let source = pixels + top * stride
      let split = bandCount(rows)
      parallelFor(split) { part in
        for row in (part * rows / split)..<((part + 1) * rows / split) {
          PNGWriter.convertRow(
            source + row * stride, to: band + row * rowBytes, width: width, channels: channels)
        }
      }
      for row in 0..<rows {
        guard obscura_png_write_row(png, band + row * rowBytes) != 0 else { throw failure() }
      }
      top += rows
    }
  }

  /// Sets the text chunks (`png_set_text`): tEXt for Latin-1 text, iTXt for the rest.
  private static func setText(
    _ metadata: [(String, String)], png: png_structp, info: png_infop,
    failure: () -> ObscuraError
  ) throws {
    var storage: [UnsafeMutablePointer<CChar>] = []
    defer { for pointer in storage { free(pointer) } }
    func cString(_ s: String) -> UnsafeMutablePointer<CChar> {
      let pointer = strdup(s)!
      storage.append(pointer)
      return pointer
    }
    var chunks: [png_text] = []
    for (key, value) in metadata {
      var chunk = png_text()
      let latin1 = value.unicodeScalars.allSatisfy { $0.value < 256 }
      // Keys are 1–79 Latin-1 characters.
      let safeKey = String(
        key.unicodeScalars.filter { $0.value < 256 && $0.value >= 32 }
          .prefix(79).map(Character.init))
      chunk.key = cString(safeKey.isEmpty ? "Comment" : safeKey)
      if latin1 {
        // tEXt is Latin-1: pass the bytes, not UTF-8.
        let bytes = value.unicodeScalars.map { CChar(bitPattern: UInt8($0.value)) } + [0]
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        pointer.initialize(from: bytes, count: bytes.count)
        let copy = strdup(pointer)!
        pointer.deallocate()
        storage.append(copy)
        chunk.compression = PNG_TEXT_COMPRESSION_NONE
        chunk.text = copy
        chunk.text_length = bytes.count - 1
      } else {
        chunk.compression = PNG_ITXT_COMPRESSION_NONE
        chunk.text = cString(value)
        chunk.lang = cString("")
        chunk.lang_key = cString("")
      }
      chunks.append(chunk)
    }
    let status = chunks.withUnsafeMutableBufferPointer { buffer in
      obscura_png_set_text(png, info, buffer.baseAddress, Int32(buffer.count))
    }
    guard status != 0 else { throw failure() }
  }

  /// Whether every pixel's alpha is 255.
  static func isOpaque(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int)
    -> Bool
  {
    let parts = max(1, min(height, 8))
    let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: parts)
    results.initialize(repeating: true)
    defer { results.deallocate() }
    parallelFor(parts) { part in
      for y in (part * height / parts)..<((part + 1) * height / parts) {
        let row = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
        for x in 0..<width where row[x] >> 24 != 255 {
          results[part] = false
          return
        }
      }
    }
    return results.allSatisfy { $0 }
  }

  /// One row of premultiplied native-endian ARGB words to straight RGB or RGBA bytes.
  static func convertRow(
    _ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, width: Int,
    channels: Int
  ) {
    let words = UnsafeRawPointer(source).assumingMemoryBound(to: UInt32.self)
    var out = target
    for x in 0..<width {
      let word = words[x]
      let a = word >> 24
      var r = (word >> 16) & 0xFF
      var g = (word >> 8) & 0xFF
      var b = word & 0xFF
      if a != 255 && a != 0 {
        r = (r * 255 + a / 2) / a
        g = (g * 255 + a / 2) / a
        b = (b * 255 + a / 2) / a
      }
      out[0] = UInt8(truncatingIfNeeded: min(r, 255))
      out[1] = UInt8(truncatingIfNeeded: min(g, 255))
      out[2] = UInt8(truncatingIfNeeded: min(b, 255))
      if channels == 4 { out[3] = UInt8(truncatingIfNeeded: a) }
      out += channels
    }
  }
}
