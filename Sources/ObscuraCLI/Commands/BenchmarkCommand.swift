import Foundation
import StyleGAN

/// `obscura bench engine|stylegan3`: time the StyleGAN engine on the official
/// 256 × 256 configurations with random weights.
enum BenchmarkCommand: Command {
  static let name = "bench"
  static let summary = "Time the StyleGAN engine (obscura bench engine|stylegan3)"
  static let usage = """
    usage: obscura bench engine [--runs N] [--layers]
           obscura bench stylegan3 [--runs N]

    Builds a StyleGAN2 generator in the official 256 x 256 configuration
    (channel base 16384, channel max 512, 8 mapping layers, z = w = 512) with
    random weights, times batch-1 generation and prints images per second,
    the convolutions' GFLOP/s, a plain OpenBLAS sgemm's GFLOP/s measured in
    the same run, and the peak resident memory; --layers adds each
    convolution's time.
    """

  static func run(_ arguments: inout Arguments) throws {
    let runsText = try arguments.value("runs") ?? "3"
    let showLayers = arguments.flag("layers")
    let what = arguments.positionals()
    try arguments.finish()
    guard what == ["engine"] || what == ["stylegan3"] else {
      throw UsageError("say what to benchmark: obscura bench engine, or obscura bench stylegan3")
    }
    guard let runs = Int(runsText), runs > 0, runs <= 100 else {
      throw UsageError("--runs takes a whole number from 1 to 100, not '\(runsText)'")
    }
    if what == ["stylegan3"] {
      print(try StyleGAN3Benchmark.run(images: runs).summary)
      return
    }

    let report = try EngineBenchmark.run(runs: runs)
    let c = report.config
    let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1e6) }
    print(
      "StyleGAN2 \(c.resolution)x\(c.resolution), channel base \(c.synthesis.channelBase),"
        + " max \(c.synthesis.channelMax), \(c.mapping.numLayers) mapping layers,"
        + " z \(c.zDim), w \(c.wDim), \(report.parameterCount) parameters (random weights)")
    print(
      String(
        format: "threads:            %d (%.2f cores busy while generating)",
        report.threads, report.coresBusy))
    let times = report.secondsPerImage.map { String(format: "%.3f", $0) }.joined(separator: " ")
    print("seconds per image:  \(times) (best of \(report.runs), batch 1, after one warm-up)")
    print(String(format: "images per second:  %.2f", report.imagesPerSecond))
    print(
      String(
        format: "CPU per image:      %.3f s (user + system, all threads)",
        report.cpuSecondsPerImage))
    print(String(format: "conv work:          %.2f GFLOP per image", report.convolutionFLOPs / 1e9))
    print(
      String(
        format: "conv GFLOP/s:       %.1f (convolutions alone), %.1f (whole image)",
        report.convolutionGFLOPS, report.endToEndGFLOPS))
    let s = report.sgemmShape
    print(
      String(
        format: "sgemm GFLOP/s:      %.1f (%dx%dx%d, OpenBLAS)",
        report.sgemmGFLOPS, s.m, s.n, s.k))
    print(
      String(
        format: "conv / sgemm:       %.0f %%",
        100 * report.convolutionGFLOPS / report.sgemmGFLOPS))
    if showLayers {
      for layer in report.layers {
        let name = layer.name.padding(toLength: 12, withPad: " ", startingAt: 0)
        print(
          String(
            format: "  %@ %7.2f GFLOP %8.2f ms %6.1f GFLOP/s", name,
            layer.flops / 1e9, layer.seconds * 1e3, layer.flops / layer.seconds / 1e9))
      }
    }
    print(
      "peak memory:        \(mb(report.peakResidentBytes)) resident"
        + " (weights \(mb(report.weightBytes)),"
        + " rest \(mb(report.peakResidentBytes - report.weightBytes)))")
  }
}
