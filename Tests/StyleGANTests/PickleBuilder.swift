/// Writes small pickles opcode by opcode, for tests that need checkpoints
/// the fixtures do not cover.
struct PickleBuilder {
  private(set) var bytes: [UInt8]

  /// Starts a pickle of `protocol`.
  init(protocol version: UInt8 = 2) {
    bytes = [0x80, version]
  }

  /// The finished pickle.
  func finished() -> [UInt8] { bytes + [0x2E] }

  mutating func raw(_ more: [UInt8]) { bytes += more }

  mutating func string(_ text: String) {
    let utf8 = Array(text.utf8)
    bytes += [0x58] + littleEndian(UInt32(utf8.count), 4) + utf8
  }

  mutating func int(_ value: Int) {
    bytes += [0x4A] + littleEndian(UInt32(bitPattern: Int32(value)), 4)
  }

  mutating func none() { bytes.append(0x4E) }
  mutating func bool(_ value: Bool) { bytes.append(value ? 0x88 : 0x89) }
  mutating func mark() { bytes.append(0x28) }
  mutating func tuple() { bytes.append(0x74) }  // TUPLE from the mark
  mutating func emptyDict() { bytes.append(0x7D) }
  mutating func setItems() { bytes.append(0x75) }
  mutating func reduce() { bytes.append(0x52) }

  mutating func global(_ module: String, _ name: String) {
    bytes += [0x63] + Array("\(module)\n\(name)\n".utf8)
  }

  mutating func bytesValue(_ data: [UInt8]) {
    bytes += [0x42] + littleEndian(UInt32(data.count), 4) + data
  }

  /// A dict whose values are written by `values`, one closure per key.
  mutating func dict(_ entries: [(String, (inout PickleBuilder) -> Void)]) {
    emptyDict()
    guard !entries.isEmpty else { return }
    mark()
    for (key, value) in entries {
      string(key)
      value(&self)
    }
    setItems()
  }

  /// A tuple of ints.
  mutating func ints(_ values: [Int]) {
    mark()
    for value in values { int(value) }
    tuple()
  }

  /// `_rebuild_tensor_v2(_load_from_bytes(stream), offset, shape, strides,
  /// False, OrderedDict())` over a legacy storage of `storageClass`.
  mutating func tensor(
    storageClass: String, elementBytes: [UInt8], count: Int, offset: Int = 0,
    shape: [Int], strides: [Int]
  ) {
    global("torch._utils", "_rebuild_tensor_v2")
    mark()
    global("torch.storage", "_load_from_bytes")
    mark()
    bytesValue(
      Self.legacyStream(storageClass: storageClass, elementBytes: elementBytes, count: count))
    tuple()
    reduce()
    int(offset)
    ints(shape)
    ints(strides)
    bool(false)
    global("collections", "OrderedDict")
    mark()
    tuple()
    reduce()
    tuple()
    reduce()
  }

  /// A legacy `torch.save` stream of one storage.
  static func legacyStream(storageClass: String, elementBytes: [UInt8], count: Int) -> [UInt8] {
    var magic = PickleBuilder()
    magic.raw([0x8A, 10, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19])
    var version = PickleBuilder()
    version.int(1001)
    var sysInfo = PickleBuilder()
    sysInfo.dict([("protocol_version", { $0.int(1001) }), ("little_endian", { $0.bool(true) })])
    var object = PickleBuilder()
    object.mark()
    object.string("storage")
    let parts = storageClass.split(separator: ".")
    object.global(
      parts.dropLast().isEmpty ? "torch" : parts.dropLast().joined(separator: "."),
      String(parts.last ?? ""))
    object.string("0")
    object.string("cpu")
    object.int(count)
    object.none()
    object.tuple()
    object.raw([0x51])  // BINPERSID
    var keys = PickleBuilder()
    keys.raw([0x5D])  // EMPTY_LIST
    keys.string("0")
    keys.raw([0x61])  // APPEND
    return magic.finished() + version.finished() + sysInfo.finished() + object.finished()
      + keys.finished() + littleEndian(UInt64(count), 8) + elementBytes
  }
}

/// The `width` low bytes of `value`, little-endian.
func littleEndian<T: FixedWidthInteger>(_ value: T, _ width: Int) -> [UInt8] {
  (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
}
