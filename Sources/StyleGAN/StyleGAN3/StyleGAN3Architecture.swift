import Foundation

/// The layer-by-layer plan of a StyleGAN3 synthesis network: sizes, sampling
/// rates, cutoffs, resampling factors, filter lengths and paddings, derived
/// from ``StyleGAN3Settings`` as the official constructors derive them.
///
/// With `N = numLayers`, `N_c = numCritical` and `e_i = min(i / (N - N_c), 1)`
/// for `i = 0 … N`:
///
///     f_c[i] = firstCutoff · (r/2 / firstCutoff)^e_i            (cutoff)
///     f_t[i] = firstStopband · (r/2 · lastStopbandRel / firstStopband)^e_i
///     s[i]   = 2^ceil(log2(min(2 f_t[i], r)))                   (sampling rate)
///     f_h[i] = max(f_t[i], s[i]/2) − f_c[i]                     (half width)
///     size[i] = s[i] + 2 · marginSize, the last two = r
///     channels[i] = rint(min(channelBase/2 / f_c[i], channelMax)), the last = 3
///
/// Layer `i` goes from the rates of layer `max(i − 1, 0)` to those of `i`; the
/// input has `channels[0]`, `size[0]`, rate `s[0]` and bandwidth `f_c[0]`.
public struct StyleGAN3Architecture: Sendable, Equatable {
  /// The Fourier-feature input's shape.
  public struct Input: Sendable, Equatable {
    /// Feature channels.
    public var channels: Int
    /// Width and height in samples.
    public var size: Int
    /// Samples per unit length.
    public var samplingRate: Double
    /// The highest frequency of the features.
    public var bandwidth: Double
  }

  /// One synthesis layer: modulated convolution then filtered leaky ReLU.
  public struct Layer: Sendable, Equatable {
    /// The official module name, `L{index}_{outSize}_{outChannels}`.
    public var name: String
    /// Whether this is the final ToRGB layer (no demodulation, linear activation).
    public var isToRGB: Bool
    /// Whether the layer is among the last `numCritical`.
    public var isCriticallySampled: Bool
    /// Input channels.
    public var inChannels: Int
    /// Output channels.
    public var outChannels: Int
    /// Input width and height.
    public var inSize: Int
    /// Output width and height.
    public var outSize: Int
    /// Input sampling rate.
    public var inSamplingRate: Int
    /// Output sampling rate.
    public var outSamplingRate: Int
    /// Rate at which the activation runs: `max(in, out)`, times
    /// `lreluUpsampling` except in ToRGB.
    public var tmpSamplingRate: Double
    /// Cutoff of the up-sampling filter.
    public var inCutoff: Double
    /// Cutoff of the down-sampling filter.
    public var outCutoff: Double
    /// Transition half width of the up-sampling filter.
    public var inHalfWidth: Double
    /// Transition half width of the down-sampling filter.
    public var outHalfWidth: Double
    /// Convolution kernel size (1 for ToRGB).
    public var convKernel: Int
    /// Up-sampling factor, `tmpSamplingRate / inSamplingRate`.
    public var upFactor: Int
    /// Down-sampling factor, `tmpSamplingRate / outSamplingRate`.
    public var downFactor: Int
    /// Length of the up-sampling filter, `filterSize · upFactor` (1: none).
    public var upTaps: Int
    /// Length of the down-sampling filter, `filterSize · downFactor` (1: none).
    public var downTaps: Int
    /// Whether the down-sampling filter is 2-D radial rather than 1-D separable.
    public var downRadial: Bool
    /// Padding of the up-sampled signal, `[x0, x1, y0, y1]`; negative crops.
    ///
    ///     total = (outSize − 1) · down + 1 − (inSize + k − 1) · up
    ///             + upTaps + downTaps − 2
    ///     lo    = floor((total + up) / 2),  hi = total − lo
    public var padding: [Int]
  }

  /// The settings the plan was derived from.
  public var settings: StyleGAN3Settings
  /// The Fourier-feature input.
  public var input: Input
  /// Layers `L0 … L{numLayers}`, the last being ToRGB.
  public var layers: [Layer]

  /// How many `w` vectors the network takes: one for the input, one per layer.
  public var numWs: Int { layers.count + 1 }

  /// Derives the plan from the settings.
  ///
  /// - Throws: ``StyleGANError/invalidStyleGAN3Architecture(_:)`` when the settings
  ///   give a non-integer resampling factor or an impossible layer count.
  public init(settings: StyleGAN3Settings) throws {
    let n = settings.numLayers
    guard n >= 1, settings.numCritical >= 0, settings.numCritical < n else {
      throw StyleGANError.invalidStyleGAN3Architecture(
        "num_layers \(n) and num_critical \(settings.numCritical) leave no layer to "
          + "ramp the cutoffs over")
    }
    guard settings.resolution > 0, settings.convKernel >= 1, settings.filterSize >= 1,
      settings.lreluUpsampling >= 1
    else {
      throw StyleGANError.invalidStyleGAN3Architecture(
        "resolution \(settings.resolution), conv_kernel \(settings.convKernel), "
          + "filter_size \(settings.filterSize) and lrelu_upsampling "
          + "\(settings.lreluUpsampling) must be positive")
    }
    self.settings = settings

    // Geometric progression of cutoffs and minimum stopbands.
    let resolution = Double(settings.resolution)
    let lastCutoff = resolution / 2
    let lastStopband = lastCutoff * settings.lastStopbandRel
    let exponents = (0...n).map { min(Double($0) / Double(n - settings.numCritical), 1) }
    let cutoffs = exponents.map {
      settings.firstCutoff * pow(lastCutoff / settings.firstCutoff, $0)
    }
    let stopbands = exponents.map {
      settings.firstStopband * pow(lastStopband / settings.firstStopband, $0)
    }

    // Sampling rates, transition widths, sizes and channels.
    let rates = stopbands.map { exp2(ceil(log2(min($0 * 2, resolution)))) }
    let halfWidths = (0...n).map { max(stopbands[$0], rates[$0] / 2) - cutoffs[$0] }
    var sizes = rates.map { Int($0) + settings.marginSize * 2 }
    sizes[n - 1] = settings.resolution
    sizes[n] = settings.resolution
    var channels = cutoffs.map {
      Int(
        min(Double(settings.channelBase) / 2 / $0, Double(settings.channelMax))
          .rounded(.toNearestOrEven))
    }
    channels[n] = settings.imageChannels

    input = Input(
      channels: channels[0], size: sizes[0], samplingRate: rates[0], bandwidth: cutoffs[0])

    layers = []
    for index in 0...n {
      let previous = max(index - 1, 0)
      let isToRGB = index == n
      let inRate = Int(rates[previous])
      let outRate = Int(rates[index])
      let tmpRate = Double(max(inRate, outRate)) * (isToRGB ? 1 : settings.lreluUpsampling)
      let up = Int((tmpRate / Double(inRate)).rounded(.toNearestOrEven))
      let down = Int((tmpRate / Double(outRate)).rounded(.toNearestOrEven))
      guard Double(inRate * up) == tmpRate, Double(outRate * down) == tmpRate else {
        throw StyleGANError.invalidStyleGAN3Architecture(
          "layer \(index) runs its activation at rate \(tmpRate), which is not a whole "
            + "multiple of its input rate \(inRate) and output rate \(outRate)")
      }
      let upTaps = up > 1 && !isToRGB ? settings.filterSize * up : 1
      let downTaps = down > 1 && !isToRGB ? settings.filterSize * down : 1
      let kernel = isToRGB ? 1 : settings.convKernel
      let isCritical = index >= n - settings.numCritical

      // Padding of the up-sampled signal (symmetric interpretation of the samples).
      var total = (sizes[index] - 1) * down + 1
      total -= (sizes[previous] + kernel - 1) * up
      total += upTaps + downTaps - 2
      let lo = Int((Double(total + up) / 2).rounded(.down))
      let hi = total - lo

      layers.append(
        Layer(
          name: "L\(index)_\(sizes[index])_\(channels[index])", isToRGB: isToRGB,
          isCriticallySampled: isCritical, inChannels: channels[previous],
          outChannels: channels[index], inSize: sizes[previous], outSize: sizes[index],
          inSamplingRate: inRate, outSamplingRate: outRate, tmpSamplingRate: tmpRate,
          inCutoff: cutoffs[previous], outCutoff: cutoffs[index],
          inHalfWidth: halfWidths[previous], outHalfWidth: halfWidths[index],
          convKernel: kernel, upFactor: up, downFactor: down, upTaps: upTaps,
          downTaps: downTaps, downRadial: settings.useRadialFilters && !isCritical,
          padding: [lo, hi, lo, hi]))
    }
  }
}
