import CPNG
import Foundation

/// Reads PNG files through libpng.
enum PNGReader {
  /// Decodes `path` to straight 8-bit RGBA with libpng's simplified API
  /// (`png_image_begin_read_from_file`, `png_image_finish_read`).
  ///
  /// - Throws: ``ObscuraError/imageNotFound(path:)`` or
  ///   ``ObscuraError/imageUnreadable(path:reason:)``.
  static func read(_ path: String) throws -> RasterImage {
    guard FileManager.default.fileExists(atPath: path) else {
      throw ObscuraError.imageNotFound(path: path)
    }
    var image = png_image()
    image.version = png_uint_32(PNG_IMAGE_VERSION)
    defer { png_image_free(&image) }
    guard png_image_begin_read_from_file(&image, path) != 0 else {
      throw ObscuraError.imageUnreadable(path: path, reason: message(image))
    }
    image.format = png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)  // PNG_FORMAT_RGBA
    let (width, height) = (Int(image.width), Int(image.height))
    var bytes = [UInt8](repeating: 0, count: width * height * 4)
    let status = bytes.withUnsafeMutableBytes { buffer in
      png_image_finish_read(&image, nil, buffer.baseAddress, Int32(width * 4), nil)
    }
    guard status != 0 else {
      throw ObscuraError.imageUnreadable(path: path, reason: message(image))
    }
    let dpi = try? metadata(path).dpi
    return try RasterImage(width: width, height: height, rgba: bytes, dpi: dpi ?? nil)
  }

  /// The text chunks and resolution of a PNG file.
  struct Metadata {
    /// tEXt/iTXt key–value pairs in file order.
    var text: [(key: String, value: String)]
    /// Pixels per metre from pHYs, if present and in metres.
    var pixelsPerMetre: Int?
    /// The DPI recorded in pHYs (pixels per metre · 0.0254).
    var dpi: Double? { pixelsPerMetre.map { Double($0) * 0.0254 } }
  }

  /// Reads the header chunks of `path` (`png_read_info`, `png_get_text`, `png_get_pHYs`).
  static func metadata(_ path: String) throws -> Metadata {
    guard let file = fopen(path, "rb") else { throw ObscuraError.imageNotFound(path: path) }
    defer { fclose(file) }
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: 256)
    errorBuffer.initialize(repeating: 0, count: 256)
    defer { errorBuffer.deallocate() }
    func failure() -> ObscuraError {
      .imageUnreadable(path: path, reason: String(cString: errorBuffer))
    }
    guard let png = obscura_png_create_read(errorBuffer) else { throw failure() }
    var pngOrNil: png_structp? = png
    var infoOrNil = png_create_info_struct(png)
    defer { png_destroy_read_struct(&pngOrNil, &infoOrNil, nil) }
    guard let info = infoOrNil else { throw failure() }
    png_init_io(png, file)
    guard obscura_png_read_info(png, info) != 0 else { throw failure() }

    var texts: UnsafeMutablePointer<png_text>?
    var count: Int32 = 0
    png_get_text(png, info, &texts, &count)
    var entries: [(key: String, value: String)] = []
    for i in 0..<Int(count) {
      guard let chunk = texts?[i] else { continue }
      let key = String(cString: chunk.key)
      let value: String
      if chunk.compression == PNG_TEXT_COMPRESSION_NONE
        || chunk.compression == PNG_TEXT_COMPRESSION_zTXt
      {
        // tEXt/zTXt are Latin-1.
        let bytes = UnsafeBufferPointer(
          start: UnsafeRawPointer(chunk.text).assumingMemoryBound(to: UInt8.self),
          count: Int(chunk.text_length))
        value = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
      } else {
        value = String(cString: chunk.text)
      }
      entries.append((key, value))
    }
    var x: png_uint_32 = 0
    var y: png_uint_32 = 0
    var unit: Int32 = 0
    var ppm: Int?
    if png_get_pHYs(png, info, &x, &y, &unit) != 0, unit == PNG_RESOLUTION_METER {
      ppm = Int(x)
    }
    return Metadata(text: entries, pixelsPerMetre: ppm)
  }

  private static func message(_ image: png_image) -> String {
    withUnsafeBytes(of: image.message) { raw in
      let text = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      return text.isEmpty ? "not a PNG file" : text
    }
  }
}
