import CPNG
import Foundation

/// Compresses a PNG's filtered image rows into one zlib stream on several cores.
///
/// The rows are cut into consecutive parts, one per core, each deflated by
/// its own zlib stream: the first with the zlib header, the others raw; all
/// but the last end on a byte boundary with a sync flush, the last with the
/// final block. Concatenated they are one valid deflate stream (each part
/// starts with an empty window, which costs a little size), followed by the
/// Adler-32 of all the bytes, combined from the parts' checksums with
/// `adler32_combine`. Each row is a filter-type byte 0 (none) and the
/// straight RGB(A) bytes.
struct ParallelDeflate {
  /// The zlib level.
  var level: Int32
  /// How many parts (and threads).
  var parts: Int

  /// The zlib stream for `height` rows; `convertRow(y, target)` writes row y's
  /// `rowBytes` pixel bytes.
  func compress(
    height: Int, rowBytes: Int,
    convertRow: (Int, UnsafeMutablePointer<UInt8>) -> Void
  ) throws -> [UInt8] {
    let outputs = UnsafeMutableBufferPointer<Part?>.allocate(capacity: parts)
    outputs.initialize(repeating: nil)
    defer { outputs.deallocate() }
    parallelFor(parts) { part in
      outputs[part] = compressPart(
        rows: (part * height / parts)..<((part + 1) * height / parts), rowBytes: rowBytes,
        first: part == 0, last: part == parts - 1, convertRow: convertRow)
    }

    var stream: [UInt8] = []
    var checksum: uLong = 0
    for index in 0..<parts {
      guard let part = outputs[index], part.ok else {
        throw ObscuraError.png(path: "image data", reason: "zlib could not compress the rows")
      }
      stream += part.bytes
      checksum =
        index == 0 ? part.adler : adler32_combine(checksum, part.adler, off_t(part.length))
    }
    for shift in [24, 16, 8, 0] { stream.append(UInt8(truncatingIfNeeded: checksum >> shift)) }
    return stream
  }

  /// One part's deflate output and the Adler-32 of its input.
  struct Part {
    var bytes: [UInt8]
    var adler: uLong
    var length: Int
    var ok: Bool
  }

  private func compressPart(
    rows: Range<Int>, rowBytes: Int, first: Bool, last: Bool,
    convertRow: (Int, UnsafeMutablePointer<UInt8>) -> Void
  ) -> Part {
    var stream = z_stream()
    guard obscura_deflate_init(&stream, level, first ? 15 : -15) == Z_OK else {
      return Part(bytes: [], adler: 0, length: 0, ok: false)
    }
    defer { deflateEnd(&stream) }

    let bandRows = 32
    let lineBytes = rowBytes + 1
    let band = UnsafeMutablePointer<UInt8>.allocate(capacity: lineBytes * bandRows)
    defer { band.deallocate() }
    let chunkSize = 1 << 18
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    defer { chunk.deallocate() }
    var output: [UInt8] = []
    output.reserveCapacity(rows.count * rowBytes / 4)
    var adler = adler32(0, nil, 0)
    var ok = true

    /// Feeds `count` bytes at `input` (none when flushing) through deflate.
    func run(_ input: UnsafeMutablePointer<UInt8>?, _ count: Int, flush: Int32) {
      stream.next_in = input
      stream.avail_in = uInt(count)
      while true {
        stream.next_out = chunk
        stream.avail_out = uInt(chunkSize)
        let status = deflate(&stream, flush)
        if status == Z_STREAM_ERROR {
          ok = false
          return
        }
        output.append(
          contentsOf: UnsafeBufferPointer(
            start: chunk, count: chunkSize - Int(stream.avail_out)))
        if flush == Z_FINISH {
          if status == Z_STREAM_END { return }
        } else if stream.avail_out != 0 && stream.avail_in == 0 {
          return
        }
      }
    }

    var y = rows.lowerBound
    while y < rows.upperBound {
      let count = min(bandRows, rows.upperBound - y)
      for r in 0..<count {
        let line = band + r * lineBytes
        line[0] = 0  // filter type: none
        convertRow(y + r, line + 1)
      }
      adler = adler32(adler, band, uInt(count * lineBytes))
      run(band, count * lineBytes, flush: Z_NO_FLUSH)
      y += count
    }
    run(nil, 0, flush: last ? Z_FINISH : Z_SYNC_FLUSH)
    return Part(bytes: output, adler: adler, length: rows.count * lineBytes, ok: ok)
  }
}
