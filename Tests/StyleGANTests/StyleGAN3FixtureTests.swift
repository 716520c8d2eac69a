import Foundation
import Testing

@testable import StyleGAN

@Suite("Fixtures: the official StyleGAN3 outputs")
struct StyleGAN3FixtureTests {
  /// The StyleGAN3 model entries and their cases in `cases.json`.
  static func styleGAN3Cases() throws -> [(model: Fixtures.Model, cases: [Fixtures.Case])] {
    let (models, cases) = try Fixtures.load()
    return models.filter { $0.peer == "sg3" }.map { model in
      (model, cases.filter { $0.model == model.name })
    }
  }

  // The fixture's cases themselves (z exact, ws and image within 1e-4) run
  // with the StyleGAN2 ones in FixtureTests, through the same Generator.

  @Test("The fixture's layer plan is the one the official constructor pickled")
  func fixturePlanMatchesCheckpoint() throws {
    let checkpoint = try Checkpoint.load(
      contentsOf: Fixtures.directory.appendingPathComponent("sg3t-tiny32.pkl"))
    let architecture = try StyleGAN3Architecture(
      settings: StyleGAN3Settings(config: checkpoint.config))
    // Every stored filter has the length the plan gives it; ToRGB has none.
    for layer in architecture.layers {
      let up = checkpoint.tensors["synthesis.\(layer.name).up_filter"]
      let down = checkpoint.tensors["synthesis.\(layer.name).down_filter"]
      #expect(up?.shape == (layer.upTaps > 1 ? [layer.upTaps] : nil), "\(layer.name)")
      #expect(down?.shape == (layer.downTaps > 1 ? [layer.downTaps] : nil), "\(layer.name)")
    }
  }

  @Test("Stored filters equal the Kaiser design for the plan's cutoffs and widths")
  func storedFiltersMatchDesign() throws {
    let checkpoint = try Checkpoint.load(
      contentsOf: Fixtures.directory.appendingPathComponent("sg3t-tiny32.pkl"))
    let architecture = try StyleGAN3Architecture(
      settings: StyleGAN3Settings(config: checkpoint.config))
    for layer in architecture.layers where !layer.isToRGB {
      let up = try #require(checkpoint.tensors["synthesis.\(layer.name).up_filter"])
      let designedUp = try #require(
        LowpassFilter.kaiser(
          numTaps: layer.upTaps, cutoff: layer.inCutoff, width: layer.inHalfWidth * 2,
          samplingRate: layer.tmpSamplingRate))
      let down = try #require(checkpoint.tensors["synthesis.\(layer.name).down_filter"])
      let designedDown = try #require(
        LowpassFilter.kaiser(
          numTaps: layer.downTaps, cutoff: layer.outCutoff, width: layer.outHalfWidth * 2,
          samplingRate: layer.tmpSamplingRate))
      let upError = zip(up.scalars, designedUp).map { abs($0 - $1) }.max() ?? 1
      let downError = zip(down.scalars, designedDown).map { abs($0 - $1) }.max() ?? 1
      #expect(upError < 1e-6, "\(layer.name).up_filter")
      #expect(downError < 1e-6, "\(layer.name).down_filter")
    }
  }

  @Test("A translated and rotated input moves the picture, and identity changes nothing")
  func inputTransformChangesTheImage() throws {
    let checkpoint = try Checkpoint.load(
      contentsOf: Fixtures.directory.appendingPathComponent("sg3t-tiny32.pkl"))
    let generator = try Generator(checkpoint)
    let plain = try generator.generate(seed: 0)
    let identity = try generator.generate(seed: 0, transform: .identity)
    let moved = try generator.generate(
      seed: 0, transform: InputTransform(translateX: 0.25, translateY: -0.1, rotateDegrees: 30))
    #expect(maxAbsoluteDifference(plain, identity) == 0)
    #expect(maxAbsoluteDifference(plain, moved) > 1e-2)
    #expect(moved.scalars.allSatisfy { $0.isFinite })
  }

  @Test("A misshapen down filter is refused as an unknown filter layout, naming it")
  func misshapenFilterIsRefused() throws {
    var checkpoint = try Checkpoint.load(
      contentsOf: Fixtures.directory.appendingPathComponent("sg3t-tiny32.pkl"))
    let name = "synthesis.L3_36_32.down_filter"
    checkpoint.tensors[name] = Tensor(shape: [3, 4], repeating: 0.1)
    #expect(
      throws: StyleGANError.unknownFilterLayout(
        name: name, shape: [3, 4], expected: "[12] (separable) or [12, 12] (radial)")
    ) {
      try StyleGAN3Synthesis(checkpoint: checkpoint)
    }
    let error = StyleGANError.unknownFilterLayout(
      name: name, shape: [3, 4], expected: "[12] (separable) or [12, 12] (radial)")
    #expect(error.description.contains(name))

    checkpoint.tensors[name] = nil
    #expect(throws: StyleGANError.missingTensor(name: name)) {
      try StyleGAN3Synthesis(checkpoint: checkpoint)
    }
  }
}
