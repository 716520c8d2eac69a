import Foundation
import Testing

@testable import StyleGAN

@Suite("The pickle reader and the legacy torch storages")
struct PickleReaderTests {
  /// Runs the pickle machine and reads the tensor it yields.
  private func tensor(_ pickle: [UInt8]) throws -> Tensor {
    var machine = PickleMachine(cursor: ByteCursor(pickle))
    guard case .tensor(let reference) = try machine.load() else {
      throw CheckpointProblem.unexpectedLayout(detail: "no tensor")
    }
    return try Tensor(reference, in: pickle, name: "t")
  }

  private func bytes<T>(_ values: [T]) -> [UInt8] {
    values.withUnsafeBytes(Array.init)
  }

  @Test("float16 storages are widened to float32 exactly")
  func float16() throws {
    // 1, -2, 0.5, 65504 (largest half), 2^-24 (smallest subnormal), -0.
    let halves: [UInt16] = [0x3C00, 0xC000, 0x3800, 0x7BFF, 0x0001, 0x8000]
    var pickle = PickleBuilder()
    pickle.tensor(
      storageClass: "HalfStorage", elementBytes: bytes(halves), count: 6, shape: [6], strides: [1])
    let result = try tensor(pickle.finished())
    #expect(result.scalars == [1, -2, 0.5, 65504, 0x1p-24, -0.0])
    #expect(result.scalars[5].sign == .minus)
  }

  @Test("float64 and int64 storages are converted to float32")
  func float64AndInt64() throws {
    var doubles = PickleBuilder()
    doubles.tensor(
      storageClass: "DoubleStorage", elementBytes: bytes([0.1, -3.0, 1e300]), count: 3,
      shape: [3], strides: [1])
    #expect(try tensor(doubles.finished()).scalars == [Float(0.1), -3, .infinity])
    var longs = PickleBuilder()
    longs.tensor(
      storageClass: "LongStorage", elementBytes: bytes([Int64(-7), 1 << 40]), count: 2,
      shape: [2], strides: [1])
    #expect(try tensor(longs.finished()).scalars == [-7, 0x1p40])
  }

  @Test("storages saved from a GPU (torch.cuda.FloatStorage) read like CPU ones")
  func cudaStorage() throws {
    var pickle = PickleBuilder()
    pickle.tensor(
      storageClass: "torch.cuda.FloatStorage", elementBytes: bytes([Float(1.5), -2]), count: 2,
      shape: [2], strides: [1])
    #expect(try tensor(pickle.finished()).scalars == [1.5, -2])
  }

  @Test("a strided view (a transpose with an offset) is gathered in row-major order")
  func stridedView() throws {
    // Storage 0...6; the view skips element 0 and reads [[1, 3, 5], [2, 4, 6]].
    var pickle = PickleBuilder()
    pickle.tensor(
      storageClass: "FloatStorage", elementBytes: bytes((0...6).map(Float.init)), count: 7,
      offset: 1, shape: [2, 3], strides: [1, 2])
    let result = try tensor(pickle.finished())
    #expect(result.shape == [2, 3])
    #expect(result.scalars == [1, 3, 5, 2, 4, 6])
  }

  @Test("a view reaching past its storage is refused")
  func viewPastStorage() throws {
    var pickle = PickleBuilder()
    pickle.tensor(
      storageClass: "FloatStorage", elementBytes: bytes([Float](repeating: 1, count: 4)),
      count: 4, offset: 1, shape: [4], strides: [1])
    #expect(throws: CheckpointProblem.self) { _ = try tensor(pickle.finished()) }
  }

  @Test("a storage whose element count disagrees with its id is refused")
  func storageCountMismatch() throws {
    var stream = PickleBuilder.legacyStream(
      storageClass: "FloatStorage", elementBytes: bytes([Float(1), 2]), count: 2)
    // Make the trailing count say 3 while the id says 2.
    stream[stream.count - 16] = 3
    var pickle = PickleBuilder()
    pickle.global("torch.storage", "_load_from_bytes")
    pickle.mark()
    pickle.bytesValue(stream)
    pickle.tuple()
    pickle.reduce()
    var machine = PickleMachine(cursor: ByteCursor(pickle.finished()))
    #expect(throws: CheckpointProblem.self) { _ = try machine.load() }
  }

  @Test("memo, LONG1, BINFLOAT and NumPy scalars decode to their values")
  func scalars() throws {
    var pickle = PickleBuilder(protocol: 4)
    pickle.mark()
    pickle.raw([0x8A, 2, 0x00, 0x80])  // LONG1 -32768
    pickle.raw([0x47] + littleEndian(Double(0.25).bitPattern.byteSwapped, 8))  // BINFLOAT
    pickle.global("numpy.core.multiarray", "scalar")
    pickle.global("numpy", "dtype")
    pickle.string("f8")
    pickle.bool(false)
    pickle.bool(true)
    pickle.raw([0x87, 0x52])  // TUPLE3, REDUCE
    pickle.raw([0x94])  // MEMOIZE as 0
    pickle.mark()
    pickle.int(3)
    pickle.string("<")
    pickle.tuple()
    pickle.raw([0x62])  // BUILD: byte order
    pickle.bytesValue(bytes([Double(0.125)]))
    pickle.raw([0x86, 0x52])  // TUPLE2, REDUCE
    pickle.raw([0x68, 0])  // BINGET 0: the dtype again
    pickle.tuple()
    var machine = PickleMachine(cursor: ByteCursor(pickle.finished()))
    let items = try #require(try machine.load().sequence)
    #expect(items.count == 4)
    #expect(items[0].intValue == -32768)
    #expect(items[1].doubleValue == 0.25)
    #expect(items[2].doubleValue == 0.125)
    guard case .dtype(let dtype) = items[3] else {
      Issue.record("the memoized dtype was not recalled")
      return
    }
    #expect(dtype.code == "f8" && dtype.byteOrder == "<")
  }

  @Test("reading a memo entry that was never written is refused")
  func unwrittenMemo() {
    var machine = PickleMachine(cursor: ByteCursor([0x80, 0x02, 0x68, 7, 0x2E]))
    #expect(throws: CheckpointProblem.self) { _ = try machine.load() }
  }

  @Test("thousands of nested tuples are refused instead of exhausting the stack")
  func deepNesting() {
    let bytes: [UInt8] = [0x80, 0x02, 0x4E] + [UInt8](repeating: 0x85, count: 100_000) + [0x2E]
    var machine = PickleMachine(cursor: ByteCursor(bytes))
    #expect(throws: CheckpointProblem.self) { _ = try machine.load() }
  }
}
