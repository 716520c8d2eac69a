import Foundation

/// Times a StyleGAN3 synthesis network built with random weights: by
/// default the official `-T` configuration at 256 × 256 (channel base 32768,
/// channel max 512, 14 layers and ToRGB, `w_dim` 512), batch 1.
public enum StyleGAN3Benchmark {
  /// What one benchmark run measured.
  public struct Figures: Sendable {
    /// The network that was timed.
    public var architecture: StyleGAN3Architecture
    /// Parameters of the synthesis network.
    public var parameterCount: Int
    /// Wall time of each timed image (after one warm-up), in seconds.
    public var secondsPerImage: [Double]
    /// Where the time of the fastest image went.
    public var timings: StyleGAN3Synthesis.Timings
    /// Multiply-adds of the convolutions per image, times 2, as a direct
    /// convolution counts them (Winograd's method does fewer).
    public var convolutionFLOPs: Double
    /// A plain OpenBLAS sgemm's GFLOP/s (512 × 4096 × 4608) measured in the
    /// same run, the yardstick for the convolutions.
    public var sgemmGFLOPS: Double
    /// The process's peak resident memory, in bytes.
    public var peakResidentBytes: Int

    /// The fastest image's wall time.
    public var bestSeconds: Double { secondsPerImage.min() ?? .nan }

    /// The mean wall time per image.
    public var meanSeconds: Double {
      secondsPerImage.reduce(0, +) / Double(max(1, secondsPerImage.count))
    }

    /// Images per second at the fastest image's pace.
    public var imagesPerSecond: Double { 1 / bestSeconds }

    /// Effective GFLOP/s of the fastest image's convolutions, counting
    /// direct-convolution FLOPs (the weight modulation's time included).
    public var convolutionGFLOPS: Double {
      convolutionFLOPs / timings.convolution.secondsValue / 1e9
    }

    /// A few lines for a terminal: speed and the time split.
    public var summary: String {
      let settings = architecture.settings
      let total = timings.total.secondsValue
      func share(_ part: Duration) -> String {
        String(
          format: "%.3f s (%.0f %%)", part.secondsValue, part.secondsValue / total * 100)
      }
      let kind = settings.useRadialFilters ? "-R" : "-T"
      let size = "\(settings.resolution)×\(settings.resolution)"
      return [
        "StyleGAN3\(kind) \(size), channel base \(settings.channelBase), channel max "
          + "\(settings.channelMax), \(architecture.layers.count) layers, "
          + String(format: "%.1f M parameters (random weights)", Double(parameterCount) / 1e6),
        String(
          format: "%.3f images/s: best %.3f s/image, mean %.3f s over %d images (batch 1)",
          imagesPerSecond, bestSeconds, meanSeconds, secondsPerImage.count),
        "time split of the best image:",
        "  convolutions:        " + share(timings.convolution)
          + String(
            format: ", %.1f GFLOP direct, %.1f GFLOP/s effective",
            convolutionFLOPs / 1e9, convolutionGFLOPS),
        "  filtered leaky ReLU: " + share(timings.filteredLeakyReLU),
        "  rest:                " + share(timings.other),
        String(
          format: "plain sgemm in the same run: %.1f GFLOP/s; peak memory %.0f MB",
          sgemmGFLOPS, Double(peakResidentBytes) / 1e6),
      ].joined(separator: "\n")
    }
  }

  /// Builds the network, synthesises one warm-up image, then times `images` more.
  public static func run(
    settings: StyleGAN3Settings = StyleGAN3Settings(resolution: 256, wDim: 512),
    images: Int = 3
  ) throws -> Figures {
    let architecture = try StyleGAN3Architecture(settings: settings)
    let tensors = randomTensors(for: architecture)
    let synthesis = try StyleGAN3Synthesis(architecture: architecture, tensors: tensors)
    var random = SplitMix(state: 1)
    let wCount = architecture.numWs * settings.wDim

    func ws() -> Tensor {
      Tensor(
        shape: [1, architecture.numWs, settings.wDim],
        scalars: (0..<wCount).map { _ in random.normal() })
    }
    var warmUp = StyleGAN3Synthesis.Timings()
    _ = try synthesis.synthesize(ws: ws(), transform: nil, timings: &warmUp)

    let clock = ContinuousClock()
    var seconds: [Double] = []
    var best = StyleGAN3Synthesis.Timings()
    for _ in 0..<max(1, images) {
      let input = ws()
      var timings = StyleGAN3Synthesis.Timings()
      let start = clock.now
      _ = try synthesis.synthesize(ws: input, transform: nil, timings: &timings)
      let elapsed = (clock.now - start).secondsValue
      if elapsed < (seconds.min() ?? .infinity) { best = timings }
      seconds.append(elapsed)
    }

    let flops = architecture.layers.reduce(0.0) { sum, layer in
      let out = Double(layer.inSize + layer.convKernel - 1)
      let kernel = layer.convKernel * layer.convKernel
      return sum + 2 * Double(layer.outChannels * layer.inChannels * kernel) * out * out
    }
    let buffers = ["_filter", "freqs", "phases", "transform", "magnitude_ema"]
    let parameters = tensors.filter { entry in
      !buffers.contains { entry.key.hasSuffix($0) }
    }.values.reduce(0) { $0 + $1.count }
    return Figures(
      architecture: architecture, parameterCount: parameters, secondsPerImage: seconds,
      timings: best, convolutionFLOPs: flops,
      sgemmGFLOPS: EngineBenchmark.measureSGEMM(m: 512, n: 4096, k: 4608),
      peakResidentBytes: EngineBenchmark.peakResidentBytes())
  }

  /// Random parameters in the official initialisation's spirit, and the
  /// buffers (filters designed from the plan, Fourier frequencies on a disc).
  static func randomTensors(for architecture: StyleGAN3Architecture) -> [String: Tensor] {
    var random = SplitMix(state: 0)
    let wDim = architecture.settings.wDim
    func normal(_ shape: [Int]) -> Tensor {
      Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in random.normal() })
    }
    var tensors: [String: Tensor] = [:]

    let input = architecture.input
    var freqs = [Float]()
    for _ in 0..<input.channels {
      let x = Double(random.normal())
      let y = Double(random.normal())
      let radius = (x * x + y * y).squareRoot()
      let scale = input.bandwidth / (radius * pow(exp(radius * radius), 0.25))
      freqs += [Float(x * scale), Float(y * scale)]
    }
    tensors["synthesis.input.freqs"] = Tensor(shape: [input.channels, 2], scalars: freqs)
    tensors["synthesis.input.phases"] = Tensor(
      shape: [input.channels], scalars: (0..<input.channels).map { _ in random.uniform() - 0.5 })
    tensors["synthesis.input.weight"] = normal([input.channels, input.channels])
    tensors["synthesis.input.affine.weight"] = Tensor(shape: [4, wDim], repeating: 0)
    tensors["synthesis.input.affine.bias"] = Tensor(shape: [4], scalars: [1, 0, 0, 0])
    tensors["synthesis.input.transform"] = Tensor(
      shape: [3, 3], scalars: [1, 0, 0, 0, 1, 0, 0, 0, 1])

    for layer in architecture.layers {
      let prefix = "synthesis.\(layer.name)."
      let k = layer.convKernel
      tensors[prefix + "weight"] = normal([layer.outChannels, layer.inChannels, k, k])
      tensors[prefix + "bias"] = Tensor(shape: [layer.outChannels], repeating: 0)
      tensors[prefix + "magnitude_ema"] = Tensor(shape: [], scalars: [1])
      tensors[prefix + "affine.weight"] = normal([layer.inChannels, wDim])
      tensors[prefix + "affine.bias"] = Tensor(shape: [layer.inChannels], repeating: 1)
      if let up = LowpassFilter.kaiser(
        numTaps: layer.upTaps, cutoff: layer.inCutoff, width: layer.inHalfWidth * 2,
        samplingRate: layer.tmpSamplingRate)
      {
        tensors[prefix + "up_filter"] = Tensor(shape: [up.count], scalars: up)
      }
      let design = layer.downRadial ? LowpassFilter.radial : LowpassFilter.kaiser
      if let down = design(
        layer.downTaps, layer.outCutoff, layer.outHalfWidth * 2, layer.tmpSamplingRate)
      {
        let shape = layer.downRadial ? [layer.downTaps, layer.downTaps] : [layer.downTaps]
        tensors[prefix + "down_filter"] = Tensor(shape: shape, scalars: down)
      }
    }
    return tensors
  }
}

extension Duration {
  /// The duration in seconds.
  fileprivate var secondsValue: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }
}
