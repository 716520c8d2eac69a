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

    let unconditional = try Generator(RandomCheckpoint.make(config: smallConfig(architecture: "skip")))
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
