import Foundation
import Testing

@testable import StyleGAN

@Suite("StyleGAN3 synthesis built from a layer plan")
struct StyleGAN3SynthesisTests {
  /// A small -R network (1 × 1 kernels, radial down filters) with the
  /// benchmark's random weights.
  static func radialNetwork() throws -> StyleGAN3Synthesis {
    let plan = try StyleGAN3Architecture(
      settings: StyleGAN3Settings(
        resolution: 16, wDim: 8, channelBase: 512, channelMax: 16, numLayers: 6,
        convKernel: 1, useRadialFilters: true))
    return try StyleGAN3Synthesis(
      architecture: plan, tensors: StyleGAN3Benchmark.randomTensors(for: plan))
  }

  @Test("A -R network runs its radial layers and returns a finite image per sample")
  func radialNetworkRuns() throws {
    let synthesis = try Self.radialNetwork()
    let plan = synthesis.architecture
    #expect(plan.layers.contains { $0.downRadial })
    let count = 2 * plan.numWs * 8
    let ws = Tensor(
      shape: [2, plan.numWs, 8], scalars: (0..<count).map { Float(sin(Double($0))) })
    let images = try synthesis(ws: ws)
    #expect(images.shape == [2, 3, 16, 16])
    #expect(images.scalars.allSatisfy { $0.isFinite })
    // The two samples differ, and each equals its own batch-of-one result.
    let first = Array(images.scalars[0..<(3 * 16 * 16)])
    let second = Array(images.scalars[(3 * 16 * 16)...])
    #expect(first != second)
    let alone = try synthesis(
      ws: Tensor(shape: [1, plan.numWs, 8], scalars: Array(ws.scalars[(count / 2)...])))
    #expect(alone.scalars == second)
  }

  @Test("ws of the wrong shape are refused with both shapes")
  func wrongWsShape() throws {
    let synthesis = try Self.radialNetwork()
    let numWs = synthesis.architecture.numWs
    let error = StyleGANError.latentShape(
      what: "ws", actual: [1, 3, 8], expected: "[N, \(numWs), 8]")
    #expect(throws: error) { try synthesis(ws: Tensor(shape: [1, 3, 8])) }
  }

  @Test("A misshapen affine weight is refused with both shapes")
  func missingWeightIsNamed() throws {
    let plan = try StyleGAN3Architecture(
      settings: StyleGAN3Settings(resolution: 16, wDim: 8, channelBase: 512, channelMax: 16))
    var tensors = StyleGAN3Benchmark.randomTensors(for: plan)
    let name = "synthesis.\(plan.layers[2].name).affine.weight"
    tensors[name] = Tensor(shape: [3, 8])
    let expected = [plan.layers[2].inChannels, 8]
    #expect(throws: StyleGANError.tensorShape(name: name, actual: [3, 8], expected: expected)) {
      try StyleGAN3Synthesis(architecture: plan, tensors: tensors)
    }
  }

  @Test("The benchmark times every image and counts the plan's convolution work")
  func benchmarkFigures() throws {
    let settings = StyleGAN3Settings(
      resolution: 16, wDim: 8, channelBase: 512, channelMax: 16, numLayers: 4)
    let figures = try StyleGAN3Benchmark.run(settings: settings, images: 2)
    #expect(figures.secondsPerImage.count == 2)
    #expect(figures.bestSeconds > 0 && figures.bestSeconds <= figures.meanSeconds)
    #expect(figures.timings.convolution > .zero && figures.timings.filteredLeakyReLU > .zero)
    // 2 · out · in · k² · (in_size + k − 1)² summed over the layers.
    let expected = figures.architecture.layers.reduce(0.0) { sum, layer in
      let side = Double(layer.inSize + layer.convKernel - 1)
      let taps = Double(layer.convKernel * layer.convKernel)
      return sum + 2 * Double(layer.outChannels * layer.inChannels) * taps * side * side
    }
    #expect(figures.convolutionFLOPs == expected && expected > 0)
    #expect(figures.summary.contains("StyleGAN3-T 16×16"))
  }
}
