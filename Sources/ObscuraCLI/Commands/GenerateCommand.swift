import Foundation
import Obscura
import StyleGAN

/// `obscura generate`: write images from a StyleGAN model for a list of seeds.
enum GenerateCommand: Command {
  static let name = "generate"
  static let summary = "Write images from a StyleGAN model for a list of seeds"
  static let usage = """
    usage: obscura generate [--model PATH|default] --seeds LIST --out DIR
                            [--trunc PSI] [--trunc-cutoff N] [--class K]
                            [--noise-mode const|random|none] [--format png|npy]
                            [--network G_ema|G] [--shard I/N]
                            [--translate X,Y] [--rotate DEG]

    Writes DIR/seed0003.png for seed 3: z is NumPy's RandomState(seed).randn,
    as the official generate.py draws it, so seeds found there give the same
    image here.

      --model PATH|default  a .pkl training checkpoint or a .safetensors file;
                            default (also when omitted) is the model that ships
                            with Obscura
      --seeds LIST          seeds 0 to 4294967295: 0,3,10-12
      --trunc PSI           truncation psi (default 1)
      --trunc-cutoff N      truncate only the first N ws (default: all)
      --class K             class index, required for a conditional model
      --noise-mode MODE     const (default, the stored noise), random (seeded by
                            the image's seed) or none
      --format png|npy      8-bit RGB PNG (default), or the raw float32 output
                            [1, 3, H, W] as .npy
      --network NAME        which network of a .pkl: G_ema (default) or G
      --shard I/N           write only the seeds at positions I, I+N, I+2N, …
                            of the list (I from 0), for spreading a list over N
                            machines
      --translate X,Y       StyleGAN3 only: move the input (the image spans
                            about one unit)
      --rotate DEG          StyleGAN3 only: rotate the input, in degrees
    """

  static func run(_ arguments: inout Arguments) throws {
    let modelText = try arguments.value("model") ?? "default"
    let seedsText = try arguments.value("seeds")
    let outText = try arguments.value("out")
    let psiText = try arguments.value("trunc")
    let cutoffText = try arguments.value("trunc-cutoff")
    let classText = try arguments.value("class")
    let noiseText = try arguments.value("noise-mode") ?? "const"
    let formatText = try arguments.value("format") ?? "png"
    let networkText = try arguments.value("network")
    let shardText = try arguments.value("shard")
    let translateText = try arguments.value("translate")
    let rotateText = try arguments.value("rotate")
    let extra = arguments.positionals()
    try arguments.finish()
    guard extra.isEmpty else {
      throw UsageError("unexpected argument '\(extra[0])'")
    }
    guard let seedsText else { throw UsageError("give the seeds: --seeds 0,3,10-12") }
    guard let outText else { throw UsageError("give the output folder: --out DIR") }

    // Values: each mistake is a one-line error.
    let seeds = try SeedList(parsing: seedsText)
    let psi = try psiText.map(parsePsi) ?? 1
    let cutoff = try cutoffText.map { text -> Int in
      guard let value = Int(text), value >= 0 else {
        throw UsageError("--trunc-cutoff takes a whole number of ws from 0 up, not '\(text)'")
      }
      return value
    }
    let classIndex = try classText.map { text -> Int in
      guard let value = Int(text) else {
        throw UsageError("--class takes a class index (a whole number), not '\(text)'")
      }
      return value
    }
    guard let noiseMode = NoiseMode(rawValue: noiseText) else {
      throw UsageError("--noise-mode is const, random or none, not '\(noiseText)'")
    }
    guard let format = OutputFormat(rawValue: formatText) else {
      throw UsageError("--format is png or npy, not '\(formatText)'")
    }
    let network = try networkText.map { text -> Checkpoint.Network in
      guard let network = Checkpoint.Network(rawValue: text) else {
        throw UsageError("--network is G_ema or G, not '\(text)'")
      }
      return network
    }
    let shard = try shardText.map(parseShard) ?? (index: 0, count: 1)
    let transform = try parseTransform(translate: translateText, rotate: rotateText)

    // The model.
    let start = DispatchTime.now()
    let modelURL =
      modelText == "default" ? try DefaultModel.locate() : URL(fileURLWithPath: modelText)
    let generator = try Generator(Checkpoint.load(contentsOf: modelURL, network: network))
    if transform != nil && generator.config.family == .styleGAN2 {
      throw GenerateError(
        "--translate and --rotate move a StyleGAN3 model's input;"
          + " \(modelURL.lastPathComponent) is a StyleGAN2 model")
    }
    if generator.classCount == 0, let classIndex {
      throw StyleGANError.classOutOfRange(index: classIndex, classes: 0)
    }
    _ = try generator.label(classIndex: classIndex)
    let size = generator.config.resolution
    Diagnostics.note(
      "\(modelURL.path): \(familyName(generator.config.family)) \(size)x\(size),"
        + " loaded in \(format: seconds(since: start))")

    // The images.
    // A folder this run creates is removed again if it fails before a file
    // is in place, as `run` does.
    let folder = try OutputFolder(outText)
    try folder.prepare()
    var succeeded = false
    defer { succeeded ? folder.finish() : folder.removeIfUnused() }
    var written = 0
    for (position, seed) in seeds.enumerated() where position % shard.count == shard.index {
      let imageStart = DispatchTime.now()
      let image = try generator.generate(
        seed: seed, classIndex: classIndex, truncationPsi: psi, truncationCutoff: cutoff,
        noiseMode: noiseMode, noiseSeed: seed, transform: transform)
      let path = (outText as NSString).appendingPathComponent(
        "seed\(String(format: "%04u", seed)).\(format.rawValue)")
      let byteCount: Int
      switch format {
      case .png:
        var text: [(key: String, value: String)] = [
          ("Software", "obscura \(versionString)"), ("Model", modelURL.lastPathComponent),
          ("Seed", "\(seed)"), ("TruncationPsi", "\(psi)"),
          ("TruncationCutoff", cutoff.map(String.init) ?? "all"),
          ("NoiseMode", noiseMode.rawValue),
        ]
        if let classIndex { text.append(("Class", "\(classIndex)")) }
        let image8 = RGBImage(image)
        // A one-channel model's grey level goes into all three channels.
        let rgb = (0..<image8.width * image8.height).flatMap { pixel in
          (0..<3).map { image8.bytes[pixel * image8.channels + min($0, image8.channels - 1)] }
        }
        byteCount = try PNGFile.write(
          rgb: rgb, width: image8.width, height: image8.height, to: path,
          metadata: text.map { ($0.key, $0.value) })
      case .npy:
        let bytes = OutputFiles.npy(image)
        try AtomicFile.write(bytes: bytes, to: path)
        byteCount = bytes.count
      }
      written += 1
      print(
        "\(path)  \(size)x\(size)  \(OutputFiles.describeSize(byteCount))"
          + "  seed \(seed)  \(format: seconds(since: imageStart))")
    }
    succeeded = true
    Diagnostics.note(
      "wrote \(written) file\(written == 1 ? "" : "s") in \(format: seconds(since: start))")
  }

  /// The file formats `--format` names.
  enum OutputFormat: String {
    case png, npy
  }

  /// A finite truncation psi.
  static func parsePsi(_ text: String) throws -> Float {
    guard let psi = Float(text), psi.isFinite else {
      throw StyleGANError.invalidTruncationPsi(text)
    }
    return psi
  }

  /// `I/N` with `0 ≤ I < N`.
  static func parseShard(_ text: String) throws -> (index: Int, count: Int) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
      count > 0, index >= 0, index < count
    else {
      throw UsageError("--shard is I/N with 0 <= I < N (0/4 ... 3/4), not '\(text)'")
    }
    return (index, count)
  }

  /// The input transform of `--translate X,Y` and `--rotate DEG`, if given.
  static func parseTransform(translate: String?, rotate: String?) throws -> InputTransform? {
    guard translate != nil || rotate != nil else {
      return nil
    }
    var transform = InputTransform()
    if let translate {
      let parts = translate.split(separator: ",", omittingEmptySubsequences: false)
      guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]),
        x.isFinite, y.isFinite
      else {
        throw UsageError("--translate takes two numbers X,Y such as 0.25,-0.1, not '\(translate)'")
      }
      (transform.translateX, transform.translateY) = (x, y)
    }
    if let rotate {
      guard let degrees = Double(rotate), degrees.isFinite else {
        throw UsageError("--rotate takes an angle in degrees, not '\(rotate)'")
      }
      transform.rotateDegrees = degrees
    }
    return transform
  }

  /// The family as people write it.
  static func familyName(_ family: GeneratorConfig.Family) -> String {
    switch family {
    case .styleGAN2: return "StyleGAN2"
    case .styleGAN3T: return "StyleGAN3-T"
    case .styleGAN3R: return "StyleGAN3-R"
    }
  }

  private static func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }
}

extension DefaultStringInterpolation {
  /// Seconds as `0.12 s`.
  fileprivate mutating func appendInterpolation(format seconds: Double) {
    appendLiteral(String(format: "%.2f s", seconds))
  }
}
