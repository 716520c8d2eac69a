/// One value on the pickle machine's stack: plain Python data, or the data
/// that an allowed constructor stands for.
///
/// Nothing here runs Python: a constructor call becomes a value that records
/// its arguments (a tensor is its storage, offset, shape and strides).
enum PickleValue {
  case none
  case bool(Bool)
  case int(Int)
  /// An integer wider than 64 bits, as little-endian two's-complement bytes.
  case bigInt([UInt8])
  case float(Double)
  case string(String)
  /// Bytes, as a range into the file's buffer.
  case bytes(Range<Int>)
  case tuple(PickleTuple)
  case list(PickleList)
  case dict(PickleDict)
  case set(PickleList)
  /// An allowed constructor, not yet called.
  case global(PickleGlobal)
  /// A `torch_utils.persistence` object: its metadata dict (`class_name`,
  /// `module_src`, `state`, …).
  case persistent(PickleDict)
  /// A tensor view over a storage.
  case tensor(TensorReference)
  /// A storage loaded from a legacy `torch.save` stream.
  case storage(TorchStorage)
  /// A NumPy dtype, completed by its `BUILD` state.
  case dtype(NumpyDType)
  /// A NumPy array, completed by its `BUILD` state.
  case ndarray(NumpyArray)

  /// How deeply containers nest inside this value (0 for scalars).
  var depth: Int {
    switch self {
    case .tuple(let tuple): return tuple.depth
    case .list(let list), .set(let list): return list.depth
    case .dict(let dict): return dict.depth
    case .persistent(let dict): return dict.depth
    default: return 0
    }
  }

  /// A short name of the value's kind, for messages.
  var kind: String {
    switch self {
    case .none: return "None"
    case .bool: return "a bool"
    case .int, .bigInt: return "an int"
    case .float: return "a float"
    case .string: return "a string"
    case .bytes: return "bytes"
    case .tuple: return "a tuple"
    case .list: return "a list"
    case .dict: return "a dict"
    case .set: return "a set"
    case .global(let global): return "the constructor \(global.name)"
    case .persistent: return "a persistent object"
    case .tensor: return "a tensor"
    case .storage: return "a storage"
    case .dtype: return "a NumPy dtype"
    case .ndarray: return "a NumPy array"
    }
  }

  /// The string, if this is one.
  var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The integer, if this is one (bools count, as in Python).
  var intValue: Int? {
    switch self {
    case .int(let value): return value
    case .bool(let value): return value ? 1 : 0
    default: return nil
    }
  }

  /// The number as a Double, if this is an int or a float.
  var doubleValue: Double? {
    switch self {
    case .int(let value): return Double(value)
    case .float(let value): return value
    case .bool(let value): return value ? 1 : 0
    default: return nil
    }
  }

  /// The elements, if this is a tuple or a list.
  var sequence: [PickleValue]? {
    switch self {
    case .tuple(let tuple): return tuple.items
    case .list(let list): return list.items
    default: return nil
    }
  }

  /// The dict, if this is one.
  var dictValue: PickleDict? {
    if case .dict(let dict) = self { return dict }
    return nil
  }
}

/// The deepest nesting the reader builds; deeper structures are refused so
/// that releasing them cannot exhaust the stack.
let pickleMaximumDepth = 256

/// A Python tuple.
final class PickleTuple {
  let items: [PickleValue]
  let depth: Int

  init(_ items: [PickleValue]) throws {
    self.items = items
    let inner = items.reduce(0) { max($0, $1.depth) }
    self.depth = inner + 1
    guard depth <= pickleMaximumDepth else { throw PickleTuple.tooDeep }
  }

  static let tooDeep = CheckpointProblem.malformedPickle(
    offset: 0, detail: "containers nest more than \(pickleMaximumDepth) levels deep")
}

/// A Python list or set (sets keep their insertion order here).
final class PickleList {
  private(set) var items: [PickleValue] = []
  private(set) var depth = 1

  func append(_ value: PickleValue) throws {
    depth = max(depth, value.depth + 1)
    guard depth <= pickleMaximumDepth else { throw PickleTuple.tooDeep }
    items.append(value)
  }
}

/// A key a Python dict can be looked up by quickly.
enum PickleKey: Hashable {
  case string(String)
  case int(Int)

  init?(_ value: PickleValue) {
    switch value {
    case .string(let text): self = .string(text)
    case .int(let number): self = .int(number)
    case .bool(let flag): self = .int(flag ? 1 : 0)
    default: return nil
    }
  }
}

/// A Python dict (also `OrderedDict` and `EasyDict`), in insertion order.
final class PickleDict {
  private(set) var keys: [PickleValue] = []
  private(set) var values: [PickleValue] = []
  private var index: [PickleKey: Int] = [:]
  private(set) var depth = 1

  /// Sets `key` to `value`, replacing an earlier value under an equal key.
  func set(_ key: PickleValue, _ value: PickleValue) throws {
    depth = max(depth, key.depth + 1, value.depth + 1)
    guard depth <= pickleMaximumDepth else { throw PickleTuple.tooDeep }
    if let hashable = PickleKey(key) {
      if let existing = index[hashable] {
        values[existing] = value
        return
      }
      index[hashable] = keys.count
    }
    keys.append(key)
    values.append(value)
  }

  /// The value under string key `key`.
  subscript(key: String) -> PickleValue? {
    guard let position = index[.string(key)] else { return nil }
    return values[position]
  }

  /// The entries whose keys are strings, in insertion order.
  var stringEntries: [(key: String, value: PickleValue)] {
    zip(keys, values).compactMap { key, value in
      key.stringValue.map { ($0, value) }
    }
  }

  var count: Int { keys.count }
}

/// A tensor as `torch._utils._rebuild_tensor_v2` describes it: a strided
/// view of a storage.
struct TensorReference {
  let storage: TorchStorage
  /// Offset of the first element, in elements.
  let offset: Int
  let shape: [Int]
  let strides: [Int]
}

/// A NumPy dtype such as `<f8`.
final class NumpyDType {
  /// The type code as pickled (`f8`, `i8`, `b1`, …).
  let code: String
  /// `<`, `>`, `|` or `=` once the `BUILD` state has set it.
  var byteOrder: String = "="

  init(code: String) { self.code = code }
}

/// A NumPy array, rebuilt from its pickled shape, dtype and raw bytes.
final class NumpyArray {
  var shape: [Int] = []
  var values: [Double] = []
}
