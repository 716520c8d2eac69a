/// The pickle virtual machine (protocols 2 to 5), restricted to data.
///
/// It reads opcodes and builds ``PickleValue``s. A global outside
/// ``PickleGlobal``'s allow-list is refused the moment it is named; the
/// allowed ones are data constructors interpreted in
/// `PickleMachine+Constructors.swift`. Nothing is ever executed.
struct PickleMachine {
  /// Where the next opcode is read.
  var cursor: ByteCursor
  /// Resolves a persistent id (`BINPERSID`); `nil` refuses persistent ids.
  var persistentLoad: ((PickleValue) throws -> PickleValue)?

  private var stack: [PickleValue] = []
  private var marks: [Int] = []
  private var memo: [Int: PickleValue] = [:]
  /// The offset of the opcode being executed, for messages.
  private(set) var opcodeOffset = 0

  /// Creates a machine that reads from `cursor`.
  init(cursor: ByteCursor, persistentLoad: ((PickleValue) throws -> PickleValue)? = nil) {
    self.cursor = cursor
    self.persistentLoad = persistentLoad
  }

  /// Runs until `STOP` and returns the pickled object; the cursor is left
  /// just after the `STOP`.
  mutating func load() throws -> PickleValue {
    stack.removeAll()
    marks.removeAll()
    memo.removeAll()
    while true {
      opcodeOffset = cursor.position
      let opcode = try cursor.byte("a pickle opcode")
      do {
        if opcode == 0x2E {  // STOP
          guard marks.isEmpty, let result = stack.popLast() else {
            throw malformed("STOP with \(stack.count) values on the stack")
          }
          return result
        }
        try execute(opcode)
      } catch CheckpointProblem.malformedPickle(offset: 0, let detail) {
        throw malformed(detail)
      }
    }
  }

  /// A malformed-pickle error at the current opcode.
  func malformed(_ detail: String) -> CheckpointProblem {
    .malformedPickle(offset: opcodeOffset, detail: detail)
  }

  // MARK: - Stack

  private mutating func push(_ value: PickleValue) {
    stack.append(value)
  }

  private mutating func pop() throws -> PickleValue {
    guard let value = stack.popLast(), stack.count >= (marks.last ?? 0) else {
      throw malformed("an opcode needs a value but the stack is empty")
    }
    return value
  }

  private mutating func top() throws -> PickleValue {
    guard let value = stack.last, stack.count > (marks.last ?? 0) else {
      throw malformed("an opcode needs a value but the stack is empty")
    }
    return value
  }

  /// Pops everything above the last mark, and the mark.
  private mutating func popMark() throws -> [PickleValue] {
    guard let mark = marks.popLast() else {
      throw malformed("an opcode needs a MARK but there is none")
    }
    let items = Array(stack[mark...])
    stack.removeSubrange(mark...)
    return items
  }

  private mutating func memoize(_ index: Int, _ value: PickleValue) throws {
    guard index >= 0 else { throw malformed("negative memo index") }
    memo[index] = value
  }

  private func recall(_ index: Int) throws -> PickleValue {
    guard let value = memo[index] else {
      throw malformed("memo entry \(index) is read before it is written")
    }
    return value
  }

  // MARK: - Opcodes

  private mutating func execute(_ opcode: UInt8) throws {
    switch opcode {
    case 0x80:  // PROTO
      let version = try cursor.byte("the protocol version")
      guard version <= 5 else { throw malformed("unknown pickle protocol \(version)") }
    case 0x95:  // FRAME: the length is only a read-ahead hint.
      _ = try cursor.unsigned(8, "a frame length")
    case 0x28:  // MARK
      marks.append(stack.count)
    case 0x30:  // POP
      if stack.count == (marks.last ?? -1) {
        _ = try popMark()
      } else {
        _ = try pop()
      }
    case 0x31:  // POP_MARK
      _ = try popMark()
    case 0x32:  // DUP
      push(try top())

    // Constants and numbers.
    case 0x4E: push(.none)  // NONE
    case 0x88: push(.bool(true))  // NEWTRUE
    case 0x89: push(.bool(false))  // NEWFALSE
    case 0x4B: push(.int(Int(try cursor.unsigned(1, "an int"))))  // BININT1
    case 0x4D: push(.int(Int(try cursor.unsigned(2, "an int"))))  // BININT2
    case 0x4A:  // BININT
      push(.int(Int(Int32(truncatingIfNeeded: try cursor.unsigned(4, "an int")))))
    case 0x8A:  // LONG1
      let count = try cursor.length(1, "a long integer")
      push(try long(count))
    case 0x8B:  // LONG4
      let count = try cursor.length(4, "a long integer")
      push(try long(count))
    case 0x49:  // INT (text)
      let text = try cursor.line("an int")
      if text == "01" || text == "00" {
        push(.bool(text == "01"))
      } else {
        guard let value = Int(text) else { throw malformed("bad INT '\(text.prefix(20))'") }
        push(.int(value))
      }
    case 0x4C:  // LONG (text)
      var text = try cursor.line("a long integer")
      if text.hasSuffix("L") { text.removeLast() }
      guard let value = Int(text) else { throw malformed("bad LONG '\(text.prefix(20))'") }
      push(.int(value))
    case 0x47:  // BINFLOAT, big-endian
      let raw = try cursor.unsigned(8, "a float")
      push(.float(Double(bitPattern: raw.byteSwapped)))
    case 0x46:  // FLOAT (text)
      let text = try cursor.line("a float")
      guard let value = Double(text) else { throw malformed("bad FLOAT '\(text.prefix(20))'") }
      push(.float(value))

    // Strings and bytes.
    case 0x8C:  // SHORT_BINUNICODE
      try pushString(try cursor.length(1, "a string"))
    case 0x58:  // BINUNICODE
      try pushString(try cursor.length(4, "a string"))
    case 0x8D:  // BINUNICODE8
      try pushString(try cursor.length(8, "a string"))
    case 0x56:  // UNICODE (raw-unicode-escape text)
      push(.string(try cursor.line("a string")))
    case 0x43, 0x55:  // SHORT_BINBYTES, SHORT_BINSTRING
      push(.bytes(try cursor.take(try cursor.length(1, "a byte string"), "a byte string")))
    case 0x42, 0x54:  // BINBYTES, BINSTRING
      push(.bytes(try cursor.take(try cursor.length(4, "a byte string"), "a byte string")))
    case 0x8E, 0x96:  // BINBYTES8, BYTEARRAY8
      push(.bytes(try cursor.take(try cursor.length(8, "a byte string"), "a byte string")))
    case 0x53:  // STRING (quoted text)
      let text = try cursor.line("a string")
      guard text.count >= 2, let quote = text.first, quote == "'" || quote == "\"",
        text.last == quote
      else { throw malformed("bad STRING") }
      push(.string(String(text.dropFirst().dropLast())))

    // Containers.
    case 0x29: push(.tuple(try PickleTuple([])))  // EMPTY_TUPLE
    case 0x85:  // TUPLE1
      push(.tuple(try PickleTuple([try pop()])))
    case 0x86:  // TUPLE2
      let second = try pop()
      push(.tuple(try PickleTuple([try pop(), second])))
    case 0x87:  // TUPLE3
      let third = try pop()
      let second = try pop()
      push(.tuple(try PickleTuple([try pop(), second, third])))
    case 0x74:  // TUPLE
      push(.tuple(try PickleTuple(try popMark())))
    case 0x5D: push(.list(PickleList()))  // EMPTY_LIST
    case 0x6C:  // LIST
      let list = PickleList()
      for item in try popMark() { try list.append(item) }
      push(.list(list))
    case 0x61:  // APPEND
      let item = try pop()
      try append([item], to: try top())
    case 0x65:  // APPENDS
      let items = try popMark()
      try append(items, to: try top())
    case 0x7D: push(.dict(PickleDict()))  // EMPTY_DICT
    case 0x64:  // DICT
      let dict = PickleDict()
      try setItems(try popMark(), in: dict)
      push(.dict(dict))
    case 0x73:  // SETITEM
      let value = try pop()
      let key = try pop()
      try setItems([key, value], in: try dictionary(try top()))
    case 0x75:  // SETITEMS
      let items = try popMark()
      try setItems(items, in: try dictionary(try top()))
    case 0x8F: push(.set(PickleList()))  // EMPTY_SET
    case 0x90:  // ADDITEMS
      let items = try popMark()
      guard case .set(let set) = try top() else { throw malformed("ADDITEMS on a non-set") }
      for item in items { try set.append(item) }
    case 0x91:  // FROZENSET
      let set = PickleList()
      for item in try popMark() { try set.append(item) }
      push(.set(set))

    // Memo.
    case 0x94: try memoize(memo.count, try top())  // MEMOIZE
    case 0x71: try memoize(Int(try cursor.unsigned(1, "a memo index")), try top())  // BINPUT
    case 0x72: try memoize(Int(try cursor.unsigned(4, "a memo index")), try top())  // LONG_BINPUT
    case 0x70:  // PUT (text)
      guard let index = Int(try cursor.line("a memo index")) else { throw malformed("bad PUT") }
      try memoize(index, try top())
    case 0x68: push(try recall(Int(try cursor.unsigned(1, "a memo index"))))  // BINGET
    case 0x6A: push(try recall(Int(try cursor.unsigned(4, "a memo index"))))  // LONG_BINGET
    case 0x67:  // GET (text)
      guard let index = Int(try cursor.line("a memo index")) else { throw malformed("bad GET") }
      push(try recall(index))

    // Globals and calls.
    case 0x63:  // GLOBAL
      let module = try cursor.line("a global's module")
      let name = try cursor.line("a global's name")
      push(try global(module: module, name: name))
    case 0x93:  // STACK_GLOBAL
      let name = try pop()
      let module = try pop()
      guard let moduleText = module.stringValue, let nameText = name.stringValue else {
        throw malformed("STACK_GLOBAL needs two strings")
      }
      push(try global(module: moduleText, name: nameText))
    case 0x52:  // REDUCE
      let arguments = try pop()
      let callable = try pop()
      guard let items = arguments.sequence else {
        throw malformed("REDUCE arguments are not a tuple")
      }
      push(try call(callable, items))
    case 0x81:  // NEWOBJ
      let arguments = try pop()
      let callable = try pop()
      guard let items = arguments.sequence else {
        throw malformed("NEWOBJ arguments are not a tuple")
      }
      push(try instantiate(callable, items))
    case 0x92:  // NEWOBJ_EX
      _ = try pop()  // keyword arguments: none of the allowed classes takes any
      let arguments = try pop()
      let callable = try pop()
      guard let items = arguments.sequence else {
        throw malformed("NEWOBJ_EX arguments are not a tuple")
      }
      push(try instantiate(callable, items))
    case 0x62:  // BUILD
      let state = try pop()
      try build(try top(), state: state)
    case 0x69:  // INST
      let module = try cursor.line("a global's module")
      let name = try cursor.line("a global's name")
      let callable = try global(module: module, name: name)
      push(try instantiate(callable, try popMark()))
    case 0x6F:  // OBJ
      var items = try popMark()
      guard !items.isEmpty else { throw malformed("OBJ without a class") }
      let callable = items.removeFirst()
      push(try instantiate(callable, items))

    // Persistent ids.
    case 0x51:  // BINPERSID
      let id = try pop()
      guard let persistentLoad else {
        throw CheckpointProblem.unsupportedPickleFeature(
          offset: opcodeOffset, feature: "a persistent id outside a tensor storage stream")
      }
      push(try persistentLoad(id))
    case 0x50:  // PERSID
      let id = try cursor.line("a persistent id")
      guard let persistentLoad else {
        throw CheckpointProblem.unsupportedPickleFeature(
          offset: opcodeOffset, feature: "a persistent id outside a tensor storage stream")
      }
      push(try persistentLoad(.string(id)))

    case 0x82, 0x83, 0x84:  // EXT1, EXT2, EXT4
      throw CheckpointProblem.unsupportedPickleFeature(
        offset: opcodeOffset, feature: "the copyreg extension registry")
    case 0x97, 0x98:  // NEXT_BUFFER, READONLY_BUFFER
      throw CheckpointProblem.unsupportedPickleFeature(
        offset: opcodeOffset, feature: "out-of-band buffers")
    default:
      throw malformed("unknown opcode 0x\(String(opcode, radix: 16))")
    }
  }

  private mutating func pushString(_ count: Int) throws {
    let range = try cursor.take(count, "a string")
    push(.string(try cursor.utf8(range, at: opcodeOffset)))
  }

  /// A little-endian two's-complement integer of `count` bytes.
  private mutating func long(_ count: Int) throws -> PickleValue {
    let range = try cursor.take(count, "a long integer")
    if count == 0 { return .int(0) }
    if count <= 8 {
      var value: UInt64 = 0
      for (shift, index) in range.enumerated() {
        value |= UInt64(cursor.bytes[index]) << (8 * UInt64(shift))
      }
      if count < 8, cursor.bytes[range.upperBound - 1] & 0x80 != 0 {
        value |= ~0 << (8 * UInt64(count))  // sign-extend
      }
      return .int(Int(Int64(bitPattern: value)))
    }
    return .bigInt(Array(cursor.bytes[range]))
  }

  private func global(module: String, name: String) throws -> PickleValue {
    guard let allowed = PickleGlobal(module: module, name: name) else {
      if module.hasPrefix("dnnlib.tflib") {
        throw CheckpointProblem.unsupportedFamily(
          looksLike: "a TensorFlow StyleGAN or StyleGAN2 pickle (it names "
            + "\(module).\(name)); convert it to PyTorch with the official "
            + "StyleGAN2-ADA legacy.py first")
      }
      throw CheckpointProblem.refusedGlobal(name: "\(module).\(name)", offset: opcodeOffset)
    }
    return .global(allowed)
  }

  private func dictionary(_ value: PickleValue) throws -> PickleDict {
    guard case .dict(let dict) = value else {
      throw malformed("SETITEM on \(value.kind), not a dict")
    }
    return dict
  }

  private func setItems(_ items: [PickleValue], in dict: PickleDict) throws {
    guard items.count % 2 == 0 else { throw malformed("a dict item has a key but no value") }
    var index = 0
    while index < items.count {
      try dict.set(items[index], items[index + 1])
      index += 2
    }
  }

  private func append(_ items: [PickleValue], to value: PickleValue) throws {
    guard case .list(let list) = value else {
      throw malformed("APPEND to \(value.kind), not a list")
    }
    for item in items { try list.append(item) }
  }
}
