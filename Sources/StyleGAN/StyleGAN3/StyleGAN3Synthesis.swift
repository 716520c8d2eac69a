import Foundation

/// The synthesis network of a StyleGAN3 generator (`-T` or `-R`): the
/// Fourier-feature input, `numLayers` layers and the final ToRGB, then
/// `output_scale`.
///
/// `ws[0]` drives the input and `ws[i + 1]` layer `L{i}`; the output is the
/// last layer's signal times `outputScale`, unclamped, as the reference
/// returns it.
public struct StyleGAN3Synthesis: Sendable {
  /// Where the time of one synthesis went.
  public struct Timings: Sendable, Equatable {
    /// Modulated convolutions, including the weight modulation.
    public var convolution: Duration = .zero
    /// Filtered leaky ReLUs.
    public var filteredLeakyReLU: Duration = .zero
    /// Everything else: the Fourier features, the output scaling.
    public var other: Duration = .zero

    /// Creates zero timings.
    public init() {}

    /// The sum of the parts.
    public var total: Duration { convolution + filteredLeakyReLU + other }
  }

  /// The layer plan.
  public let architecture: StyleGAN3Architecture
  var input: StyleGAN3Input
  var layers: [StyleGAN3Layer]

  /// Builds the network from a checkpoint's tensors, checking each one.
  ///
  /// - Throws: ``StyleGANError/missingTensor(name:)``,
  ///   ``StyleGANError/tensorShape(name:actual:expected:)`` and
  ///   ``StyleGANError/unknownFilterLayout(name:shape:expected:)`` naming the
  ///   tensor, and the errors of ``StyleGAN3Settings/init(config:)`` and
  ///   ``StyleGAN3Architecture/init(settings:)``.
  public init(checkpoint: Checkpoint) throws {
    let architecture = try StyleGAN3Architecture(
      settings: StyleGAN3Settings(config: checkpoint.config))
    try self.init(architecture: architecture, tensors: checkpoint.tensors)
  }

  /// Builds the network for a layer plan from tensors under their official
  /// state-dict names (`synthesis.input.freqs`, `synthesis.L0_36_512.weight`, …).
  public init(architecture: StyleGAN3Architecture, tensors: [String: Tensor]) throws {
    self.architecture = architecture
    let settings = architecture.settings
    let wDim = settings.wDim

    func tensor(_ name: String, _ shape: [Int]) throws -> [Float] {
      guard let found = tensors[name] else { throw StyleGANError.missingTensor(name: name) }
      guard found.shape == shape else {
        throw StyleGANError.tensorShape(name: name, actual: found.shape, expected: shape)
      }
      return found.scalars
    }
    let affineGain = 1 / Float(wDim).squareRoot()

    let plan = architecture.input
    let channels = plan.channels
    input = StyleGAN3Input(
      plan: plan,
      affineWeight: try tensor("synthesis.input.affine.weight", [4, wDim]).map { $0 * affineGain },
      affineBias: try tensor("synthesis.input.affine.bias", [4]),
      transform: try tensor("synthesis.input.transform", [3, 3]).map(Double.init),
      freqs: try tensor("synthesis.input.freqs", [channels, 2]),
      phases: try tensor("synthesis.input.phases", [channels]),
      mixing: try tensor("synthesis.input.weight", [channels, channels]).map {
        $0 / Float(channels).squareRoot()
      })

    layers = []
    for layer in architecture.layers {
      let prefix = "synthesis.\(layer.name)."
      let k = layer.convKernel
      let magnitude = try tensor(prefix + "magnitude_ema", [])[0]
      let activation = FilteredLeakyReLU(
        upFilter: try Self.upFilter(tensors, prefix + "up_filter", taps: layer.upTaps),
        downFilter: try Self.downFilter(tensors, prefix + "down_filter", taps: layer.downTaps),
        up: layer.upFactor, down: layer.downFactor, padding: layer.padding,
        gain: layer.isToRGB ? 1 : Float(2).squareRoot(), slope: layer.isToRGB ? 1 : 0.2,
        clamp: settings.convClamp)
      layers.append(
        StyleGAN3Layer(
          plan: layer,
          affineWeight: try tensor(prefix + "affine.weight", [layer.inChannels, wDim]).map {
            $0 * affineGain
          },
          affineBias: try tensor(prefix + "affine.bias", [layer.inChannels]),
          weight: try tensor(prefix + "weight", [layer.outChannels, layer.inChannels, k, k]),
          bias: try tensor(prefix + "bias", [layer.outChannels]),
          inputGain: 1 / magnitude.squareRoot(),
          activation: activation))
    }
  }

  /// The stored 1-D up-sampling filter, or `nil` when the layer has none.
  private static func upFilter(
    _ tensors: [String: Tensor], _ name: String, taps: Int
  ) throws -> [Float]? {
    guard let found = tensors[name] else {
      if taps == 1 { return nil }
      throw StyleGANError.missingTensor(name: name)
    }
    guard found.shape == [taps] else {
      throw StyleGANError.unknownFilterLayout(
        name: name, shape: found.shape, expected: "[\(taps)] (a 1-D filter)")
    }
    return found.scalars
  }

  /// The stored down-sampling filter, 1-D separable or 2-D radial, or `nil`
  /// when the layer has none.
  private static func downFilter(
    _ tensors: [String: Tensor], _ name: String, taps: Int
  ) throws -> FilteredLeakyReLU.DownFilter? {
    guard let found = tensors[name] else {
      if taps == 1 { return nil }
      throw StyleGANError.missingTensor(name: name)
    }
    if found.shape == [taps] { return .separable(found.scalars) }
    if found.shape == [taps, taps] { return .radial(found.scalars, taps: taps) }
    throw StyleGANError.unknownFilterLayout(
      name: name, shape: found.shape,
      expected: "[\(taps)] (separable) or [\(taps), \(taps)] (radial)")
  }

  /// Synthesises images from `ws`, `[batch, numWs, w_dim]`.
  ///
  /// - Parameter transform: the input transform; `nil` keeps the checkpoint's
  ///   stored `transform` buffer (usually the identity).
  /// - Returns: `[batch, imageChannels, resolution, resolution]`.
  public func callAsFunction(ws: Tensor, transform: InputTransform? = nil) throws -> Tensor {
    var timings = Timings()
    return try synthesize(ws: ws, transform: transform, timings: &timings)
  }

  /// Synthesises images from `ws` like ``callAsFunction(ws:transform:)``,
  /// adding the time spent in each kind of work to `timings`.
  public func synthesize(
    ws: Tensor, transform: InputTransform?, timings: inout Timings
  ) throws -> Tensor {
    let settings = architecture.settings
    let numWs = architecture.numWs
    guard ws.shape.count == 3, ws.shape[1] == numWs, ws.shape[2] == settings.wDim else {
      throw StyleGANError.latentShape(
        what: "ws", actual: ws.shape, expected: "[N, \(numWs), \(settings.wDim)]")
    }
    let batch = ws.shape[0]
    let resolution = settings.resolution
    let imagePixels = settings.imageChannels * resolution * resolution
    let clock = ContinuousClock()
    var images = [Float]()
    images.reserveCapacity(batch * imagePixels)
    let userTransform = transform?.matrix

    try ws.scalars.withUnsafeBufferPointer { all in
      for sample in 0..<batch {
        func w(_ index: Int) -> UnsafeBufferPointer<Float> {
          let start = all.baseAddress! + (sample * numWs + index) * settings.wDim
          return UnsafeBufferPointer(start: start, count: settings.wDim)
        }
        var start = clock.now
        var x = input.features(w: w(0), userTransform: userTransform)
        var size = architecture.input.size
        timings.other += clock.now - start

        for (index, layer) in layers.enumerated() {
          let plan = layer.plan
          start = clock.now
          let weight = layer.modulatedWeight(w: w(index + 1))
          let convolved = StyleGAN3Convolution.full(
            x, channels: plan.inChannels, height: size, width: size, weight: weight,
            outChannels: plan.outChannels, kernel: plan.convKernel)
          let middle = clock.now
          timings.convolution += middle - start

          let convolvedSize = size + plan.convKernel - 1
          let outSize = layer.activation.outputSize(height: convolvedSize, width: convolvedSize)
          guard outSize.height == plan.outSize, outSize.width == plan.outSize else {
            throw StyleGANError.invalidStyleGAN3Architecture(
              "layer \(plan.name) would produce \(outSize.height) × \(outSize.width) "
                + "samples instead of \(plan.outSize) × \(plan.outSize)")
          }
          x = layer.activation(
            convolved, channels: plan.outChannels, height: convolvedSize,
            width: convolvedSize, bias: layer.bias)
          size = plan.outSize
          timings.filteredLeakyReLU += clock.now - middle
        }

        start = clock.now
        let scale = Float(settings.outputScale)
        images.append(contentsOf: x.map { $0 * scale })
        timings.other += clock.now - start
      }
    }
    return Tensor(
      shape: [batch, settings.imageChannels, resolution, resolution], scalars: images)
  }
}
