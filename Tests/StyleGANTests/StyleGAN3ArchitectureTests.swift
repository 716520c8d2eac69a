import Foundation
import Testing

@testable import StyleGAN

@Suite("StyleGAN3 layer plan")
struct StyleGAN3ArchitectureTests {
  /// The plan of the sg3t-tiny32 fixture (resolution 32, w_dim 32, channel
  /// base 2048, channel max 32, the other settings at their defaults).
  static let tiny = try! StyleGAN3Architecture(
    settings: StyleGAN3Settings(resolution: 32, wDim: 32, channelBase: 2048, channelMax: 32))

  @Test("Fixture plan: names, sizes, rates, factors, taps and paddings as pickled")
  func fixturePlan() {
    let layers = Self.tiny.layers
    // Values read from the attributes of the fixture's pickled layers.
    #expect(
      layers.map(\.name) == [
        "L0_36_32", "L1_36_32", "L2_36_32", "L3_36_32", "L4_36_32", "L5_52_32", "L6_52_32",
        "L7_52_32", "L8_52_32", "L9_52_32", "L10_52_32", "L11_52_32", "L12_52_32",
        "L13_32_32", "L14_32_3",
      ])
    #expect(
      layers.map(\.inSamplingRate) == [16, 16, 16, 16, 16, 16] + [Int](repeating: 32, count: 9))
    #expect(
      layers.map(\.outSamplingRate) == [Int](repeating: 16, count: 5)
        + [Int](repeating: 32, count: 10))
    #expect(
      layers.map(\.tmpSamplingRate) == [32, 32, 32, 32, 32, 64] + [Double](repeating: 64, count: 8)
        + [32])
    #expect(layers.map(\.upFactor) == [2, 2, 2, 2, 2, 4, 2, 2, 2, 2, 2, 2, 2, 2, 1])
    #expect(layers.map(\.downFactor) == [Int](repeating: 2, count: 14) + [1])
    #expect(layers.map(\.upTaps) == [12, 12, 12, 12, 12, 24, 12, 12, 12, 12, 12, 12, 12, 12, 1])
    #expect(layers.map(\.downTaps) == [Int](repeating: 12, count: 14) + [1])
    #expect(layers[0].padding == [9, 8, 9, 8])
    #expect(layers[5].padding == [-6, -9, -6, -9])
    #expect(layers[12].padding == [9, 8, 9, 8])
    #expect(layers[13].padding == [-11, -12, -11, -12])
    #expect(layers[14].padding == [0, 0, 0, 0])
    #expect(
      layers.map(\.isCriticallySampled) == [Bool](repeating: false, count: 12) + [true, true, true])
    #expect(layers.map(\.convKernel) == [Int](repeating: 3, count: 14) + [1])
    #expect(layers.allSatisfy { !$0.downRadial })

    // Cutoffs and half widths to double precision.
    let cutoffs = [
      2.0, 2.378414230005442, 2.82842712474619, 3.363585661014858, 4.0, 4.756828460010884,
      5.656854249492381, 6.727171322029717, 7.999999999999999, 9.513656920021768,
      11.313708498984761, 13.454342644059432, 16.0, 16.0, 16.0,
    ]
    let halfWidths = [
      6.0, 5.621585769994558, 5.17157287525381, 4.636414338985142, 4.0, 11.243171539989117,
      10.34314575050762, 9.272828677970283, 8.0, 6.486343079978232, 4.686291501015239,
      3.8932872807632624, 3.698310613518661, 3.698310613518661, 3.698310613518661,
    ]
    for (layer, (cutoff, halfWidth)) in zip(layers, zip(cutoffs, halfWidths)) {
      #expect(abs(layer.outCutoff - cutoff) < 1e-12, "\(layer.name) cutoff")
      #expect(abs(layer.outHalfWidth - halfWidth) < 1e-12, "\(layer.name) half width")
    }

    let input = Self.tiny.input
    #expect(input.channels == 32 && input.size == 36)
    #expect(input.samplingRate == 16 && input.bandwidth == 2)
    #expect(Self.tiny.numWs == 16)
  }

  @Test("Official -T 256 configuration: the published checkpoints' layer names")
  func official256T() throws {
    let plan = try StyleGAN3Architecture(settings: StyleGAN3Settings(resolution: 256, wDim: 512))
    #expect(
      plan.layers.map(\.name) == [
        "L0_36_512", "L1_36_512", "L2_36_512", "L3_52_512", "L4_52_512", "L5_84_512",
        "L6_84_512", "L7_148_512", "L8_148_512", "L9_148_362", "L10_276_256", "L11_276_181",
        "L12_276_128", "L13_256_128", "L14_256_3",
      ])
    #expect(plan.layers.map(\.upFactor) == [2, 2, 2, 4, 2, 4, 2, 4, 2, 2, 4, 2, 2, 2, 1])
    #expect(
      plan.layers.map(\.inSamplingRate) == [
        16, 16, 16, 16, 32, 32, 64, 64, 128, 128, 128, 256, 256, 256, 256,
      ])
    #expect(plan.input.size == 36 && plan.input.channels == 512)
    #expect(plan.numWs == 16)
  }

  // The published -R 256 models were trained with --cbase=16384, which the
  // -R configuration doubles (channel base 32768, channel max 1024).
  @Test("Official -R 256 configuration: doubled channels, 1 × 1 kernels, radial down filters")
  func official256R() throws {
    let plan = try StyleGAN3Architecture(
      settings: StyleGAN3Settings(
        resolution: 256, wDim: 512, channelBase: 32768, channelMax: 1024, convKernel: 1,
        useRadialFilters: true))
    #expect(
      plan.layers.map(\.name) == [
        "L0_36_1024", "L1_36_1024", "L2_36_1024", "L3_52_1024", "L4_52_1024", "L5_84_1024",
        "L6_84_1024", "L7_148_724", "L8_148_512", "L9_148_362", "L10_276_256", "L11_276_181",
        "L12_276_128", "L13_256_128", "L14_256_3",
      ])
    #expect(
      plan.layers.map(\.downRadial) == [Bool](repeating: true, count: 12) + [false, false, false])
    #expect(plan.layers.map(\.convKernel) == [Int](repeating: 1, count: 15))
  }

  @Test("Settings read from a checkpoint configuration's keyword arguments")
  func settingsFromConfig() throws {
    let config = GeneratorConfig(
      family: .styleGAN3R, zDim: 16, cDim: 0, wDim: 16, resolution: 64, channels: 3, numWs: 10,
      mapping: MappingConfig(numLayers: 2, embedFeatures: 16, layerFeatures: 16),
      synthesis: SynthesisConfig(
        channelBase: 4096, channelMax: 64, convClamp: 256,
        extra: ["conv_kernel": "1", "margin_size": "8", "output_scale": "0.5"]))
    let settings = try StyleGAN3Settings(config: config)
    #expect(settings.numLayers == 8)
    #expect(settings.convKernel == 1 && settings.marginSize == 8 && settings.outputScale == 0.5)
    #expect(settings.useRadialFilters)
    #expect(settings.convClamp == 256)

    var bad = config
    bad.synthesis.extra["filter_size"] = "six"
    #expect(throws: StyleGANError.invalidStyleGAN3Setting(key: "filter_size", value: "six")) {
      try StyleGAN3Settings(config: bad)
    }
    var other = config
    other.family = .styleGAN2
    #expect(throws: StyleGANError.notStyleGAN3(.styleGAN2)) {
      try StyleGAN3Settings(config: other)
    }
  }

  @Test("A lrelu_upsampling that makes a fractional factor is refused")
  func fractionalFactorIsRefused() {
    let settings = StyleGAN3Settings(resolution: 32, wDim: 32, lreluUpsampling: 1.5)
    #expect(throws: StyleGANError.self) { try StyleGAN3Architecture(settings: settings) }
  }

  @Test("Input transform: the inverse of translate-then-rotate, as gen_images.py sets it")
  func inputTransformMatrix() {
    let transform = InputTransform(translateX: 0.5, translateY: -0.25, rotateDegrees: 90)
    let m = transform.matrix
    // make_transform((0.5, -0.25), 90) = [[0, 1, 0.5], [-1, 0, -0.25], [0, 0, 1]].
    let forward: [Double] = [0, 1, 0.5, -1, 0, -0.25, 0, 0, 1]
    for i in 0..<3 {
      for j in 0..<3 {
        let product = (0..<3).reduce(0.0) { $0 + m[i * 3 + $1] * forward[$1 * 3 + j] }
        #expect(abs(product - (i == j ? 1 : 0)) < 1e-12)
      }
    }
    #expect(InputTransform.identity.matrix.map { $0 == 0 ? 0 : $0 } == [1, 0, 0, 0, 1, 0, 0, 0, 1])
  }
}
