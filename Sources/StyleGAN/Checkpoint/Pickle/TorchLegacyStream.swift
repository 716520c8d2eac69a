/// Reads a storage saved by PyTorch's legacy (pre-zip) `torch.save`, the
/// byte string that `torch.storage._load_from_bytes` receives.
///
/// The stream is five pickles and the raw data:
///
/// 1. the magic number `0x1950a86a20f9469cfc6c`;
/// 2. the protocol version, 1001;
/// 3. `sys_info` (`little_endian`, type sizes);
/// 4. the saved object, whose storages are persistent ids
///    `('storage', storage_class, key, location, numel, view_metadata)`;
/// 5. the list of storage keys, in the order their data follows;
///
/// then, for each key, an int64 element count and that many elements,
/// little-endian.
enum TorchLegacyStream {
  /// The magic number as LONG1 bytes, little-endian.
  private static let magic: [UInt8] = [0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19]

  /// Reads the stream in `bytes[range]` and returns the storage it holds.
  static func storage(in bytes: [UInt8], range: Range<Int>) throws -> TorchStorage {
    do {
      return try read(bytes, range)
    } catch CheckpointProblem.truncated(_, let reading) {
      throw CheckpointProblem.malformedStorage(
        detail: "the stream at byte \(range.lowerBound) ends in the middle of \(reading)")
    }
  }

  private static func read(_ bytes: [UInt8], _ range: Range<Int>) throws -> TorchStorage {
    var cursor = ByteCursor(bytes, range: range)

    // 1–3: header pickles.
    guard case .bigInt(let number) = try header(&cursor), number == magic else {
      throw CheckpointProblem.malformedStorage(detail: "the magic number is wrong")
    }
    guard case .int(1001) = try header(&cursor) else {
      throw CheckpointProblem.malformedStorage(detail: "the protocol version is not 1001")
    }
    guard let sysInfo = try header(&cursor).dictValue else {
      throw CheckpointProblem.malformedStorage(detail: "sys_info is not a dict")
    }
    if case .bool(false) = sysInfo["little_endian"] {
      throw CheckpointProblem.malformedStorage(detail: "the storage was saved big-endian")
    }

    // 4: the object; its storages are persistent ids.
    var declared: [(key: String, dtype: TorchDType, count: Int)] = []
    var objectMachine = PickleMachine(cursor: cursor) { id in
      guard let items = id.sequence, items.count >= 5, items[0].stringValue == "storage",
        case .global(.storageType(let dtype)) = items[1],
        let key = items[2].stringValue, let count = items[4].intValue, count >= 0
      else {
        throw CheckpointProblem.malformedStorage(detail: "a storage id is not understood")
      }
      if items.count > 5, case .none = items[5] {
      } else if items.count > 5 {
        // FIXME: storage views (view_metadata) are not supported; StyleGAN
        // checkpoints save each tensor's storage whole.
        throw CheckpointProblem.malformedStorage(detail: "storage views are not supported")
      }
      declared.append((key, dtype, count))
      return .string(key)
    }
    let object = try objectMachine.load()
    cursor = objectMachine.cursor
    guard declared.count == 1, case .string(let objectKey) = object else {
      throw CheckpointProblem.malformedStorage(
        detail: "the stream holds \(declared.count) storages, expected one")
    }

    // 5: the keys whose data follows.
    var keysMachine = PickleMachine(cursor: cursor)
    let keys = try keysMachine.load().sequence?.compactMap(\.stringValue) ?? []
    cursor = keysMachine.cursor
    guard keys == [objectKey] else {
      throw CheckpointProblem.malformedStorage(detail: "the storage keys do not match")
    }

    // The data: an int64 element count, then the elements.
    let storage = declared[0]
    let count = try cursor.unsigned(8, "a storage's element count")
    guard count == UInt64(storage.count) else {
      throw CheckpointProblem.malformedStorage(
        detail: "the storage declares \(storage.count) elements but holds \(count)")
    }
    let byteCount = storage.count.multipliedReportingOverflow(by: storage.dtype.size)
    guard !byteCount.overflow else {
      throw CheckpointProblem.malformedStorage(detail: "the storage size overflows")
    }
    let data = try cursor.take(byteCount.partialValue, "a tensor's data")
    return TorchStorage(dtype: storage.dtype, data: data)
  }

  private static func header(_ cursor: inout ByteCursor) throws -> PickleValue {
    var machine = PickleMachine(cursor: cursor)
    let value = try machine.load()
    cursor = machine.cursor
    return value
  }
}
