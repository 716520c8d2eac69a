import Foundation

/// A safetensors file: named tensors and a string-to-string metadata map.
///
/// Layout: an unsigned 64-bit little-endian header length `n`; `n` bytes of
/// JSON mapping each tensor name to `{"dtype", "shape", "data_offsets":
/// [begin, end]}` (offsets relative to the end of the header) plus an
/// optional `"__metadata__"` object of strings; then the tensor data,
/// little-endian, row-major.
struct SafetensorsFile {
  /// The tensors, converted to float32.
  var tensors: [String: Tensor]
  /// The `__metadata__` map.
  var metadata: [String: String]

  /// The largest header the reader accepts (the format's own limit).
  private static let maximumHeader = 100_000_000

  /// The element types the reader converts, by their safetensors names.
  private static let dtypes: [String: TorchDType] = [
    "F32": .float32, "F16": .float16, "BF16": .bfloat16, "F64": .float64, "I64": .int64,
    "I32": .int32, "I16": .int16, "I8": .int8, "U8": .uint8, "BOOL": .bool,
  ]

  /// Parses a safetensors file.
  ///
  /// - Throws: ``CheckpointProblem``.
  init(bytes: [UInt8]) throws {
    var cursor = ByteCursor(bytes)
    let headerLength = try cursor.length(8, "the safetensors header")
    guard headerLength <= Self.maximumHeader else {
      throw CheckpointProblem.malformedSafetensors(detail: "the header is \(headerLength) bytes")
    }
    let headerRange = try cursor.take(headerLength, "the safetensors header")
    let dataStart = headerRange.upperBound
    let dataLength = bytes.count - dataStart

    let json: Any
    do {
      json = try JSONSerialization.jsonObject(with: Data(bytes[headerRange]))
    } catch {
      throw CheckpointProblem.malformedSafetensors(detail: "the header is not valid JSON")
    }
    guard let header = json as? [String: Any] else {
      throw CheckpointProblem.malformedSafetensors(detail: "the header is not a JSON object")
    }

    var metadata: [String: String] = [:]
    if let raw = header["__metadata__"] {
      guard let map = raw as? [String: Any] else {
        throw CheckpointProblem.malformedSafetensors(detail: "__metadata__ is not an object")
      }
      for (key, value) in map {
        guard let text = value as? String else {
          throw CheckpointProblem.malformedSafetensors(detail: "metadata '\(key)' is not a string")
        }
        metadata[key] = text
      }
    }

    // In name order, so that a damaged file is reported the same way on
    // every run.
    var tensors: [String: Tensor] = [:]
    for (name, entry) in header.sorted(by: { $0.key < $1.key }) where name != "__metadata__" {
      func problem(_ detail: String) -> CheckpointProblem {
        .malformedSafetensors(detail: "tensor \(name) \(detail)")
      }
      guard let fields = entry as? [String: Any],
        let dtypeName = fields["dtype"] as? String,
        let shapeValues = fields["shape"] as? [Any],
        let offsetValues = fields["data_offsets"] as? [Any], offsetValues.count == 2
      else { throw problem("has no dtype, shape and data_offsets") }
      guard let dtype = Self.dtypes[dtypeName] else {
        throw problem("has the unsupported dtype \(dtypeName)")
      }
      let shape = shapeValues.compactMap(Self.integer)
      let offsets = offsetValues.compactMap(Self.integer)
      guard shape.count == shapeValues.count, shape.allSatisfy({ $0 >= 0 }) else {
        throw problem("has a shape that is not a list of sizes")
      }
      guard offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1],
        offsets[1] <= dataLength
      else { throw problem("has data_offsets outside the file (truncated?)") }
      var count = 1
      for size in shape {
        let product = count.multipliedReportingOverflow(by: size)
        guard !product.overflow, product.partialValue <= dataLength else {
          throw problem("has more elements than the file has bytes")
        }
        count = product.partialValue
      }
      guard offsets[1] - offsets[0] == count * dtype.size else {
        throw problem(
          "has \(offsets[1] - offsets[0]) bytes of data for \(count) \(dtypeName) elements")
      }
      let data = (dataStart + offsets[0])..<(dataStart + offsets[1])
      let reference = TensorReference(
        storage: TorchStorage(dtype: dtype, data: data), offset: 0, shape: shape,
        strides: Tensor.contiguousStrides(shape))
      tensors[name] = try Tensor(reference, in: bytes, name: name)
    }
    self.tensors = tensors
    self.metadata = metadata
  }

  /// Creates a file from its parts.
  init(tensors: [String: Tensor], metadata: [String: String]) {
    self.tensors = tensors
    self.metadata = metadata
  }

  /// The file's bytes: tensors in name order, float32, with the header
  /// padded by spaces to a multiple of 8 bytes.
  func serialized() -> [UInt8] {
    let names = tensors.keys.sorted()
    var header = "{"
    if !metadata.isEmpty {
      let entries = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
      header += "\"__metadata__\":{\(entries.joined(separator: ","))}"
    }
    var offset = 0
    for name in names {
      let tensor = tensors[name]!
      let end = offset + tensor.count * 4
      if header.count > 1 { header += "," }
      let shape = tensor.shape.map(String.init).joined(separator: ",")
      header +=
        "\(jsonString(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],"
        + "\"data_offsets\":[\(offset),\(end)]}"
      offset = end
    }
    header += "}"
    var headerBytes = Array(header.utf8)
    while headerBytes.count % 8 != 0 { headerBytes.append(UInt8(ascii: " ")) }

    var bytes: [UInt8] = []
    bytes.reserveCapacity(8 + headerBytes.count + offset)
    let length = UInt64(headerBytes.count)
    for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: length >> (8 * UInt64(index)))) }
    bytes += headerBytes
    for name in names {
      // Little-endian float32, as on every host Swift runs on here.
      tensors[name]!.scalars.withUnsafeBytes { bytes += $0 }
    }
    return bytes
  }

  /// A JSON integer as Int (JSONSerialization yields NSNumber, which on
  /// Linux also answers to `Bool` for 0 and 1).
  private static func integer(_ value: Any) -> Int? {
    guard let number = value as? NSNumber else { return nil }
    let double = number.doubleValue
    guard double == double.rounded(), abs(double) < 0x1p62 else { return nil }
    return number.intValue
  }
}

/// `text` as a JSON string literal.
func jsonString(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    default:
      if scalar.value < 0x20 {
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
  }
  return result + "\""
}
