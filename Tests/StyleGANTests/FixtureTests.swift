import Foundation
import Testing

@testable import StyleGAN

/// The reference fixtures in `../shared/fixtures/stylegan`, next to the
/// repository.
enum Fixtures {
  /// The repository's root, found from this file's path.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // StyleGANTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// The fixture folder.
  static let directory =
    repositoryRoot
    .deletingLastPathComponent()
    .appendingPathComponent("shared/fixtures/stylegan")

  /// Why the fixtures cannot be used, or nil when they are there.
  static var missingReason: String? {
    let cases = directory.appendingPathComponent("cases.json").path
    if FileManager.default.fileExists(atPath: cases) {
      return nil
    }
    return "../shared is missing: expected the reference fixtures at \(directory.path)"
      + " (the repository's parent folder must hold shared/fixtures/stylegan)"
  }

  /// One reference case of `cases.json`.
  struct Case: Decodable, CustomStringConvertible {
    var model: String
    var seed: UInt32
    var class_idx: Int?
    var psi: Float
    var truncation_cutoff: Int?
    var noise_mode: String
    var z: String
    var ws: String
    var img: String

    var description: String {
      "\(model) seed \(seed) psi \(psi) cutoff \(truncation_cutoff.map(String.init) ?? "-")"
        + " noise \(noise_mode)"
    }
  }

  /// One model entry of `cases.json`.
  struct Model: Decodable {
    var name: String
    var peer: String
    var file: String
    var z: Int
    var c: Int
  }

  private struct CaseFile: Decodable {
    var models: [Model]
    var cases: [Case]
  }

  /// The models and cases listed in `cases.json`.
  static func load() throws -> (models: [Model], cases: [Case]) {
    if let reason = missingReason {
      throw FixtureError(reason)
    }
    let data = try Data(contentsOf: directory.appendingPathComponent("cases.json"))
    let file = try JSONDecoder().decode(CaseFile.self, from: data)
    return (file.models, file.cases)
  }

  /// The cases of one peer (`sg2`, `sg3`).
  static func cases(peer: String) throws -> [Case] {
    let (models, cases) = try load()
    let names = Set(models.filter { $0.peer == peer }.map { $0.name })
    return cases.filter { names.contains($0.model) }
  }

  /// Reads a fixture `.npy` file.
  static func array(_ name: String) throws -> Tensor {
    try NPYFile.read(directory.appendingPathComponent(name))
  }
}

/// A fixture that cannot be read.
struct FixtureError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A reader for the little-endian float `.npy` files of the fixtures.
enum NPYFile {
  /// Reads a C-order `<f4` or `<f8` array into a float32 tensor.
  static func read(_ url: URL) throws -> Tensor {
    let bytes = [UInt8](try Data(contentsOf: url))
    let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    guard bytes.count > 10, Array(bytes[0..<6]) == magic else {
      throw FixtureError("\(url.lastPathComponent) is not a .npy file")
    }
    let major = bytes[6]
    let headerLength: Int
    let headerStart: Int
    if major == 1 {
      headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
      headerStart = 10
    } else {
      headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
      headerStart = 12
    }
    let header = String(decoding: bytes[headerStart..<headerStart + headerLength], as: UTF8.self)
    guard header.contains("'fortran_order': False") else {
      throw FixtureError("\(url.lastPathComponent): only C-order arrays are read")
    }
    guard let open = header.range(of: "'shape': ("),
      let close = header[open.upperBound...].firstIndex(of: ")")
    else {
      throw FixtureError("\(url.lastPathComponent): no shape in header \(header)")
    }
    let shape = header[open.upperBound..<close].split(separator: ",")
      .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    let count = shape.reduce(1, *)
    let body = headerStart + headerLength
    var scalars = [Float](repeating: 0, count: count)
    if header.contains("'<f4'") {
      guard bytes.count >= body + 4 * count else { throw FixtureError("short file") }
      for index in 0..<count {
        let offset = body + 4 * index
        let bits = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
        scalars[index] = Float(bitPattern: bits)
      }
    } else if header.contains("'<f8'") {
      guard bytes.count >= body + 8 * count else { throw FixtureError("short file") }
      for index in 0..<count {
        let offset = body + 8 * index
        let bits = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
        scalars[index] = Float(Double(bitPattern: bits))
      }
    } else {
      throw FixtureError("\(url.lastPathComponent): dtype in \(header) is not <f4 or <f8")
    }
    return Tensor(shape: shape, scalars: scalars)
  }
}

/// The largest absolute difference between two equally shaped tensors.
func maxAbsoluteDifference(_ a: Tensor, _ b: Tensor) -> Float {
  zip(a.scalars, b.scalars).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

@Suite("Fixtures: the official StyleGAN2-ADA and StyleGAN3 outputs")
struct FixtureTests {
  @Test("Every StyleGAN2 case: z exact, ws and image within 1e-4")
  func styleGAN2Cases() throws {
    let cases = try Fixtures.cases(peer: "sg2")
    #expect(cases.count == 8)
    try check(cases)
  }

  @Test("The StyleGAN3 case through the same Generator: ws and image within 1e-4")
  func styleGAN3Cases() throws {
    let cases = try Fixtures.cases(peer: "sg3")
    #expect(cases.count == 4)
    try check(cases)
  }

  /// Runs each case from seed to image and compares z, ws and the image.
  private func check(_ cases: [Fixtures.Case]) throws {
    let (models, _) = try Fixtures.load()
    var generators: [String: Generator] = [:]
    for fixture in cases {
      let model = try #require(models.first { $0.name == fixture.model })
      if generators[model.name] == nil {
        let file = Fixtures.directory.appendingPathComponent(model.file)
        generators[model.name] = try Generator(Checkpoint.load(contentsOf: file))
      }
      let generator = generators[model.name]!

      let z = generator.z(seed: fixture.seed)
      let expectedZ = try Fixtures.array(fixture.z)
      #expect(z.scalars.map(\.bitPattern) == expectedZ.scalars.map(\.bitPattern), "z of \(fixture)")

      let ws = try generator.mapping(
        z: z, classIndex: fixture.class_idx, truncationPsi: fixture.psi,
        truncationCutoff: fixture.truncation_cutoff)
      let expectedWs = try Fixtures.array(fixture.ws)
      #expect(ws.shape == expectedWs.shape, "ws shape of \(fixture)")
      let wsError = maxAbsoluteDifference(ws, expectedWs)
      #expect(wsError <= 1e-4, "ws of \(fixture): max error \(wsError)")

      let noise = try #require(NoiseMode(rawValue: fixture.noise_mode))
      let image = try generator.synthesis(ws: ws, noiseMode: noise)
      let expectedImage = try Fixtures.array(fixture.img)
      #expect(image.shape == expectedImage.shape, "image shape of \(fixture)")
      let imageError = maxAbsoluteDifference(image, expectedImage)
      #expect(imageError <= 1e-4, "image of \(fixture): max error \(imageError)")
    }
  }
}
