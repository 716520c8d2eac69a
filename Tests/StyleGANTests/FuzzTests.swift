import Foundation
import Testing

@testable import StyleGAN

@Suite("Fuzzing the readers with damaged fixtures")
struct FuzzTests {
  /// Loads damaged bytes: it must throw a ``CheckpointProblem`` or give a
  /// checkpoint that passed validation; anything else fails the test (and
  /// a crash or a hang fails the run).
  private func survive(_ bytes: [UInt8], _ label: String) -> Bool {
    do {
      _ = try Checkpoint.load(bytes: bytes)
      return false
    } catch is CheckpointProblem {
      return true
    } catch {
      Issue.record("\(label): unexpected error type \(error)")
      return true
    }
  }

  private func fixtures() throws -> [(String, [UInt8])] {
    let pickle = try CheckpointFixtures.bytes(CheckpointFixtures.fixture("sg2-cond16.pkl"))
    let sg3 = try CheckpointFixtures.bytes(CheckpointFixtures.fixture("sg3t-tiny32.pkl"))
    // horizons64: protocol 3 from an older torch (GLOBAL, BINPUT, NEWOBJ).
    let horizons = try CheckpointFixtures.bytes(CheckpointFixtures.horizons)
    let safetensors = try Checkpoint.load(bytes: pickle).safetensorsBytes(network: .gEma)
    return [
      ("sg2-cond16.pkl", pickle), ("sg3t-tiny32.pkl", sg3), ("horizons64.pkl", horizons),
      ("safetensors", safetensors),
    ]
  }

  @Test("every truncated copy is refused")
  func truncatedCopies() throws {
    // A fixed seed, so every run tries the same damaged files.
    var random = SplitMix(state: 1)
    for (name, bytes) in try fixtures() {
      // The first bytes one by one, then positions spread over the file.
      var lengths = Array(0..<40)
      lengths += (0..<60).map { _ in random.below(bytes.count) }
      for length in lengths {
        let refused = survive(Array(bytes.prefix(length)), "\(name) cut at \(length)")
        #expect(refused, "\(name) cut at \(length) bytes was accepted")
      }
    }
  }

  @Test("byte-mutated copies throw or load validly, never crash or hang")
  func mutatedCopies() throws {
    var random = SplitMix(state: 2)
    var refusals = 0
    var cases = 0
    for (name, original) in try fixtures() {
      // Structure lives in the header and around each storage; aim half of
      // the mutations at the first 4 KB.
      for trial in 0..<80 {
        var bytes = original
        let flips = 1 + random.below(4)
        for _ in 0..<flips {
          let span = trial % 2 == 0 ? min(4096, bytes.count) : bytes.count
          let position = random.below(span)
          bytes[position] = trial % 3 == 0 ? UInt8(random.below(256)) : bytes[position] ^ 0xFF
        }
        cases += 1
        if survive(bytes, "\(name) mutation \(trial)") { refusals += 1 }
      }
    }
    // Most damage is caught; weight bytes may change without breaking anything.
    #expect(refusals > cases / 3, "only \(refusals) of \(cases) mutations were refused")
  }
}
