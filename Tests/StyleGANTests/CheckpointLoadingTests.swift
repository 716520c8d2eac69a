import Foundation
import Testing

@testable import StyleGAN

@Suite("Loading official checkpoints")
struct CheckpointLoadingTests {
  @Test(
    "each fixture's configuration matches cases.json",
    arguments: [
      "sg2-tiny32", "sg2-cond16", "sg3t-tiny32",
    ])
  func configurationMatchesCases(name: String) throws {
    let model = try #require(
      try CheckpointFixtures.models().first { $0["name"] as? String == name })
    let checkpoint = try Checkpoint.load(
      bytes: try CheckpointFixtures.bytes(
        CheckpointFixtures.fixture("\(name).pkl")))
    let config = checkpoint.config
    #expect(config.resolution == model["res"] as? Int)
    #expect(config.zDim == model["z"] as? Int)
    #expect(config.wDim == model["w"] as? Int)
    #expect(config.cDim == model["c"] as? Int)
    #expect(config.mapping.numLayers == model["maplayers"] as? Int)
    #expect(config.synthesis.channelBase == model["cbase"] as? Int)
    #expect(config.synthesis.channelMax == model["cmax"] as? Int)
    #expect(config.numWs == model["num_ws"] as? Int)
    #expect(config.channels == 3)
    if model["peer"] as? String == "sg2" {
      #expect(config.family == .styleGAN2)
      #expect(config.synthesis.numFP16Res == model["fp16"] as? Int)
      #expect(config.synthesis.convClamp == (model["clamp"] as? Int).map(Float.init))
      #expect(config.synthesis.architecture == model["arch"] as? String)
    } else {
      #expect(config.family == .styleGAN3T)
    }
  }

  @Test("tensor counts and parameter counts are those of the official state dicts")
  func parameterCounts() throws {
    // Counted independently from the pickles' _parameters dicts.
    let expected: [(String, tensors: Int, parameters: Int)] = [
      ("sg2-tiny32", 75, 263_987), ("sg2-cond16", 60, 55_214), ("sg3t-tiny32", 114, 148_679),
    ]
    for (name, tensors, parameters) in expected {
      let checkpoint = try Checkpoint.load(
        bytes: try CheckpointFixtures.bytes(
          CheckpointFixtures.fixture("\(name).pkl")))
      #expect(checkpoint.tensors.count == tensors, "\(name)")
      #expect(checkpoint.parameterCount == parameters, "\(name)")
    }
  }

  @Test("horizons64 is a 64 px StyleGAN2 with 797,704 parameters and 10 ws")
  func horizons() throws {
    let checkpoint = try Checkpoint.load(
      bytes: try CheckpointFixtures.bytes(
        CheckpointFixtures.horizons))
    let config = checkpoint.config
    #expect(config.family == .styleGAN2)
    #expect(config.resolution == 64)
    #expect(config.zDim == 128 && config.wDim == 128 && config.cDim == 0)
    #expect(config.mapping.numLayers == 4)
    #expect(config.mapping.lrMultiplier == 0.01)
    #expect(config.synthesis.channelBase == 1024 && config.synthesis.channelMax == 128)
    #expect(config.synthesis.convClamp == 256)
    #expect(config.synthesis.architecture == "skip")
    #expect(config.numWs == 10)
    #expect(checkpoint.tensors.count == 98)
    #expect(checkpoint.parameterCount == 797_704)
    #expect(config.blockResolutions.map(config.channels(atResolution:)) == [128, 128, 64, 32, 16])
  }

  /// First and last elements read from the raw storage bytes of each pickle.
  @Test("tensor values are the stored float32 values, bit for bit")
  func exactValues() throws {
    let pins: [(file: String, name: String, shape: [Int], first: Float, last: Float)] = [
      ("sg2-tiny32", "synthesis.b4.const", [64, 4, 4], -0.1117185652256012, -0.35271623730659485),
      ("sg2-tiny32", "synthesis.b32.torgb.bias", [3], -0.1484624594449997, -0.31476303935050964),
      (
        "sg2-tiny32", "synthesis.b8.conv0.noise_strength", [], 0.015139702707529068,
        0.015139702707529068
      ),
      ("sg2-tiny32", "mapping.w_avg", [64], -0.6590714454650879, -0.021568898111581802),
      ("sg2-cond16", "mapping.embed.weight", [48, 3], 0.787738561630249, 1.5738393068313599),
      (
        "sg2-cond16", "synthesis.b16.conv1.noise_const", [16, 16], 0.8728958368301392,
        -1.4489319324493408
      ),
      ("sg3t-tiny32", "synthesis.input.freqs", [32, 2], -1.9178231954574585, -0.3470873534679413),
      ("sg3t-tiny32", "synthesis.L14_32_3.bias", [3], 0.06864766776561737, 0.16163669526576996),
      (
        "sg3t-tiny32", "synthesis.L3_36_32.magnitude_ema", [], 0.7873899936676025,
        0.7873899936676025
      ),
    ]
    var loaded: [String: Checkpoint] = [:]
    for pin in pins {
      if loaded[pin.file] == nil {
        loaded[pin.file] = try Checkpoint.load(
          bytes: try CheckpointFixtures.bytes(
            CheckpointFixtures.fixture("\(pin.file).pkl")))
      }
      let tensor = try #require(loaded[pin.file]?.tensors[pin.name], "\(pin.name)")
      #expect(tensor.shape == pin.shape, "\(pin.name)")
      #expect(tensor.scalars.first == pin.first, "\(pin.name)")
      #expect(tensor.scalars.last == pin.last, "\(pin.name)")
    }
  }

  @Test("horizons64 values from an older torch's protocol-3 pickle are exact")
  func horizonsValues() throws {
    let checkpoint = try Checkpoint.load(
      bytes: try CheckpointFixtures.bytes(
        CheckpointFixtures.horizons))
    let torgb = try #require(checkpoint.tensors["synthesis.b64.torgb.weight"])
    #expect(torgb.shape == [3, 16, 1, 1])
    #expect(torgb.scalars.first == 1.032669186592102)
    #expect(torgb.scalars.last == -0.7803176641464233)
    #expect(
      checkpoint.tensors["synthesis.b4.conv1.noise_strength"]?.scalars == [0.0012740209931507707])
    #expect(checkpoint.tensors["mapping.fc3.bias"]?.scalars.last == -0.7985846996307373)
  }
}
