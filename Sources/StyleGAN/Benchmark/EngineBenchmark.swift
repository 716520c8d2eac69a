import Foundation

/// Times batch-1 generation with a StyleGAN2 generator and compares the
/// convolutions' speed with a plain OpenBLAS matrix product measured in the
/// same process.
public enum EngineBenchmark {
  /// What one benchmark run measured.
  public struct Report: Sendable {
    /// The configuration benchmarked.
    public var config: GeneratorConfig
    /// Trainable parameters of the generator.
    public var parameterCount: Int
    /// Timed generations (after one warm-up).
    public var runs: Int
    /// Seconds per image, z to image, for each timed run.
    public var secondsPerImage: [Double]
    /// Floating-point operations of the convolutions per image, counting
    /// `2 · multiply–adds` as they are computed (an up-sampling layer's
    /// transposed convolution at its input resolution).
    public var convolutionFLOPs: Double
    /// Seconds spent in the convolutions of one image, each layer's
    /// convolution timed alone on its real shapes.
    public var convolutionSeconds: Double
    /// Each convolution timed alone: its layer's name, FLOPs and seconds.
    public var layers: [(name: String, flops: Double, seconds: Double)]
    /// The `m × n × k` of the reference matrix product.
    public var sgemmShape: (m: Int, n: Int, k: Int)
    /// GFLOP/s of that product (best of five).
    public var sgemmGFLOPS: Double
    /// Peak resident memory of the process after building the generator and
    /// generating, before the other measurements, in bytes (`getrusage`).
    public var peakResidentBytes: Int
    /// CPU time over wall time during the timed generations: how many cores
    /// were busy on average.
    public var coresBusy: Double
    /// Bytes of the weights (float32).
    public var weightBytes: Int
    /// Threads used by OpenBLAS and the engine's loops.
    public var threads: Int

    /// The best time per image.
    public var bestSecondsPerImage: Double { secondsPerImage.min() ?? .nan }
    /// Images per second at the best time.
    public var imagesPerSecond: Double { 1 / bestSecondsPerImage }
    /// GFLOP/s of the convolutions alone.
    public var convolutionGFLOPS: Double { convolutionFLOPs / convolutionSeconds / 1e9 }
    /// GFLOP/s of the convolution work over the whole generation time.
    public var endToEndGFLOPS: Double { convolutionFLOPs / bestSecondsPerImage / 1e9 }
  }

  /// Builds a random generator with `config` and measures it.
  public static func run(config: GeneratorConfig = RandomCheckpoint.official256, runs: Int = 3)
    throws -> Report
  {
    var checkpoint: Checkpoint? = RandomCheckpoint.make(config: config)
    let parameters = RandomCheckpoint.parameterCount(checkpoint!)
    let weightBytes = 4 * checkpoint!.tensors.values.reduce(0) { $0 + $1.count }
    let generator = try Generator(checkpoint!)
    checkpoint = nil

    _ = try generator.generate(seed: 0, truncationPsi: 0.7)
    var times: [Double] = []
    let cpuStart = cpuSeconds()
    for run in 0..<max(runs, 1) {
      let start = DispatchTime.now()
      _ = try generator.generate(seed: UInt32(run + 1), truncationPsi: 0.7)
      times.append(seconds(since: start))
    }
    let coresBusy = (cpuSeconds() - cpuStart) / times.reduce(0, +)
    let peak = peakResidentBytes()

    let sgemm = measureSGEMM(m: 512, n: 4096, k: 4608)
    let layers = timeConvolutions(generator)
    return Report(
      config: config, parameterCount: parameters, runs: times.count, secondsPerImage: times,
      convolutionFLOPs: layers.reduce(0) { $0 + $1.flops },
      convolutionSeconds: layers.reduce(0) { $0 + $1.seconds }, layers: layers,
      sgemmShape: (512, 4096, 4608), sgemmGFLOPS: sgemm,
      peakResidentBytes: peak, coresBusy: coresBusy, weightBytes: weightBytes,
      threads: BLAS.coreCount)
  }

  /// The GFLOP/s of `C = A · B` for an `m × k` by `k × n` product, best of
  /// three (`cblas_sgemm`).
  static func measureSGEMM(m: Int, n: Int, k: Int) -> Double {
    var random = SplitMix(state: 7)
    let a = (0..<m * k).map { _ in random.normal() }
    let b = (0..<k * n).map { _ in random.normal() }
    var c = [Float](repeating: 0, count: m * n)
    var best = Double.infinity
    for _ in 0..<5 {
      let start = DispatchTime.now()
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          c.withUnsafeMutableBufferPointer { c in
            BLAS.sgemm(
              m: m, n: n, k: k, a: a.baseAddress!, lda: k, b: b.baseAddress!, ldb: n,
              c: c.baseAddress!, ldc: n)
          }
        }
      }
      best = min(best, seconds(since: start))
    }
    return 2 * Double(m) * Double(n) * Double(k) / best / 1e9
  }

  /// Each layer's convolution FLOPs and the time (best of three) of running
  /// its modulated convolution alone on an input of its real shape.
  static func timeConvolutions(_ generator: Generator)
    -> [(name: String, flops: Double, seconds: Double)]
  {
    var random = SplitMix(state: 11)
    var layers: [(name: String, flops: Double, seconds: Double)] = []
    func measure(_ name: String, _ conv: ModulatedConv2D, inputSize: Int) {
      let x = Tensor(
        shape: [conv.inChannels, inputSize, inputSize],
        scalars: (0..<conv.inChannels * inputSize * inputSize).map { _ in random.normal() })
      let styles = (0..<conv.inChannels).map { _ in 1 + 0.1 * random.normal() }
      var best = Double.infinity
      for _ in 0..<3 {
        let start = DispatchTime.now()
        _ = conv.apply(x, styles: styles)
        best = min(best, seconds(since: start))
      }
      let pixels = Double(inputSize * inputSize)
      let flops =
        2 * Double(conv.outChannels * conv.inChannels * conv.kernel * conv.kernel)
        * pixels
      layers.append((name, flops, best))
    }
    guard case .styleGAN2(let network) = generator.synthesisNetwork else {
      return layers
    }
    for block in network.blocks {
      let res = block.resolution
      if let conv0 = block.conv0 {
        measure("b\(res).conv0", conv0.conv, inputSize: res / 2)
      }
      measure("b\(res).conv1", block.conv1.conv, inputSize: res)
      if let toRGB = block.toRGB {
        measure("b\(res).torgb", toRGB.conv, inputSize: res)
      }
    }
    return layers
  }

  private static func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }

  /// User plus system CPU seconds of the process so far (`getrusage`).
  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
  }

  /// The process's peak resident set size (`getrusage`, kilobytes on Linux).
  static func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss * 1024
  }
}
