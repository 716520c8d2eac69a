import Foundation

/// The keyword arguments of a StyleGAN3 synthesis network, with the official
/// constructors' defaults.
///
/// Names follow `training/networks_stylegan3.py`: `num_layers` is
/// ``numLayers``, `first_stopband` is ``firstStopband``, and so on.
public struct StyleGAN3Settings: Sendable, Equatable {
  /// The output's width and height in pixels (`img_resolution`).
  public var resolution: Int
  /// The number of output channels (`img_channels`).
  public var imageChannels: Int
  /// The length of an intermediate latent `w` (`w_dim`).
  public var wDim: Int
  /// Channel budget: a layer with cutoff `f_c` has
  /// `rint(min((channelBase / 2) / f_c, channelMax))` channels (`channel_base`).
  public var channelBase: Int
  /// Upper bound on channels per layer (`channel_max`).
  public var channelMax: Int
  /// Layers before the final ToRGB (`num_layers`, default 14).
  public var numLayers: Int
  /// How many of the last layers are critically sampled (`num_critical`, default 2).
  public var numCritical: Int
  /// Cutoff frequency of the first layer (`first_cutoff`, default 2).
  public var firstCutoff: Double
  /// Minimum stopband of the first layer (`first_stopband`, default 2^2.1).
  public var firstStopband: Double
  /// Last layer's stopband relative to its cutoff (`last_stopband_rel`, default 2^0.3).
  public var lastStopbandRel: Double
  /// Pixels of margin around the image in the inner layers (`margin_size`, default 10).
  public var marginSize: Int
  /// Scale applied to the final output (`output_scale`, default 0.25).
  public var outputScale: Double
  /// Convolution kernel size (`conv_kernel`, default 3; 1 in the `-R` configuration).
  public var convKernel: Int
  /// Taps per resampling factor of the low-pass filters (`filter_size`, default 6).
  public var filterSize: Int
  /// How much the leaky ReLU's signal is up-sampled (`lrelu_upsampling`, default 2).
  public var lreluUpsampling: Double
  /// Whether non-critical layers down-sample with radially symmetric 2-D filters
  /// (`use_radial_filters`; the `-R` configuration).
  public var useRadialFilters: Bool
  /// Clamp of the layer outputs (`conv_clamp`, default 256); `nil` for none.
  public var convClamp: Float?

  /// Creates settings; every argument after `wDim` defaults to the official value.
  public init(
    resolution: Int, imageChannels: Int = 3, wDim: Int, channelBase: Int = 32768,
    channelMax: Int = 512, numLayers: Int = 14, numCritical: Int = 2,
    firstCutoff: Double = 2, firstStopband: Double = 4.2870938501451725,
    lastStopbandRel: Double = 1.2311444133449163, marginSize: Int = 10,
    outputScale: Double = 0.25, convKernel: Int = 3, filterSize: Int = 6,
    lreluUpsampling: Double = 2, useRadialFilters: Bool = false, convClamp: Float? = 256
  ) {
    self.resolution = resolution
    self.imageChannels = imageChannels
    self.wDim = wDim
    self.channelBase = channelBase
    self.channelMax = channelMax
    self.numLayers = numLayers
    self.numCritical = numCritical
    self.firstCutoff = firstCutoff
    self.firstStopband = firstStopband
    self.lastStopbandRel = lastStopbandRel
    self.marginSize = marginSize
    self.outputScale = outputScale
    self.convKernel = convKernel
    self.filterSize = filterSize
    self.lreluUpsampling = lreluUpsampling
    self.useRadialFilters = useRadialFilters
    self.convClamp = convClamp
  }

  /// Reads the settings of a StyleGAN3 checkpoint's configuration.
  ///
  /// The StyleGAN3 keyword arguments come from `config.synthesis.extra`
  /// (decimal text under the official names); a missing key takes the official
  /// default, except `num_layers`, which defaults to `numWs - 2`, and
  /// `use_radial_filters`, which defaults to whether the family is `-R`.
  /// `conv_clamp` is read from `extra` when present (`"None"` for no clamp),
  /// otherwise from ``SynthesisConfig/convClamp``.
  ///
  /// - Throws: ``StyleGANError/notStyleGAN3(_:)`` for another family,
  ///   ``StyleGANError/invalidStyleGAN3Setting(key:value:)`` for text that is not a number.
  public init(config: GeneratorConfig) throws {
    guard config.family == .styleGAN3T || config.family == .styleGAN3R else {
      throw StyleGANError.notStyleGAN3(config.family)
    }
    let extra = config.synthesis.extra
    func number(_ key: String, _ fallback: Double) throws -> Double {
      guard let text = extra[key] else { return fallback }
      guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite
      else { throw StyleGANError.invalidStyleGAN3Setting(key: key, value: text) }
      return value
    }
    func integer(_ key: String, _ fallback: Int) throws -> Int {
      let value = try number(key, Double(fallback))
      guard value == value.rounded(), abs(value) < 1e9 else {
        throw StyleGANError.invalidStyleGAN3Setting(key: key, value: extra[key] ?? "")
      }
      return Int(value)
    }
    func flag(_ key: String, _ fallback: Bool) throws -> Bool {
      guard let text = extra[key] else { return fallback }
      switch text.trimmingCharacters(in: .whitespaces).lowercased() {
      case "true", "1": return true
      case "false", "0": return false
      default: throw StyleGANError.invalidStyleGAN3Setting(key: key, value: text)
      }
    }

    var clamp = config.synthesis.convClamp
    if let text = extra["conv_clamp"] {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      clamp = trimmed.lowercased() == "none" ? nil : Float(try number("conv_clamp", 0))
    }
    self.init(
      resolution: config.resolution, imageChannels: config.channels, wDim: config.wDim,
      channelBase: config.synthesis.channelBase, channelMax: config.synthesis.channelMax,
      numLayers: try integer("num_layers", config.numWs - 2),
      numCritical: try integer("num_critical", 2),
      firstCutoff: try number("first_cutoff", 2),
      firstStopband: try number("first_stopband", 4.2870938501451725),
      lastStopbandRel: try number("last_stopband_rel", 1.2311444133449163),
      marginSize: try integer("margin_size", 10),
      outputScale: try number("output_scale", 0.25),
      convKernel: try integer("conv_kernel", 3),
      filterSize: try integer("filter_size", 6),
      lreluUpsampling: try number("lrelu_upsampling", 2),
      useRadialFilters: try flag("use_radial_filters", config.family == .styleGAN3R),
      convClamp: clamp)
  }
}
