import Foundation
import StyleGAN

/// `obscura info`: describe a StyleGAN checkpoint.
enum InfoCommand: Command {
  static let name = "info"
  static let summary = "Describe a StyleGAN checkpoint"
  static let usage = """
    usage: obscura info MODEL [--network G_ema|G]

    Prints what a checkpoint holds: family and architecture, resolution,
    z/w/c dimensions, number of ws, mapping layers, channels per resolution,
    parameter count, conv_clamp and fp16 layers. MODEL is an official .pkl,
    a .safetensors written by 'obscura convert', or 'default' (the model
    that ships with Obscura). --network picks the network of a .pkl
    (default G_ema).
    """

  static func run(_ arguments: inout Arguments) throws {
    let network = try ConvertCommand.network(try arguments.value("network"))
    let models = arguments.positionals()
    try arguments.finish()
    guard models.count == 1 else {
      throw UsageError(models.isEmpty ? "info needs a MODEL" : "info takes one MODEL")
    }
    let url = try ConvertCommand.modelURL(models[0])
    let checkpoint = try Checkpoint.load(contentsOf: url, network: network)
    let file = models[0] == "default" ? "default (\(url.path))" : models[0]
    print(describe(checkpoint, file: file, network: network))
  }

  /// The description, one fact per line.
  static func describe(
    _ checkpoint: Checkpoint, file: String, network: Checkpoint.Network?
  ) -> String {
    let config = checkpoint.config
    var lines: [String] = []
    func add(_ label: String, _ value: String) {
      lines.append("  " + label.padding(toLength: 12, withPad: " ", startingAt: 0) + value)
    }

    let family: String
    if config.family == .styleGAN2 {
      family = "StyleGAN2 (\(config.synthesis.architecture) architecture)"
    } else {
      let filters = config.family == .styleGAN3R ? "2-D radial filters" : "1-D separable filters"
      family = "\(config.family.displayName) (\(filters))"
    }
    lines.append("\(file): \(family)")
    if let network { add("network", network.rawValue) }
    add("resolution", "\(config.resolution) × \(config.resolution), \(config.channels) channels")
    let conditioning = config.cDim == 0 ? "unconditional" : "\(config.cDim) classes"
    add("latents", "z \(config.zDim), w \(config.wDim), c \(config.cDim) (\(conditioning))")
    add("ws", "\(config.numWs)")
    let widths = config.mappingFeatures.map(String.init).joined(separator: " → ")
    add(
      "mapping",
      "\(config.mapping.numLayers) layers, \(widths) "
        + "(\(config.mapping.activation), lr multiplier \(config.mapping.lrMultiplier))")

    if config.family == .styleGAN2 {
      let channels = config.blockResolutions.map { "\($0): \(config.channels(atResolution: $0))" }
      add("channels", channels.joined(separator: ", "))
    } else {
      add("layers", styleGAN3Layers(checkpoint))
      let settings = config.synthesis.extra.sorted { $0.key < $1.key }
        .map { "\($0.key) \($0.value)" }
      add("synthesis", settings.joined(separator: ", "))
    }
    add("parameters", "\(grouped(checkpoint.parameterCount)) (\(checkpoint.tensors.count) tensors)")
    add("conv_clamp", config.synthesis.convClamp.map { "\($0.formatted)" } ?? "none")
    add("fp16", fp16(config))
    return lines.joined(separator: "\n")
  }

  /// The StyleGAN3 synthesis layers, from their official names
  /// `L<index>_<size>_<channels>`.
  private static func styleGAN3Layers(_ checkpoint: Checkpoint) -> String {
    let layers = checkpoint.tensors.keys.compactMap { name -> (Int, Int, Int)? in
      guard name.hasPrefix("synthesis.L"), name.hasSuffix(".weight"),
        !name.contains(".affine.")
      else { return nil }
      let parts = name.dropFirst("synthesis.L".count).dropLast(".weight".count)
        .split(separator: "_").compactMap { Int($0) }
      return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
    }.sorted { $0.0 < $1.0 }
    guard !layers.isEmpty else { return "none found" }
    let sizes = layers.map { "\($0.1)" }.joined(separator: " ")
    let channels = layers.map { "\($0.2)" }.joined(separator: " ")
    return "\(layers.count) (sizes \(sizes); channels \(channels))"
  }

  /// Which resolutions the checkpoint flags for fp16.
  private static func fp16(_ config: GeneratorConfig) -> String {
    let count = config.synthesis.numFP16Res
    guard count > 0 else { return "none (num_fp16_res 0)" }
    if config.family == .styleGAN2 {
      let flagged = config.blockResolutions.filter { $0 >= config.fp16Resolution }
      return "\(flagged.map(String.init).joined(separator: ", ")) px "
        + "(num_fp16_res \(count); computed in fp32)"
    }
    return "num_fp16_res \(count) (the flagged layers are computed in fp32)"
  }

  /// `797704` as `797,704`.
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }
}

extension Float {
  /// `256` rather than `256.0` for whole numbers.
  fileprivate var formatted: String {
    self == rounded() && abs(self) < 1e9 ? "\(Int(self))" : "\(self)"
  }
}
