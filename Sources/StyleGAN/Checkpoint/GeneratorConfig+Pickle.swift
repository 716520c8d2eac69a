import Foundation

/// Reading a configuration from a pickled generator's `_init_kwargs`.
extension GeneratorConfig {
  /// The official `Generator` constructors' positional parameters, in
  /// order; `_init_args` fills them before `_init_kwargs`.
  private static let positionalNames = [
    "z_dim", "c_dim", "w_dim", "img_resolution", "img_channels", "mapping_kwargs",
    "synthesis_kwargs",
  ]

  /// The StyleGAN3 synthesis keyword arguments and the official defaults,
  /// kept in ``SynthesisConfig/extra`` (`SynthesisNetwork` and
  /// `SynthesisLayer` in `networks_stylegan3.py`).
  static let styleGAN3Defaults: [String: String] = [
    "num_layers": "14", "num_critical": "2", "first_cutoff": "2",
    "first_stopband": "\(pow2(2.1))", "last_stopband_rel": "\(pow2(0.3))",
    "margin_size": "10", "output_scale": "0.25", "conv_kernel": "3", "filter_size": "6",
    "lrelu_upsampling": "2", "use_radial_filters": "false", "magnitude_ema_beta": "0.999",
  ]

  /// Reads the configuration of a generator of `family` from its pickled
  /// state (the persistent object's `state` dict).
  init(family: Family, state: PickleDict) throws {
    var kwargs = KeywordArguments(prefix: "")
    if let arguments = state["_init_args"]?.sequence {
      for (name, value) in zip(Self.positionalNames, arguments) { kwargs.values[name] = value }
    }
    guard let initKwargs = state["_init_kwargs"]?.dictValue else {
      throw CheckpointProblem.unexpectedLayout(detail: "the generator has no _init_kwargs")
    }
    for (key, value) in initKwargs.stringEntries { kwargs.values[key] = value }

    let zDim = try kwargs.int("z_dim")
    let cDim = try kwargs.int("c_dim")
    let wDim = try kwargs.int("w_dim")
    let resolution = try kwargs.int("img_resolution")
    let channels = try kwargs.int("img_channels")

    // Mapping network (`mapping_kwargs`).
    let mappingKwargs = try kwargs.nested("mapping_kwargs")
    let isStyleGAN3 = family.isStyleGAN3
    let numLayers = try mappingKwargs.int("num_layers", default: isStyleGAN3 ? 2 : 8)
    let embedFeatures =
      cDim == 0 ? 0 : try mappingKwargs.optionalInt("embed_features") ?? wDim
    let mapping = MappingConfig(
      numLayers: numLayers, embedFeatures: embedFeatures,
      layerFeatures: try mappingKwargs.optionalInt("layer_features") ?? wDim,
      activation: try mappingKwargs.string("activation", default: "lrelu"),
      lrMultiplier: Float(try mappingKwargs.double("lr_multiplier", default: 0.01)),
      wAvgBeta: Float(try mappingKwargs.double("w_avg_beta", default: isStyleGAN3 ? 0.998 : 0.995)))

    // Synthesis network: `synthesis_kwargs` in StyleGAN2, the remaining
    // keyword arguments of the generator in StyleGAN3.
    var synthesisKwargs: KeywordArguments
    if isStyleGAN3 {
      synthesisKwargs = KeywordArguments(prefix: "")
      for (key, value) in kwargs.values
      where !Self.positionalNames.contains(key) {
        synthesisKwargs.values[key] = value
      }
    } else {
      synthesisKwargs = try kwargs.nested("synthesis_kwargs")
    }
    let clamp = try synthesisKwargs.optionalDouble("conv_clamp", default: isStyleGAN3 ? 256 : nil)
    var synthesis = SynthesisConfig(
      channelBase: try synthesisKwargs.int("channel_base", default: 32768),
      channelMax: try synthesisKwargs.int("channel_max", default: 512),
      numFP16Res: try synthesisKwargs.int("num_fp16_res", default: isStyleGAN3 ? 4 : 0),
      convClamp: clamp.map(Float.init),
      architecture: try synthesisKwargs.string("architecture", default: "skip"),
      resampleFilter: try synthesisKwargs.doubles("resample_filter", default: [1, 3, 3, 1])
        .map(Float.init))
    let known: Set = [
      "channel_base", "channel_max", "num_fp16_res", "conv_clamp", "architecture",
      "resample_filter",
    ]
    if isStyleGAN3 {
      synthesis.extra = Self.styleGAN3Defaults
      // -R detected from its layers implies radial filters.
      synthesis.extra["use_radial_filters"] = family == .styleGAN3R ? "true" : "false"
    }
    for (key, value) in synthesisKwargs.values where !known.contains(key) {
      if let text = value.decimalText { synthesis.extra[key] = text }
    }

    // The number of ws, from the block or layer structure.
    let numWs: Int
    if isStyleGAN3 {
      guard let layers = Int(synthesis.extra["num_layers"] ?? ""), (1...256).contains(layers) else {
        throw CheckpointProblem.badConfig(key: "num_layers", detail: "is not a layer count")
      }
      numWs = layers + 2
    } else {
      numWs = Self.styleGAN2NumWs(resolution: resolution)
    }
    if let pickled = state["num_ws"]?.intValue, pickled != numWs {
      throw CheckpointProblem.badConfig(
        key: "num_ws", detail: "is \(pickled), but the configuration implies \(numWs)")
    }

    self.init(
      family: family, zDim: zDim, cDim: cDim, wDim: wDim, resolution: resolution,
      channels: channels, numWs: numWs, mapping: mapping, synthesis: synthesis)
  }
}

/// 2^x, for the StyleGAN3 stopband defaults.
private func pow2(_ exponent: Double) -> Double {
  Foundation.pow(2, exponent)
}

/// A keyword-argument dict, read with the official defaults.
private struct KeywordArguments {
  /// The dotted path of this dict, for messages (`mapping_kwargs.`).
  let prefix: String
  var values: [String: PickleValue] = [:]

  init(prefix: String) { self.prefix = prefix }

  private func problem(_ key: String, _ value: PickleValue, _ expected: String)
    -> CheckpointProblem
  {
    .badConfig(key: prefix + key, detail: "is \(value.kind), expected \(expected)")
  }

  func int(_ key: String, default fallback: Int? = nil) throws -> Int {
    guard let value = values[key] else {
      if let fallback { return fallback }
      throw CheckpointProblem.badConfig(key: prefix + key, detail: "is missing")
    }
    if let number = value.intValue { return number }
    if case .float(let number) = value, let exact = Int(exactly: number) { return exact }
    throw problem(key, value, "an integer")
  }

  func optionalInt(_ key: String) throws -> Int? {
    guard let value = values[key], !value.isNone else { return nil }
    return try int(key)
  }

  func double(_ key: String, default fallback: Double) throws -> Double {
    guard let value = values[key] else { return fallback }
    guard let number = value.doubleValue else { throw problem(key, value, "a number") }
    return number
  }

  func optionalDouble(_ key: String, default fallback: Double?) throws -> Double? {
    guard let value = values[key] else { return fallback }
    if value.isNone { return nil }
    guard let number = value.doubleValue else { throw problem(key, value, "a number or None") }
    return number
  }

  func string(_ key: String, default fallback: String) throws -> String {
    guard let value = values[key] else { return fallback }
    guard let text = value.stringValue else { throw problem(key, value, "a string") }
    return text
  }

  func doubles(_ key: String, default fallback: [Double]) throws -> [Double] {
    guard let value = values[key] else { return fallback }
    guard let items = value.sequence?.compactMap(\.doubleValue),
      items.count == value.sequence?.count
    else { throw problem(key, value, "a list of numbers") }
    return items
  }

  func nested(_ key: String) throws -> KeywordArguments {
    var nested = KeywordArguments(prefix: prefix + key + ".")
    guard let value = values[key] else { return nested }
    guard let dict = value.dictValue else { throw problem(key, value, "a dict") }
    for (name, item) in dict.stringEntries { nested.values[name] = item }
    return nested
  }
}

extension PickleValue {
  /// Whether this is Python's None.
  var isNone: Bool {
    if case .none = self { return true }
    return false
  }

  /// A scalar as decimal text (`10`, `0.25`, `true`); lists of scalars as
  /// comma-separated text; `nil` for anything else.
  var decimalText: String? {
    switch self {
    case .int(let number): return "\(number)"
    case .float(let number): return "\(number)"
    case .bool(let flag): return flag ? "true" : "false"
    case .string(let text): return text
    case .none: return "none"
    case .tuple, .list:
      let parts = sequence?.map { $0.isScalar ? $0.decimalText : nil } ?? []
      guard !parts.contains(nil) else { return nil }
      return parts.map { $0! }.joined(separator: ",")
    default: return nil
    }
  }

  private var isScalar: Bool {
    switch self {
    case .int, .float, .bool, .string, .none: return true
    default: return false
    }
  }
}
