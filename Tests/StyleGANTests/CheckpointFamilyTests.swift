import Foundation
import Testing

@testable import StyleGAN

@Suite("Telling checkpoint families apart")
struct CheckpointFamilyTests {
  /// `{'G_ema': persistent(class_name, state with the given submodules)}`,
  /// each submodule a persistent object of the given class.
  private func pickle(className: String, modules: [(String, String)], source: String = "")
    -> [UInt8]
  {
    func persistent(
      _ builder: inout PickleBuilder, _ className: String, _ modules: [(String, String)]
    ) {
      builder.global("torch_utils.persistence", "_reconstruct_persistent_obj")
      builder.mark()
      builder.dict([
        ("type", { $0.string("class") }),
        ("module_src", { $0.string(source) }),
        ("class_name", { $0.string(className) }),
        (
          "state",
          { state in
            state.dict([
              ("_parameters", { $0.emptyDict() }),
              ("_buffers", { $0.emptyDict() }),
              (
                "_modules",
                { module in
                  module.dict(
                    modules.map { name, childClass in
                      (name, { persistent(&$0, childClass, []) })
                    })
                }
              ),
            ])
          }
        ),
      ])
      builder.tuple()
      builder.reduce()
    }
    var builder = PickleBuilder()
    builder.dict([("G_ema", { persistent(&$0, className, modules) })])
    return builder.finished()
  }

  private func looksLike(_ bytes: [UInt8]) -> String? {
    do {
      _ = try Checkpoint.load(bytes: bytes)
    } catch CheckpointProblem.unsupportedFamily(let looksLike) {
      return looksLike
    } catch {
      Issue.record("refused for another reason: \(error)")
    }
    return nil
  }

  @Test("StyleGAN-XL is named")
  func styleGANXL() {
    let bytes = pickle(
      className: "SuperresGenerator", modules: [("mapping", "MappingNetwork")])
    #expect(looksLike(bytes)?.contains("StyleGAN-XL") == true)
  }

  @Test("a Projected GAN (FastGAN) generator is named")
  func projectedGAN() {
    let bytes = pickle(
      className: "Generator",
      modules: [("mapping", "DummyMapping"), ("synthesis", "FastganSynthesis")])
    #expect(looksLike(bytes)?.contains("Projected GAN") == true)
  }

  @Test("a network without mapping and synthesis names its class")
  func otherNetwork() {
    let bytes = pickle(className: "Discriminator", modules: [("b4", "DiscriminatorEpilogue")])
    #expect(looksLike(bytes)?.contains("'Discriminator'") == true)
  }

  @Test("the StyleGAN3 fixture is -T: no radial filters")
  func styleGAN3T() throws {
    let checkpoint = try Checkpoint.load(
      bytes: try CheckpointFixtures.bytes(CheckpointFixtures.fixture("sg3t-tiny32.pkl")))
    #expect(checkpoint.config.family == .styleGAN3T)
    let extra = checkpoint.config.synthesis.extra
    #expect(extra["use_radial_filters"] == "false")
    #expect(extra["num_layers"] == "14")
    #expect(extra["margin_size"] == "10")
    #expect(checkpoint.config.synthesis.numFP16Res == 4)
    #expect(checkpoint.config.mapping.wAvgBeta == 0.998)
    #expect(checkpoint.tensors["synthesis.input.transform"]?.shape == [3, 3])
  }
}

@Suite("Validating StyleGAN3 checkpoints")
struct CheckpointStyleGAN3ValidationTests {
  private func checkpoint() throws -> Checkpoint {
    try Checkpoint.load(
      bytes: try CheckpointFixtures.bytes(CheckpointFixtures.fixture("sg3t-tiny32.pkl")))
  }

  @Test("the layer plan names the fixture's layers with their shapes")
  func layerShapes() throws {
    let shapes = try checkpoint().config.styleGAN3TensorShapes()
    let byName = Dictionary(uniqueKeysWithValues: shapes.map { ($0.name, $0.shape) })
    // 15 layers of 5 tensors, the input's 6 and the mapping's 5.
    #expect(shapes.count == 15 * 5 + 6 + 5)
    #expect(byName["synthesis.L5_52_32.weight"] == [32, 32, 3, 3])
    #expect(byName["synthesis.L14_32_3.weight"] == [3, 32, 1, 1])
    #expect(byName["synthesis.input.freqs"] == [32, 2])
  }

  @Test("a misshapen StyleGAN3 layer weight is refused with both shapes")
  func misshapenLayer() throws {
    var checkpoint = try checkpoint()
    checkpoint.tensors["synthesis.L7_52_32.weight"] = Tensor(shape: [32, 16, 3, 3])
    #expect(
      throws: CheckpointProblem.tensorShape(
        name: "synthesis.L7_52_32.weight", shape: [32, 16, 3, 3], expected: [32, 32, 3, 3])
    ) { try checkpoint.validate() }
  }

  @Test("a missing StyleGAN3 input tensor is named")
  func missingInput() throws {
    var checkpoint = try checkpoint()
    checkpoint.tensors["synthesis.input.phases"] = nil
    #expect(throws: CheckpointProblem.missingTensor(name: "synthesis.input.phases")) {
      try checkpoint.validate()
    }
  }
}

@Suite("The StyleGAN2 layout a configuration implies")
struct CheckpointLayoutTests {
  private func config(architecture: String) -> GeneratorConfig {
    GeneratorConfig(
      family: .styleGAN2, zDim: 8, cDim: 0, wDim: 8, resolution: 16, channels: 3, numWs: 6,
      mapping: MappingConfig(numLayers: 2, embedFeatures: 0, layerFeatures: 8),
      synthesis: SynthesisConfig(channelBase: 64, channelMax: 8, architecture: architecture))
  }

  @Test("skip: a ToRGB in every block and no skip convolutions")
  func skip() {
    let names = Set(config(architecture: "skip").styleGAN2TensorShapes.map(\.name))
    #expect(names.contains("synthesis.b4.torgb.weight"))
    #expect(names.contains("synthesis.b8.torgb.affine.bias"))
    #expect(!names.contains { $0.contains(".skip.") })
    // mapping 5 + b4 13 + b8 and b16 19 each (two convolutions of 7,
    // filter, torgb 4).
    #expect(names.count == 5 + 13 + 19 + 19)
  }

  @Test("resnet: 1 × 1 skip convolutions above 4 px, ToRGB only in the last block")
  func resnet() {
    let shapes = Dictionary(
      uniqueKeysWithValues: config(architecture: "resnet").styleGAN2TensorShapes.map {
        ($0.name, $0.shape)
      })
    // Channels: 4 px and 8 px have min(64 / r, 8) = 8, 16 px has 4.
    #expect(shapes["synthesis.b16.skip.weight"] == [4, 8, 1, 1])
    #expect(shapes["synthesis.b8.skip.resample_filter"] == [4, 4])
    #expect(shapes["synthesis.b4.skip.weight"] == nil)
    #expect(shapes["synthesis.b8.torgb.weight"] == nil)
    #expect(shapes["synthesis.b16.torgb.weight"] == [3, 4, 1, 1])
    #expect(shapes["synthesis.b16.conv0.weight"] == [4, 8, 3, 3])
    #expect(shapes["synthesis.b16.conv0.affine.weight"] == [8, 8])
  }

  @Test("orig: neither skip convolutions nor intermediate ToRGBs")
  func orig() {
    let names = Set(config(architecture: "orig").styleGAN2TensorShapes.map(\.name))
    #expect(!names.contains { $0.contains(".skip.") })
    #expect(names.filter { $0.hasSuffix("torgb.weight") } == ["synthesis.b16.torgb.weight"])
  }
}
