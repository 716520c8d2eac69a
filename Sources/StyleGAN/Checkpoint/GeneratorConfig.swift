/// The configuration of a generator, as the official training code records
/// it in the network's `_init_kwargs`.
///
/// Names follow the official keyword arguments (`z_dim` is ``zDim``,
/// `mapping_kwargs.num_layers` is ``MappingConfig/numLayers``); defaults are
/// those of the official constructors, used when a checkpoint omits a key.
public struct GeneratorConfig: Sendable, Equatable, Codable {
  /// Which generator family the checkpoint holds.
  public enum Family: String, Sendable, Codable {
    /// StyleGAN2-ADA (`training.networks.Generator`).
    case styleGAN2
    /// StyleGAN3 with translation equivariance (`-T`, 1-D separable filters).
    case styleGAN3T
    /// StyleGAN3 with rotation equivariance (`-R`, 2-D radial filters).
    case styleGAN3R
  }

  /// The generator family.
  public var family: Family
  /// The length of the input latent `z` (`z_dim`).
  public var zDim: Int
  /// The length of the conditioning label `c`; 0 for unconditional models.
  public var cDim: Int
  /// The length of an intermediate latent `w` (`w_dim`).
  public var wDim: Int
  /// The output's width and height in pixels (`img_resolution`).
  public var resolution: Int
  /// The number of output channels (`img_channels`).
  public var channels: Int
  /// How many `w` vectors the synthesis network takes.
  public var numWs: Int
  /// The mapping network's settings (`mapping_kwargs`).
  public var mapping: MappingConfig
  /// The synthesis network's settings (`synthesis_kwargs`).
  public var synthesis: SynthesisConfig

  /// Creates a configuration from its parts.
  public init(
    family: Family, zDim: Int, cDim: Int, wDim: Int, resolution: Int, channels: Int,
    numWs: Int, mapping: MappingConfig, synthesis: SynthesisConfig
  ) {
    self.family = family
    self.zDim = zDim
    self.cDim = cDim
    self.wDim = wDim
    self.resolution = resolution
    self.channels = channels
    self.numWs = numWs
    self.mapping = mapping
    self.synthesis = synthesis
  }
}

/// The mapping network's settings (`mapping_kwargs`).
public struct MappingConfig: Sendable, Equatable, Codable {
  /// Fully connected layers after the input (`num_layers`, default 8).
  public var numLayers: Int
  /// Width of the label embedding (`embed_features`, default `w_dim`); 0
  /// for unconditional models, as the official constructor sets it.
  public var embedFeatures: Int
  /// Width of the hidden layers (`layer_features`, default `w_dim`).
  public var layerFeatures: Int
  /// The activation (`activation`, default `lrelu`).
  public var activation: String
  /// Learning-rate multiplier of the layers (`lr_multiplier`, default 0.01).
  public var lrMultiplier: Float
  /// Decay of the tracked `w_avg` (`w_avg_beta`, default 0.995).
  public var wAvgBeta: Float

  /// Creates mapping settings.
  public init(
    numLayers: Int = 8, embedFeatures: Int, layerFeatures: Int, activation: String = "lrelu",
    lrMultiplier: Float = 0.01, wAvgBeta: Float = 0.995
  ) {
    self.numLayers = numLayers
    self.embedFeatures = embedFeatures
    self.layerFeatures = layerFeatures
    self.activation = activation
    self.lrMultiplier = lrMultiplier
    self.wAvgBeta = wAvgBeta
  }
}

/// The synthesis network's settings (`synthesis_kwargs`).
///
/// StyleGAN2 uses the architecture, filter and fp16 keys; StyleGAN3 uses the
/// keys after ``channelMax`` in its own constructor, kept in ``extra`` as
/// their decimal text (`"margin_size": "10"`).
public struct SynthesisConfig: Sendable, Equatable, Codable {
  /// Channel budget: a block at resolution r has
  /// `min(channelBase / r, channelMax)` channels (`channel_base`).
  public var channelBase: Int
  /// Upper bound on channels per layer (`channel_max`).
  public var channelMax: Int
  /// How many of the highest resolutions are flagged for fp16
  /// (`num_fp16_res`); the engine computes them in fp32.
  public var numFP16Res: Int
  /// Clamp applied to convolution outputs (`conv_clamp`); `nil` for none.
  public var convClamp: Float?
  /// `skip`, `resnet` or `orig` (`architecture`, StyleGAN2 only).
  public var architecture: String
  /// The 1-D low-pass filter for resampling (`resample_filter`,
  /// default `[1, 3, 3, 1]`, StyleGAN2 only).
  public var resampleFilter: [Float]
  /// Other keyword arguments, by their official names, as decimal text.
  public var extra: [String: String]

  /// Creates synthesis settings.
  public init(
    channelBase: Int = 32768, channelMax: Int = 512, numFP16Res: Int = 0,
    convClamp: Float? = nil, architecture: String = "skip",
    resampleFilter: [Float] = [1, 3, 3, 1], extra: [String: String] = [:]
  ) {
    self.channelBase = channelBase
    self.channelMax = channelMax
    self.numFP16Res = numFP16Res
    self.convClamp = convClamp
    self.architecture = architecture
    self.resampleFilter = resampleFilter
    self.extra = extra
  }
}
