import Foundation
import Testing

/// `obscura generate` on the reference fixtures: file names, formats,
/// sharding and the one-line errors for bad values.
@Suite("obscura generate")
struct GenerateCommandTests {
  /// A checkpoint from `../shared/fixtures/stylegan`, or a failure saying
  /// that `../shared` is missing.
  private func fixture(_ name: String) throws -> String {
    let path =
      (ObscuraProcess.repositoryRoot as NSString).deletingLastPathComponent
      + "/shared/fixtures/stylegan/\(name)"
    guard FileManager.default.fileExists(atPath: path) else {
      Issue.record("../shared is missing: expected the reference fixture \(path)")
      throw CocoaError(.fileNoSuchFile)
    }
    return path
  }

  /// The little-endian float32 values after a `.npy` header.
  private func npyValues(_ path: String) throws -> (header: String, values: [Float]) {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let length = Int(bytes[8]) | Int(bytes[9]) << 8
    let header = String(decoding: bytes[10..<10 + length], as: UTF8.self)
    let body = bytes[(10 + length)...]
    let values = stride(from: body.startIndex, to: body.endIndex, by: 4).map { offset in
      Float(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) })
    }
    return (header, values)
  }

  @Test("PNG files are named seedNNNN.png, listed with their size, and are 8-bit RGB")
  func writesPNGs() throws {
    let scratch = try Scratch()
    let model = try fixture("sg2-tiny32.pkl")
    let result = try ObscuraProcess.run(
      ["generate", "--model", model, "--seeds", "0,42", "--trunc", "0.7", "--out", "seeds"],
      in: scratch.path)
    #expect(result.status == 0, "\(result.output)")
    #expect(scratch.files(in: "seeds") == ["seed0000.png", "seed0042.png"])
    #expect(result.stdout.contains("seeds/seed0042.png  32x32"))
    let png = [UInt8](
      try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/seeds/seed0000.png")))
    #expect(Array(png[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    // IHDR: width 32, height 32, bit depth 8, colour type 2 (RGB).
    #expect(Array(png[16..<26]) == [0, 0, 0, 32, 0, 0, 0, 32, 8, 2])
  }

  @Test(".npy output is the raw [1, 3, H, W] float32 image of the official code")
  func writesNPY() throws {
    let scratch = try Scratch()
    let model = try fixture("sg2-tiny32.pkl")
    let result = try ObscuraProcess.run(
      [
        "generate", "--model", model, "--seeds", "1", "--trunc", "0.7", "--format", "npy",
        "--out", ".",
      ],
      in: scratch.path)
    #expect(result.status == 0, "\(result.output)")
    let (header, values) = try npyValues(scratch.path + "/seed0001.npy")
    #expect(header.contains("'descr': '<f4'") && header.contains("'shape': (1, 3, 32, 32)"))
    #expect((10 + header.utf8.count) % 64 == 0)
    let (_, expected) = try npyValues(try fixture("sg2-tiny32-seed1-psi0.7-const-img.npy"))
    #expect(values.count == expected.count)
    let worst = zip(values, expected).map { abs($0 - $1) }.max() ?? .infinity
    #expect(worst <= 1e-4)
  }

  @Test("--shard 1/2 writes every second seed of the list, starting at the second")
  func shards() throws {
    let scratch = try Scratch()
    let model = try fixture("sg2-cond16.pkl")
    let result = try ObscuraProcess.run(
      [
        "generate", "--model", model, "--seeds", "0-3", "--class", "2", "--shard", "1/2",
        "--out", ".",
      ],
      in: scratch.path)
    #expect(result.status == 0, "\(result.output)")
    #expect(scratch.files() == ["seed0001.png", "seed0003.png"])
  }

  @Test(
    "Bad seeds, psi and classes get a one-line error and a failing status",
    arguments: [
      (["--seeds", "-3"], "seed '-3'"),
      (["--seeds", "4294967296"], "seed '4294967296'"),
      (["--seeds", "ten"], "seed 'ten'"),
      (["--seeds", "1", "--trunc", "nan"], "truncation psi 'nan' is not a finite number"),
      (["--seeds", "1", "--trunc", "inf"], "truncation psi 'inf' is not a finite number"),
      (["--seeds", "1"], "conditional on 3 classes"),
      (["--seeds", "1", "--class", "3"], "class 3 is out of range"),
    ])
  func badValues(arguments: [String], message: String) throws {
    let scratch = try Scratch()
    let model = try fixture("sg2-cond16.pkl")
    let result = try ObscuraProcess.run(
      ["generate", "--model", model, "--out", "out"] + arguments, in: scratch.path)
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    let errorLines = result.stderr.split(separator: "\n").filter { $0.contains("error") }
    #expect(errorLines.count == 1, "\(result.stderr)")
    #expect(scratch.files(in: "out").isEmpty)
  }
}
