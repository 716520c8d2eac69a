/// The allowed globals, read as data constructors: each call becomes the
/// value it would have built, checked for the types a checkpoint uses.
extension PickleMachine {
  /// `REDUCE`: calls an allowed constructor with positional arguments.
  func call(_ callable: PickleValue, _ arguments: [PickleValue]) throws -> PickleValue {
    guard case .global(let global) = callable else {
      throw malformed("REDUCE calls \(callable.kind), not a constructor")
    }
    switch global {
    case .persistentObject:
      guard let meta = arguments.first?.dictValue, arguments.count == 1 else {
        throw malformed("a persistent object needs one metadata dict")
      }
      return .persistent(meta)

    case .orderedDict, .easyDict:
      let dict = PickleDict()
      if let pairs = arguments.first?.sequence {
        for pair in pairs {
          guard let items = pair.sequence, items.count == 2 else {
            throw malformed("\(global.name) needs (key, value) pairs")
          }
          try dict.set(items[0], items[1])
        }
      }
      return .dict(dict)

    case .set, .frozenset:
      let set = PickleList()
      for item in arguments.first?.sequence ?? [] { try set.append(item) }
      return .set(set)

    case .rebuildTensor:
      return .tensor(try rebuildTensor(arguments))

    case .rebuildParameter:
      guard let first = arguments.first, case .tensor = first else {
        throw malformed("_rebuild_parameter needs a tensor")
      }
      return first

    case .loadFromBytes:
      guard arguments.count == 1, case .bytes(let range) = arguments[0] else {
        throw malformed("_load_from_bytes needs one bytes argument")
      }
      return .storage(try TorchLegacyStream.storage(in: cursor.bytes, range: range))

    case .numpyDType:
      guard let code = arguments.first?.stringValue else {
        throw malformed("numpy.dtype needs a type code")
      }
      return .dtype(NumpyDType(code: code))

    case .numpyScalar:
      guard arguments.count == 2, case .dtype(let dtype) = arguments[0],
        case .bytes(let range) = arguments[1]
      else { throw malformed("a NumPy scalar needs a dtype and bytes") }
      guard let value = try numpyValues(dtype, range).first else {
        throw malformed("a NumPy scalar has no bytes")
      }
      return scalarValue(dtype, value)

    case .numpyReconstruct:
      guard case .global(.numpyNDArray) = arguments.first else {
        throw malformed("_reconstruct builds something other than numpy.ndarray")
      }
      return .ndarray(NumpyArray())

    case .numpyNDArray, .storageType:
      throw malformed("\(global.name) cannot be called here")
    }
  }

  /// `NEWOBJ`: `cls.__new__(cls, *args)` for the allowed classes.
  func instantiate(_ callable: PickleValue, _ arguments: [PickleValue]) throws -> PickleValue {
    guard case .global(let global) = callable else {
      throw malformed("NEWOBJ instantiates \(callable.kind), not a class")
    }
    switch global {
    case .orderedDict, .easyDict: return .dict(PickleDict())
    default: return try call(callable, arguments)
    }
  }

  /// `BUILD`: sets an object's state.
  func build(_ target: PickleValue, state: PickleValue) throws {
    switch target {
    case .dtype(let dtype):
      // (version, byte order, subdescr, names, fields, itemsize, align, flags)
      guard let items = state.sequence, items.count >= 2, let order = items[1].stringValue else {
        throw malformed("a NumPy dtype has an unreadable state")
      }
      dtype.byteOrder = order

    case .ndarray(let array):
      // (version, shape, dtype, is_fortran, raw data)
      guard let items = state.sequence, items.count == 5,
        let shape = items[1].sequence?.compactMap(\.intValue),
        case .dtype(let dtype) = items[2], case .bytes(let range) = items[4]
      else { throw malformed("a NumPy array has an unreadable state") }
      let values = try numpyValues(dtype, range)
      guard shape.allSatisfy({ $0 >= 0 }),
        shape.reduce(1, { $0.multipliedReportingOverflow(by: $1).partialValue }) == values.count
      else { throw malformed("a NumPy array's shape does not match its data") }
      array.shape = shape
      array.values = values

    case .dict(let dict):
      // An EasyDict's instance __dict__, or (dict state, slot state).
      var stateDict = state.dictValue
      if stateDict == nil, let items = state.sequence, items.count == 2 {
        stateDict = items[0].dictValue
      }
      guard let stateDict else { throw malformed("a dict's BUILD state is not a dict") }
      for (key, value) in zip(stateDict.keys, stateDict.values) {
        try dict.set(key, value)
      }

    default:
      throw malformed("BUILD on \(target.kind)")
    }
  }

  /// `_rebuild_tensor_v2(storage, offset, size, stride, requires_grad,
  /// backward_hooks[, metadata])`.
  private func rebuildTensor(_ arguments: [PickleValue]) throws -> TensorReference {
    guard arguments.count >= 4, case .storage(let storage) = arguments[0],
      let offset = arguments[1].intValue,
      let shape = arguments[2].sequence?.map(\.intValue),
      let strides = arguments[3].sequence?.map(\.intValue),
      !shape.contains(nil), !strides.contains(nil), shape.count == strides.count
    else { throw malformed("_rebuild_tensor_v2 has unexpected arguments") }
    return TensorReference(
      storage: storage, offset: offset, shape: shape.map { $0! }, strides: strides.map { $0! })
  }

  /// Decodes NumPy data of a numeric dtype as Doubles.
  private func numpyValues(_ dtype: NumpyDType, _ range: Range<Int>) throws -> [Double] {
    let code = dtype.code
    guard let kind = code.first, let size = Int(code.dropFirst()), size > 0, size <= 8,
      "fiub".contains(kind), range.count % size == 0
    else { throw malformed("NumPy dtype '\(code.prefix(12))' is not one a checkpoint uses") }
    let bigEndian = dtype.byteOrder == ">"
    let bytes = cursor.bytes
    var values: [Double] = []
    values.reserveCapacity(range.count / size)
    var start = range.lowerBound
    while start < range.upperBound {
      var raw: UInt64 = 0
      for index in 0..<size {
        let shift = bigEndian ? size - 1 - index : index
        raw |= UInt64(bytes[start + index]) << (8 * UInt64(shift))
      }
      switch (kind, size) {
      case ("f", 8): values.append(Double(bitPattern: raw))
      case ("f", 4): values.append(Double(Float(bitPattern: UInt32(raw))))
      case ("f", 2): values.append(Double(halfToFloat(UInt16(raw))))
      case ("i", _):
        let shift = UInt64(64 - 8 * size)
        values.append(Double(Int64(bitPattern: raw << shift) >> Int64(shift)))
      case ("u", _), ("b", _): values.append(Double(raw))
      default: throw malformed("NumPy dtype '\(code)' is not one a checkpoint uses")
      }
      start += size
    }
    return values
  }

  /// The Python value of a NumPy scalar of `dtype`.
  private func scalarValue(_ dtype: NumpyDType, _ value: Double) -> PickleValue {
    switch dtype.code.first {
    case "b": return .bool(value != 0)
    case "i", "u": return .int(Int(exactly: value) ?? 0)
    default: return .float(value)
    }
  }
}

/// Converts an IEEE 754 half-precision bit pattern to Float.
func halfToFloat(_ bits: UInt16) -> Float {
  let sign = UInt32(bits >> 15) << 31
  let exponent = Int(bits >> 10) & 0x1F
  let mantissa = UInt32(bits & 0x3FF)
  if exponent == 0x1F {  // infinity or NaN
    return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
  }
  if exponent == 0 {  // zero or subnormal: mantissa × 2^-24
    let magnitude = Float(mantissa) * 0x1p-24
    return sign == 0 ? magnitude : -magnitude
  }
  return Float(bitPattern: sign | UInt32(exponent + 112) << 23 | (mantissa << 13))
}
