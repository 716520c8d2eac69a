import Foundation
import Testing

@testable import StyleGAN

/// A small random StyleGAN2 configuration for the architecture tests.
private func smallConfig(architecture: String, cDim: Int = 0) -> GeneratorConfig {
  GeneratorConfig(
    family: .styleGAN2, zDim: 8, cDim: cDim, wDim: 8, resolution: 16, channels: 3, numWs: 6,
    mapping: MappingConfig(numLayers: 2, embedFeatures: 8, layerFeatures: 8),
    synthesis: SynthesisConfig(
      channelBase: 64, channelMax: 8, convClamp: 256, architecture: architecture))
}

/// A 16 × 16 generator (8 channels, 2 mapping layers, conv_clamp 0.6, so
/// the clamp with its `sqrt(0.5)` gain in resnet blocks is exercised) whose
/// weights are NumPy's `RandomState(3).randn` draws in a fixed order, and
/// the `z` drawn after them.
///
/// The golden values below came from an independent NumPy transcription of
/// the official networks (direct convolutions with the fused modulated
/// weight, `conv_transpose2d`, zero-insertion `upfirdn2d`), which agrees with
/// the official sg2-tiny32 fixture within 4e-6.
private func numPyDrawnGenerator(architecture: String) throws -> (Generator, Tensor) {
  var random = NumPyRandomState(seed: 3)
  func draw(_ shape: [Int], scale: Double = 1, offset: Double = 0) -> Tensor {
    let count = shape.reduce(1, *)
    return Tensor(
      shape: shape,
      scalars: (0..<count).map { _ in
        Float(offset + random.gaussian() * scale)
      })
  }
  let f: [Float] = [1, 3, 3, 1]
  let filter = Tensor(shape: [4, 4], scalars: f.flatMap { a in f.map { a * $0 / 64 } })
  var tensors: [String: Tensor] = [:]
  tensors["mapping.fc0.weight"] = draw([8, 8], scale: 100)
  tensors["mapping.fc0.bias"] = draw([8], scale: 0.1)
  tensors["mapping.fc1.weight"] = draw([8, 8], scale: 100)
  tensors["mapping.fc1.bias"] = draw([8], scale: 0.1)
  tensors["mapping.w_avg"] = draw([8], scale: 0.1)
  func layer(_ prefix: String, outs: Int, resolution: Int, kernel: Int = 3) {
    tensors["\(prefix).affine.weight"] = draw([8, 8])
    tensors["\(prefix).affine.bias"] = draw([8], scale: 0.1, offset: 1)
    tensors["\(prefix).weight"] = draw([outs, 8, kernel, kernel])
    tensors["\(prefix).bias"] = draw([outs], scale: 0.1)
    if kernel == 3 {
      tensors["\(prefix).noise_const"] = draw([resolution, resolution])
      tensors["\(prefix).noise_strength"] = Tensor(shape: [], scalars: [0.1])
      tensors["\(prefix).resample_filter"] = filter
    }
  }
  for resolution in [4, 8, 16] {
    let prefix = "synthesis.b\(resolution)"
    tensors["\(prefix).resample_filter"] = filter
    if resolution == 4 {
      tensors["\(prefix).const"] = draw([8, 4, 4])
    } else {
      layer("\(prefix).conv0", outs: 8, resolution: resolution)
      if architecture == "resnet" {
        tensors["\(prefix).skip.weight"] = draw([8, 8, 1, 1])
        tensors["\(prefix).skip.resample_filter"] = filter
      }
    }
    layer("\(prefix).conv1", outs: 8, resolution: resolution)
    if architecture == "skip" || resolution == 16 {
      layer("\(prefix).torgb", outs: 3, resolution: resolution, kernel: 1)
    }
  }
  let z = draw([1, 8])
  let config = GeneratorConfig(
    family: .styleGAN2, zDim: 8, cDim: 0, wDim: 8, resolution: 16, channels: 3, numWs: 6,
    mapping: MappingConfig(numLayers: 2, embedFeatures: 8, layerFeatures: 8),
    synthesis: SynthesisConfig(
      channelBase: 128, channelMax: 8, convClamp: 0.6, architecture: architecture))
  return (try Generator(Checkpoint(config: config, tensors: tensors)), z)
}

/// Image values at flat indices 0, 100, …, 600, 767, and the sums of the
/// image and of its absolute values, for psi 0.7 and const noise.
private let numPyGolden: [String: (values: [Float], sum: Double, absoluteSum: Double)] = [
  "skip": (
    [
      0.18881524, 0.38694566, 0.17101817, -0.36215198, -0.17033736, -0.21593219, 0.03573812,
      0.08271912,
    ], -19.8770356925001, 156.3543164724605
  ),
  "resnet": (
    [
      0.06095951, -0.02451349, 0.1068457, 0.1947371, -0.02411167, 0.04332325, 0.42054254,
      0.37934649,
    ], 97.94774365507422, 145.87327825739726
  ),
  "orig": (
    [
      0.33506817, -0.23871487, 0.3069267, 0.14536025, -0.0369982, 0.13253324, -0.15568325,
      0.07943527,
    ], -11.111015830599921, 129.7559872033372
  ),
]

@Suite("Generator: labels, truncation, latents, 8-bit output, architectures")
struct GeneratorTests {
  @Test("8-bit conversion is uint8(clamp(v * 127.5 + 128, 0, 255)), truncating")
  func eightBitConversion() {
    let values: [Float] = [-1, 1, 0, 0.99, -0.5, 0.25, 3, -3, .nan, 0.0039]
    #expect(values.map(RGBImage.byte) == [0, 255, 128, 254, 64, 159, 255, 0, 0, 128])
  }

  @Test("8-bit conversion interleaves the planes into RGB pixels")
  func eightBitInterleaving() {
    // [1, 3, 1, 2]: R = (-1, 1), G = (0, 0.5), B = (0.25, -0.5).
    let image = Tensor(shape: [1, 3, 1, 2], scalars: [-1, 1, 0, 0.5, 0.25, -0.5])
    let rgb = RGBImage(image)
    #expect(rgb.width == 2 && rgb.height == 1 && rgb.channels == 3)
    #expect(rgb.bytes == [0, 128, 159, 255, 191, 64])
  }

  @Test("Seed lists take numbers and upward ranges, and refuse anything else")
  func seedLists() throws {
    #expect(Array(try SeedList(parsing: "0,3,10-12")) == [0, 3, 10, 11, 12])
    #expect(Array(try SeedList(parsing: "4294967295")) == [UInt32.max])
    for bad in ["-1", "4294967296", "abc", "3-1", "1,,2", "", "1-2-3", "0x10", "+5"] {
      #expect(throws: StyleGANError.self, "'\(bad)'") { try SeedList(parsing: bad) }
    }
    #expect(throws: StyleGANError.reversedSeedRange("5-2")) { try SeedList(parsing: "0,5-2") }
    #expect(
      StyleGANError.reversedSeedRange("5-2").description
        == "seed range '5-2' runs backwards; write the lower seed first")
  }

  @Test("A conditional model needs a class in range; an unconditional one takes none")
  func classLabels() throws {
    let conditional = try Generator(
      RandomCheckpoint.make(config: smallConfig(architecture: "skip", cDim: 3)))
    #expect(try conditional.label(classIndex: 2).scalars == [0, 0, 1])
    #expect(throws: StyleGANError.missingClass(classes: 3)) {
      try conditional.label(classIndex: nil)
    }
    #expect(throws: StyleGANError.classOutOfRange(index: 3, classes: 3)) {
      try conditional.label(classIndex: 3)
    }
    #expect(throws: StyleGANError.classOutOfRange(index: -1, classes: 3)) {
      try conditional.label(classIndex: -1)
    }
    let z = conditional.z(seed: 1)
    #expect(throws: StyleGANError.missingClass(classes: 3)) {
      try conditional.mapping(z: z, classIndex: nil)
    }

    let unconditional = try Generator(
      RandomCheckpoint.make(config: smallConfig(architecture: "skip")))
    #expect(throws: StyleGANError.classOutOfRange(index: 0, classes: 0)) {
      try unconditional.label(classIndex: 0)
    }
  }

  @Test("Truncation psi must be finite; psi 0 gives w_avg, a cutoff keeps the later ws")
  func truncation() throws {
    let checkpoint = RandomCheckpoint.make(config: smallConfig(architecture: "skip"))
    let generator = try Generator(checkpoint)
    let z = generator.z(seed: 7)
    for psi in [Float.nan, .infinity, -.infinity] {
      #expect(throws: StyleGANError.self) { try generator.mapping(z: z, truncationPsi: psi) }
    }
    let wAvg = checkpoint.tensors["mapping.w_avg"]!.scalars
    let plain = try generator.mapping(z: z)
    let cut = try generator.mapping(z: z, truncationPsi: 0, truncationCutoff: 2)
    #expect(cut.shape == [1, 6, 8])
    #expect(Array(cut.scalars[0..<8]) == wAvg)
    #expect(Array(cut.scalars[8..<16]) == wAvg)
    #expect(Array(cut.scalars[16...]) == Array(plain.scalars[16...]))
    #expect(Array(plain.scalars[0..<8]) == Array(plain.scalars[40..<48]))
  }

  @Test("Style mixing takes the first ws from one source and the rest from the other")
  func styleMixing() throws {
    let a = Tensor(shape: [1, 3, 2], scalars: [1, 1, 2, 2, 3, 3])
    let b = Tensor(shape: [1, 3, 2], scalars: [-1, -1, -2, -2, -3, -3])
    #expect(try Latents.mixStyles(a, b, crossover: 1).scalars == [1, 1, -2, -2, -3, -3])
    #expect(try Latents.mixStyles(a, b, crossover: 3).scalars == a.scalars)
    #expect(throws: StyleGANError.crossoverOutOfRange(crossover: 4, numWs: 3)) {
      try Latents.mixStyles(a, b, crossover: 4)
    }
  }

  @Test("lerp is linear; slerp follows the great circle and keeps the norm")
  func interpolation() throws {
    let a = Tensor(shape: [1, 2], scalars: [2, 0])
    let b = Tensor(shape: [1, 2], scalars: [0, 2])
    #expect(try Latents.lerp(a, b, t: 0.25).scalars == [1.5, 0.5])
    let half = try Latents.slerp(a, b, t: 0.5).scalars
    let r = Float(2).squareRoot()
    #expect(abs(half[0] - r) < 1e-6 && abs(half[1] - r) < 1e-6)
    #expect(try Latents.slerp(a, b, t: 0).scalars == a.scalars)
    let third = try Latents.slerp(a, b, t: 1.0 / 3).scalars
    #expect(abs(third[0] - 2 * Float(cos(Double.pi / 6))) < 1e-6)
    #expect(abs(third[1] - 1) < 1e-6)
  }

  @Test("resnet and orig generators give images of the right shape, num_ws as skip")
  func architectures() throws {
    var images: [String: Tensor] = [:]
    for architecture in ["skip", "resnet", "orig"] {
      let generator = try Generator(
        RandomCheckpoint.make(config: smallConfig(architecture: architecture)))
      let image = try generator.generate(seed: 3, truncationPsi: 0.7)
      #expect(image.shape == [1, 3, 16, 16], "\(architecture)")
      #expect(image.scalars.allSatisfy { $0.isFinite }, "\(architecture)")
      images[architecture] = image
    }
    #expect(images["skip"] != images["resnet"])
    #expect(images["skip"] != images["orig"])
  }

  @Test(
    "skip, resnet and orig match a NumPy transcription of the reference within 1e-5",
    arguments: ["skip", "resnet", "orig"])
  func architecturesAgainstNumPy(architecture: String) throws {
    let (generator, z) = try numPyDrawnGenerator(architecture: architecture)
    let image = try generator.synthesis(ws: generator.mapping(z: z, truncationPsi: 0.7))
    let golden = try #require(numPyGolden[architecture])
    #expect(image.shape == [1, 3, 16, 16])
    for (index, expected) in zip([0, 100, 200, 300, 400, 500, 600, 767], golden.values) {
      #expect(abs(image.scalars[index] - expected) <= 1e-5, "\(architecture) [\(index)]")
    }
    let sum = image.scalars.reduce(0.0) { $0 + Double($1) }
    let absoluteSum = image.scalars.reduce(0.0) { $0 + Double(abs($1)) }
    #expect(abs(sum - golden.sum) <= 1e-3, "\(architecture) sum \(sum)")
    #expect(abs(absoluteSum - golden.absoluteSum) <= 1e-3, "\(architecture) |sum| \(absoluteSum)")
  }

  @Test("A missing or misshapen tensor is named in the error")
  func badTensors() throws {
    var checkpoint = RandomCheckpoint.make(config: smallConfig(architecture: "skip"))
    checkpoint.tensors["synthesis.b8.conv0.weight"] = nil
    #expect(throws: StyleGANError.missingTensor(name: "synthesis.b8.conv0.weight")) {
      try Generator(checkpoint)
    }
    checkpoint.tensors["synthesis.b8.conv0.weight"] = Tensor(shape: [8, 4, 3, 3])
    #expect(
      throws: StyleGANError.tensorShape(
        name: "synthesis.b8.conv0.weight", actual: [8, 4, 3, 3], expected: [8, 8, 3, 3])
    ) {
      try Generator(checkpoint)
    }
  }

  @Test("Random noise depends on its seed; none differs from const")
  func noiseModes() throws {
    let generator = try Generator(RandomCheckpoint.make(config: smallConfig(architecture: "skip")))
    let ws = try generator.mapping(z: generator.z(seed: 5))
    let first = try generator.synthesis(ws: ws, noiseMode: .random, noiseSeed: 1)
    let again = try generator.synthesis(ws: ws, noiseMode: .random, noiseSeed: 1)
    let other = try generator.synthesis(ws: ws, noiseMode: .random, noiseSeed: 2)
    #expect(first == again)
    #expect(first != other)
    let none = try generator.synthesis(ws: ws, noiseMode: .none)
    let const = try generator.synthesis(ws: ws, noiseMode: .const)
    #expect(none != const)
  }

  @Test("A batch of two gives each sample's own image")
  func batches() throws {
    let generator = try Generator(RandomCheckpoint.make(config: smallConfig(architecture: "skip")))
    let z = Tensor(
      shape: [2, 8], scalars: generator.z(seed: 1).scalars + generator.z(seed: 2).scalars)
    let images = try generator.synthesis(ws: generator.mapping(z: z))
    #expect(images.shape == [2, 3, 16, 16])
    let second = try generator.generate(seed: 2)
    #expect(Array(images.scalars[768...]) == second.scalars)
  }
}
