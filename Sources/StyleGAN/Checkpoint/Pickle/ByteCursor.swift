/// A read position in a byte buffer that never reads past its end.
///
/// Every read checks the remaining length first and throws
/// ``CheckpointProblem/truncated(offset:reading:)`` instead, so a lying
/// length field can never make the reader allocate or touch memory beyond
/// the file.
struct ByteCursor {
  /// The whole file; a cursor may cover only a part of it.
  let bytes: [UInt8]
  /// The next byte to read, as an offset into ``bytes``.
  var position: Int
  /// One past the last byte this cursor may read.
  let end: Int

  /// Creates a cursor over `bytes[range]`.
  init(_ bytes: [UInt8], range: Range<Int>? = nil) {
    self.bytes = bytes
    self.position = range?.lowerBound ?? 0
    self.end = range?.upperBound ?? bytes.count
  }

  /// How many bytes are left.
  var remaining: Int { end - position }

  /// Whether every byte has been read.
  var isAtEnd: Bool { position >= end }

  /// Throws unless `count` more bytes can be read.
  func require(_ count: Int, _ reading: @autoclosure () -> String) throws {
    guard count >= 0, count <= remaining else {
      throw CheckpointProblem.truncated(offset: end, reading: reading())
    }
  }

  /// Reads one byte.
  mutating func byte(_ reading: @autoclosure () -> String) throws -> UInt8 {
    try require(1, reading())
    defer { position += 1 }
    return bytes[position]
  }

  /// Reads an unsigned little-endian integer of `width` bytes (at most 8).
  mutating func unsigned(
    _ width: Int, _ reading: @autoclosure () -> String
  ) throws -> UInt64 {
    try require(width, reading())
    var value: UInt64 = 0
    for index in 0..<width {
      value |= UInt64(bytes[position + index]) << (8 * UInt64(index))
    }
    position += width
    return value
  }

  /// Reads a length field of `width` bytes and checks that that many bytes
  /// follow, so the caller can take them without further checks.
  mutating func length(_ width: Int, _ reading: @autoclosure () -> String) throws -> Int {
    let raw = try unsigned(width, reading())
    guard raw <= UInt64(remaining) else {
      throw CheckpointProblem.truncated(offset: end, reading: reading())
    }
    return Int(raw)
  }

  /// Takes the next `count` bytes as a range into ``bytes``, without copying.
  mutating func take(_ count: Int, _ reading: @autoclosure () -> String) throws -> Range<Int> {
    try require(count, reading())
    defer { position += count }
    return position..<(position + count)
  }

  /// Reads up to and including the next newline; returns the text before it.
  mutating func line(_ reading: @autoclosure () -> String) throws -> String {
    var index = position
    while index < end, bytes[index] != 0x0A { index += 1 }
    guard index < end else {
      throw CheckpointProblem.truncated(offset: end, reading: reading())
    }
    let text = String(decoding: bytes[position..<index], as: UTF8.self)
    position = index + 1
    return text
  }

  /// Decodes `bytes[range]` as UTF-8, throwing on invalid sequences.
  func utf8(_ range: Range<Int>, at offset: Int) throws -> String {
    guard let text = String(validating: bytes[range], as: UTF8.self) else {
      throw CheckpointProblem.malformedPickle(offset: offset, detail: "a string is not UTF-8")
    }
    return text
  }
}
