import Foundation
import Testing

@testable import StyleGAN

@Suite("safetensors, the project's weight format")
struct SafetensorsTests {
  private func checkpoint(_ name: String) throws -> Checkpoint {
    try Checkpoint.load(bytes: try CheckpointFixtures.bytes(CheckpointFixtures.fixture(name)))
  }

  @Test(
    "a checkpoint survives the round trip exactly",
    arguments: [
      "sg2-tiny32.pkl", "sg2-cond16.pkl", "sg3t-tiny32.pkl",
    ])
  func roundTrip(file: String) throws {
    let original = try checkpoint(file)
    let bytes = original.safetensorsBytes(network: .gEma)
    let reloaded = try Checkpoint.load(bytes: bytes)
    #expect(reloaded == original)
    for (name, tensor) in original.tensors {
      let bits = reloaded.tensors[name]?.scalars.map(\.bitPattern)
      #expect(bits == tensor.scalars.map(\.bitPattern), "\(name)")
    }
    #expect(reloaded.safetensorsBytes(network: .gEma) == bytes)
  }

  @Test("a truncated file names the first tensor, by name, whose data is cut off")
  func truncatedNamesFirstTensor() throws {
    let bytes = try checkpoint("sg2-tiny32.pkl").safetensorsBytes()
    let length = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    let kept = (bytes.count - 8 - length) / 2
    let json = try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)]))
    let header = try #require(json as? [String: Any])
    let cut = header.keys.sorted().first { name in
      guard let entry = header[name] as? [String: Any],
        let offsets = entry["data_offsets"] as? [Int]
      else { return false }
      return offsets[1] > kept
    }
    let expected = try #require(cut)
    let truncated = Array(bytes[0..<(8 + length + kept)])
    #expect(
      throws: CheckpointProblem.malformedSafetensors(
        detail: "tensor \(expected) has data_offsets outside the file (truncated?)")
    ) {
      try Checkpoint.load(bytes: truncated)
    }
  }

  @Test("the file follows the safetensors layout: length, JSON header, raw float32")
  func layout() throws {
    let original = try checkpoint("sg2-cond16.pkl")
    let bytes = original.safetensorsBytes()
    let length = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    #expect(length % 8 == 0)
    let json = try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)]))
    let header = try #require(json as? [String: Any])
    let entry = try #require(header["mapping.embed.weight"] as? [String: Any])
    #expect(entry["dtype"] as? String == "F32")
    #expect(entry["shape"] as? [Int] == [48, 3])
    let offsets = try #require(entry["data_offsets"] as? [Int])
    #expect(offsets[1] - offsets[0] == 48 * 3 * 4)
    let start = 8 + length + offsets[0]
    let first = bytes[start..<(start + 4)].enumerated()
      .reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    #expect(Float(bitPattern: first) == 0.787738561630249)
    let metadata = try #require(header["__metadata__"] as? [String: String])
    #expect(metadata["obscura.config"]?.contains("\"zDim\":32") == true)
  }

  @Test("the format is told by content, not by the file's extension")
  func formatByContent() throws {
    let original = try checkpoint("sg2-cond16.pkl")
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("obscura-content-\(getpid()).pkl")
    defer { try? FileManager.default.removeItem(at: url) }
    let size = try original.write(safetensors: url)
    #expect(size == (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int))
    #expect(try Checkpoint.load(contentsOf: url) == original)
  }

  @Test("a file written from G refuses a request for G_ema")
  func recordedNetwork() throws {
    let bytes = try checkpoint("sg2-cond16.pkl").safetensorsBytes(network: .g)
    #expect(throws: CheckpointProblem.missingNetwork(name: "G_ema", available: ["G"])) {
      _ = try Checkpoint.load(bytes: bytes, network: .gEma)
    }
    #expect(try Checkpoint.load(bytes: bytes).config.cDim == 3)
  }

  @Test("safetensors without the configuration metadata are refused with advice")
  func withoutConfiguration() throws {
    let file = SafetensorsFile(tensors: ["x": Tensor(shape: [2], repeating: 1)], metadata: [:])
    #expect {
      _ = try Checkpoint.load(bytes: file.serialized())
    } throws: { error in
      String(describing: error).contains("obscura convert")
    }
  }

  @Test("a header that claims more data than the file holds is refused")
  func lyingOffsets() {
    let header = Array(
      #"{"x":{"dtype":"F32","shape":[1099511627776],"data_offsets":[0,4398046511104]}}"#.utf8)
    let bytes = withUnsafeBytes(of: UInt64(header.count).littleEndian, Array.init) + header
    #expect(throws: CheckpointProblem.self) { _ = try SafetensorsFile(bytes: bytes) }
  }

  @Test("writing into a folder that does not exist names the folder")
  func missingFolder() throws {
    let checkpoint = try checkpoint("sg2-cond16.pkl")
    let url = URL(fileURLWithPath: "/nonexistent-obscura/model.safetensors")
    #expect(
      throws: StyleGANError.outputFolderMissing(
        file: url.path, folder: "/nonexistent-obscura")
    ) { try checkpoint.write(safetensors: url) }
  }
}
