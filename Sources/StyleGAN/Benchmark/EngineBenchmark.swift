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
    /// convolution timed alone on its real shapes (best of five, measured in
    /// alternation with the reference sgemm).
    public var convolutionSeconds: Double
    /// Each convolution timed alone: its layer's name, FLOPs and seconds.
    public var layers: [(name: String, flops: Double, seconds: Double)]
    /// The `m × n × k` of the reference matrix product.
    public var sgemmShape: (m: Int, n: Int, k: Int)
    /// GFLOP/s of that product (best of five, in alternation with the
    /// convolutions).
    public var sgemmGFLOPS: Double
    /// Peak resident memory of the process after building the generator and
    /// generating, before the other measurements, in bytes (`getrusage`).
    public var peakResidentBytes: Int
    /// CPU time over wall time during the timed generations: how many cores
    /// were busy on average.
    public var coresBusy: Double
    /// User plus system CPU seconds per timed image.
    public var cpuSecondsPerImage: Double
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
    let cpuUsed = cpuSeconds() - cpuStart
    let coresBusy = cpuUsed / times.reduce(0, +)
    let peak = peakResidentBytes()

    let (sgemm, layers) = measureKernels(generator, m: 512, n: 4096, k: 4608, rounds: 5)
    return Report(
      config: config, parameterCount: parameters, runs: times.count, secondsPerImage: times,
      convolutionFLOPs: layers.reduce(0) { $0 + $1.flops },
      convolutionSeconds: layers.reduce(0) { $0 + $1.seconds }, layers: layers,
      sgemmShape: (512, 4096, 4608), sgemmGFLOPS: sgemm,
      peakResidentBytes: peak, coresBusy: coresBusy,
      cpuSecondsPerImage: cpuUsed / Double(times.count), weightBytes: weightBytes,
      threads: BLAS.coreCount)
  }

  /// The GFLOP/s of the reference `m × k` by `k × n` product
  /// (`cblas_sgemm`) and each layer's convolution FLOPs and time, measured
  /// in alternation over `rounds` rounds and keeping each one's best, so
  /// that both see the same load on a shared machine.
  static func measureKernels(_ generator: Generator, m: Int, n: Int, k: Int, rounds: Int)
    -> (sgemmGFLOPS: Double, layers: [(name: String, flops: Double, seconds: Double)])
  {
    var random = SplitMix(state: 7)
    let a = (0..<m * k).map { _ in random.normal() }
    let b = (0..<k * n).map { _ in random.normal() }
    var c = [Float](repeating: 0, count: m * n)

    // Each modulated convolution with an input of its real shape.
    var convolutions: [(name: String, conv: ModulatedConv2D, x: Tensor, styles: [Float])] = []
    if case .styleGAN2(let network) = generator.synthesisNetwork {
      func add(_ name: String, _ conv: ModulatedConv2D, inputSize: Int) {
        let count = conv.inChannels * inputSize * inputSize
        let x = Tensor(
          shape: [conv.inChannels, inputSize, inputSize],
          scalars: (0..<count).map { _ in random.normal() })
        let styles = (0..<conv.inChannels).map { _ in 1 + 0.1 * random.normal() }
        convolutions.append((name, conv, x, styles))
      }
      for block in network.blocks {
        let res = block.resolution
        if let conv0 = block.conv0 {
          add("b\(res).conv0", conv0.conv, inputSize: res / 2)
        }
        add("b\(res).conv1", block.conv1.conv, inputSize: res)
        if let toRGB = block.toRGB {
          add("b\(res).torgb", toRGB.conv, inputSize: res)
        }
      }
    }

    var sgemmBest = Double.infinity
    var convBest = [Double](repeating: .infinity, count: convolutions.count)
    for _ in 0..<max(rounds, 1) {
      sgemmBest = min(sgemmBest, timeSGEMM(a, b, &c, m: m, n: n, k: k))
      for (index, item) in convolutions.enumerated() {
        let start = DispatchTime.now()
        _ = item.conv.apply(item.x, styles: item.styles)
        convBest[index] = min(convBest[index], seconds(since: start))
      }
    }

    let layers = zip(convolutions, convBest).map { item, best in
      let conv = item.conv
      let pixels = Double(item.x.count / conv.inChannels)
      let flops =
        2 * Double(conv.outChannels * conv.inChannels * conv.kernel * conv.kernel) * pixels
      return (item.name, flops, best)
    }
    return (2 * Double(m) * Double(n) * Double(k) / sgemmBest / 1e9, layers)
  }

  /// The best GFLOP/s of `rounds` plain `m × k` by `k × n` products
  /// (`cblas_sgemm`) on random matrices.
  static func measureSGEMM(m: Int, n: Int, k: Int, rounds: Int = 3) -> Double {
    var random = SplitMix(state: 7)
    let a = (0..<m * k).map { _ in random.normal() }
    let b = (0..<k * n).map { _ in random.normal() }
    var c = [Float](repeating: 0, count: m * n)
    var best = Double.infinity
    for _ in 0..<max(rounds, 1) {
      best = min(best, timeSGEMM(a, b, &c, m: m, n: n, k: k))
    }
    return 2 * Double(m) * Double(n) * Double(k) / best / 1e9
  }

  /// The seconds one `c = a · b` (`cblas_sgemm`) takes.
  private static func timeSGEMM(
    _ a: [Float], _ b: [Float], _ c: inout [Float], m: Int, n: Int, k: Int
  ) -> Double {
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
    return seconds(since: start)
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
