import Foundation
import Testing

@testable import StyleGAN

@Suite("Checkpoints that must be refused, with a message naming the problem")
struct CheckpointBadInputTests {
  /// Loads `bytes` and returns the problem it was refused with.
  private func problem(_ bytes: [UInt8], network: Checkpoint.Network? = nil) -> CheckpointProblem? {
    do {
      _ = try Checkpoint.load(bytes: bytes, network: network)
      return nil
    } catch let problem as CheckpointProblem {
      return problem
    } catch {
      Issue.record("unexpected error type: \(error)")
      return nil
    }
  }

  private func tinyCheckpoint() throws -> Checkpoint {
    try Checkpoint.load(
      bytes: try CheckpointFixtures.bytes(
        CheckpointFixtures.fixture("sg2-tiny32.pkl")))
  }

  @Test("a pickle naming os.system is refused by name and runs nothing")
  func refusesOSSystem() throws {
    let marker = FileManager.default.temporaryDirectory
      .appendingPathComponent("obscura-pickle-ran-\(getpid())").path
    // Protocol 2: GLOBAL os.system, the argument tuple, REDUCE, STOP.
    let command = "touch \(marker)"
    var bytes: [UInt8] = [0x80, 0x02] + Array("cos\nsystem\n".utf8)
    bytes += [0x58] + withUnsafeBytes(of: UInt32(command.utf8.count).littleEndian, Array.init)
    bytes += Array(command.utf8) + [0x85, 0x52, 0x2E]
    let refused = problem(bytes)
    #expect(refused == .refusedGlobal(name: "os.system", offset: 2))
    #expect(refused?.description.contains("'os.system'") == true)
    #expect(!FileManager.default.fileExists(atPath: marker))
  }

  @Test("STACK_GLOBAL names are checked too, and nested in a dict")
  func refusesStackGlobal() {
    // {'G_ema': builtins.eval('1')} in protocol 4 opcodes.
    var bytes: [UInt8] = [0x80, 0x04, 0x7D, 0x8C, 5] + Array("G_ema".utf8)
    bytes += [0x8C, 8] + Array("builtins".utf8) + [0x8C, 4] + Array("eval".utf8) + [0x93]
    bytes += [0x8C, 1, UInt8(ascii: "1"), 0x85, 0x52, 0x73, 0x2E]
    guard case .refusedGlobal(let name, _) = problem(bytes) else {
      Issue.record("builtins.eval was not refused")
      return
    }
    #expect(name == "builtins.eval")
  }

  @Test("a TensorFlow pickle is named as such")
  func tensorFlowFamily() {
    let bytes: [UInt8] = [0x80, 0x02] + Array("cdnnlib.tflib.network\nNetwork\n".utf8) + [0x2E]
    guard case .unsupportedFamily(let looksLike) = problem(bytes) else {
      Issue.record("a dnnlib.tflib pickle was not recognised")
      return
    }
    #expect(looksLike.contains("TensorFlow"))
  }

  @Test("a pickle without G_ema lists the networks it has")
  func missingNetwork() {
    // {'D': None}
    let bytes: [UInt8] = [0x80, 0x02, 0x7D, 0x58, 1, 0, 0, 0, UInt8(ascii: "D"), 0x4E, 0x73, 0x2E]
    #expect(problem(bytes) == .missingNetwork(name: "G_ema", available: ["D"]))
  }

  @Test("files that are not checkpoints say what they look like")
  func notACheckpoint() {
    guard case .notACheckpoint(let zip) = problem([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]) else {
      Issue.record("a zip file was not refused")
      return
    }
    #expect(zip.contains("zip"))
    #expect(problem([]) == .notACheckpoint(looksLike: "an empty file"))
    #expect(problem(Array("hello, world\n".utf8)) == .notACheckpoint(looksLike: "a text file"))
  }

  @Test("a truncated checkpoint is reported as truncated")
  func truncated() throws {
    let bytes = try CheckpointFixtures.bytes(CheckpointFixtures.fixture("sg2-cond16.pkl"))
    guard case .truncated = problem(Array(bytes.prefix(bytes.count / 2))) else {
      Issue.record("half a pickle was not reported as truncated")
      return
    }
  }

  @Test("lying lengths are refused without allocating what they claim")
  func lyingLengths() {
    // BINBYTES8 claiming 2^62 bytes.
    let bytes: [UInt8] = [0x80, 0x04, 0x8E, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x2E]
    guard case .truncated = problem(bytes) else {
      Issue.record("a 2^62-byte claim was not refused as truncated")
      return
    }
  }

  @Test("a misshapen tensor names both shapes")
  func misshapenTensor() throws {
    var checkpoint = try tinyCheckpoint()
    checkpoint.tensors["synthesis.b8.conv0.weight"] = Tensor(shape: [32, 64, 3, 3])
    #expect(
      throws: CheckpointProblem.tensorShape(
        name: "synthesis.b8.conv0.weight", shape: [32, 64, 3, 3], expected: [64, 64, 3, 3])
    ) { try checkpoint.validate() }
  }

  @Test("a missing tensor is named, also through a file with its path")
  func missingTensor() throws {
    var checkpoint = try tinyCheckpoint()
    checkpoint.tensors["synthesis.b16.conv1.noise_const"] = nil
    #expect(throws: CheckpointProblem.missingTensor(name: "synthesis.b16.conv1.noise_const")) {
      try checkpoint.validate()
    }
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("obscura-missing-\(getpid()).safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    try checkpoint.write(safetensors: url)
    #expect {
      _ = try Checkpoint.load(contentsOf: url)
    } throws: { error in
      String(describing: error)
        == "\(url.path): tensor synthesis.b16.conv1.noise_const is missing"
    }
  }

  @Test("a tensor the configuration does not call for is refused")
  func unexpectedTensor() throws {
    var checkpoint = try tinyCheckpoint()
    checkpoint.tensors["synthesis.b8.skip.weight"] = Tensor(shape: [64, 64, 1, 1])
    #expect(
      throws: CheckpointProblem.unexpectedTensor(
        name: "synthesis.b8.skip.weight", shape: [64, 64, 1, 1])
    ) { try checkpoint.validate() }
  }

  @Test("NaN and infinity in the weights are refused")
  func nonFinite() throws {
    var checkpoint = try tinyCheckpoint()
    checkpoint.tensors["mapping.fc1.bias"]!.scalars[5] = .infinity
    #expect(
      throws: CheckpointProblem.nonFinite(name: "mapping.fc1.bias", index: 5, value: .infinity)
    ) { try checkpoint.validate() }
  }

  @Test("a missing file says so, with its path")
  func missingFile() {
    let url = URL(fileURLWithPath: "/nonexistent/model.pkl")
    #expect(throws: StyleGANError.checkpoint(file: "/nonexistent/model.pkl", .fileNotFound)) {
      _ = try Checkpoint.load(contentsOf: url)
    }
  }

  @Test("G is loaded on request and differs from G_ema")
  func generatorOnRequest() throws {
    let bytes = try CheckpointFixtures.bytes(CheckpointFixtures.horizons)
    let g = try Checkpoint.load(bytes: bytes, network: .g)
    let ema = try Checkpoint.load(bytes: bytes)
    // Read from the raw storages of G and G_ema.
    #expect(g.tensors["mapping.fc0.bias"]?.scalars.first == 0.4668041467666626)
    #expect(ema.tensors["mapping.fc0.bias"]?.scalars.first == 0.4742313027381897)
    #expect(g.config == ema.config)
  }
}
