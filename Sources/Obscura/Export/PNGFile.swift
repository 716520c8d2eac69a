import CCairo
import Foundation

/// 8-bit pictures written outside a render (generated images, say).
public enum PNGFile {
  /// Writes 8-bit RGB pixels as a PNG through libpng, atomically, and
  /// returns the file's size in bytes.
  ///
  /// The pixels go through the same writer as a poster (``PNGWriter``), so
  /// the file has the DPI in `pHYs` and `metadata` in `tEXt`/`iTXt` chunks.
  ///
  /// - Parameters:
  ///   - rgb: `width × height × 3` bytes, rows top to bottom.
  ///   - dpi: The resolution recorded in `pHYs`.
  ///   - metadata: Key–value text chunks, in order.
  /// - Throws: ``ObscuraError`` when the file cannot be written.
  @discardableResult
  public static func write(
    rgb: [UInt8], width: Int, height: Int, to path: String, dpi: Double = 72,
    metadata: [(String, String)] = []
  ) throws -> Int {
    precondition(
      rgb.count == width * height * 3, "PNGFile: \(rgb.count) bytes for \(width)×\(height) RGB")
    let surface = try CairoSurface.image(width: width, height: height)
    let stride = surface.stride
    let pixels = surface.data
    for y in 0..<height {
      let row = UnsafeMutableRawPointer(pixels + y * stride)
        .bindMemory(to: UInt32.self, capacity: width)
      for x in 0..<width {
        let i = (y * width + x) * 3
        // Cairo's ARGB32: one native-endian word, alpha in the top byte.
        row[x] = 0xFF00_0000 | UInt32(rgb[i]) << 16 | UInt32(rgb[i + 1]) << 8 | UInt32(rgb[i + 2])
      }
    }
    surface.markDirty()
    try AtomicFile.write(to: path) { temporary in
      try PNGWriter().write(surface, to: temporary, dpi: dpi, metadata: metadata)
    }
    return try fileSize(path)
  }

  private static func fileSize(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.size] as? NSNumber)?.intValue ?? 0
  }
}
