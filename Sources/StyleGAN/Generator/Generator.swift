/// A StyleGAN generator ready to run: `z` (and a class label) → ws → image,
/// computing the function of the official implementation in float32.
///
/// ```swift
/// let generator = try Generator(checkpoint)
/// let image = try generator.generate(seed: 85, truncationPsi: 0.7)
/// ```
///
/// Images are `[N, C, H, W]` with values around −1…1 (see ``RGBImage`` for
/// the 8-bit conversion). Batches run one sample after another, each with
/// the modulation folded into the convolution weights.
public final class Generator: Sendable {
  /// The configuration the generator was built from.
  public let config: GeneratorConfig
  let mappingNetwork: MappingNetwork
  let synthesisNetwork: Synthesis

  /// The synthesis network of the checkpoint's family.
  enum Synthesis: Sendable {
    case styleGAN2(SynthesisNetwork)
    case styleGAN3(StyleGAN3Synthesis)

    var numWs: Int {
      switch self {
      case .styleGAN2(let network): return network.numWs
      case .styleGAN3(let network): return network.architecture.numWs
      }
    }
  }

  /// Builds the generator from a loaded checkpoint.
  ///
  /// - Throws: ``StyleGANError`` naming a missing or misshapen tensor, an
  ///   unsupported architecture or family.
  public init(_ checkpoint: Checkpoint) throws {
    let config = checkpoint.config
    let lookup = TensorLookup(tensors: checkpoint.tensors)
    self.config = config
    mappingNetwork = try MappingNetwork(lookup, config: config)
    switch config.family {
    case .styleGAN2:
      synthesisNetwork = .styleGAN2(try SynthesisNetwork(lookup, config: config))
    case .styleGAN3T, .styleGAN3R:
      synthesisNetwork = .styleGAN3(try StyleGAN3Synthesis(checkpoint: checkpoint))
    }
    guard synthesisNetwork.numWs == config.numWs else {
      throw StyleGANError.latentShape(
        what: "the configuration's num_ws", actual: [config.numWs],
        expected: "\(synthesisNetwork.numWs) for these blocks")
    }
  }

  /// The number of classes of a conditional model; 0 when unconditional.
  public var classCount: Int { config.cDim }

  /// The latent `[1, z_dim]` that the official `generate.py` draws for
  /// `seed`: NumPy's `RandomState(seed).randn(1, z_dim)` in float32.
  public func z(seed: UInt32) -> Tensor {
    Self.z(seed: seed, zDim: config.zDim)
  }

  /// The latent `[1, zDim]` of `RandomState(seed).randn(1, zDim)`.
  public static func z(seed: UInt32, zDim: Int) -> Tensor {
    var state = NumPyRandomState(seed: seed)
    return Tensor(shape: [1, zDim], scalars: state.randn(zDim).map { Float($0) })
  }

  /// The one-hot label `[1, c_dim]` for a class index; `[1, 0]` for an
  /// unconditional model, which takes no class.
  ///
  /// - Throws: ``StyleGANError/missingClass(classes:)`` when a conditional
  ///   model gets no class, ``StyleGANError/classOutOfRange(index:classes:)``
  ///   for an index outside `0 ..< c_dim` or any class for an
  ///   unconditional model.
  public func label(classIndex: Int?) throws -> Tensor {
    let classes = config.cDim
    guard let classIndex else {
      if classes > 0 {
        throw StyleGANError.missingClass(classes: classes)
      }
      return Tensor(shape: [1, 0])
    }
    guard classIndex >= 0, classIndex < classes else {
      throw StyleGANError.classOutOfRange(index: classIndex, classes: classes)
    }
    var label = Tensor(shape: [1, classes])
    label.scalars[classIndex] = 1
    return label
  }

  /// Maps latents `z` (`[N, z_dim]`) and labels `c` (`[N, c_dim]`, needed
  /// for a conditional model) to ws `[N, num_ws, w_dim]`, with the
  /// truncation trick `w ← w_avg + psi · (w − w_avg)` on the first
  /// `truncationCutoff` ws (all when nil).
  public func mapping(
    z: Tensor, c: Tensor? = nil, truncationPsi: Float = 1, truncationCutoff: Int? = nil
  ) throws -> Tensor {
    guard truncationPsi.isFinite else {
      throw StyleGANError.invalidTruncationPsi("\(truncationPsi)")
    }
    if let cutoff = truncationCutoff, cutoff < 0 {
      throw StyleGANError.invalidTruncationCutoff(cutoff)
    }
    let (zDim, cDim) = (config.zDim, config.cDim)
    guard z.shape.count == 2, z.shape[1] == zDim else {
      throw StyleGANError.latentShape(what: "z", actual: z.shape, expected: "[N, \(zDim)]")
    }
    let batch = z.shape[0]
    if cDim > 0 {
      guard let c else {
        throw StyleGANError.missingClass(classes: cDim)
      }
      guard c.shape == [batch, cDim] else {
        throw StyleGANError.latentShape(
          what: "the label c", actual: c.shape, expected: "[\(batch), \(cDim)]")
      }
    }

    let (numWs, wDim) = (config.numWs, config.wDim)
    var ws = Tensor(shape: [batch, numWs, wDim])
    for n in 0..<batch {
      let latent = Array(z.scalars[n * zDim..<(n + 1) * zDim])
      let label = cDim > 0 ? Array(c!.scalars[n * cDim..<(n + 1) * cDim]) : nil
      let sample = mappingNetwork.apply(
        z: latent, c: label, truncationPsi: truncationPsi, truncationCutoff: truncationCutoff)
      ws.scalars.replaceSubrange(
        n * numWs * wDim..<(n + 1) * numWs * wDim, with: sample.joined())
    }
    return ws
  }

  /// Maps latents with a class index (one-hot label) for every sample.
  public func mapping(
    z: Tensor, classIndex: Int?, truncationPsi: Float = 1, truncationCutoff: Int? = nil
  ) throws -> Tensor {
    let one = try label(classIndex: classIndex)
    let batch = z.shape.first ?? 1
    let c = Tensor(
      shape: [batch, config.cDim],
      scalars: Array([[Float]](repeating: one.scalars, count: batch).joined()))
    return try mapping(
      z: z, c: config.cDim > 0 ? c : nil, truncationPsi: truncationPsi,
      truncationCutoff: truncationCutoff)
  }

  /// Synthesises images `[N, C, H, W]` from ws `[N, num_ws, w_dim]`.
  ///
  /// - Parameters:
  ///   - noiseMode: ``NoiseMode/const`` as the official scripts default to
  ///     (StyleGAN3 generators have no noise inputs and ignore it).
  ///   - noiseSeed: Seeds the Gaussian noise of ``NoiseMode/random``; sample
  ///     `n` of a batch uses `noiseSeed + n`.
  ///   - transform: The input transform of a StyleGAN3 generator; nil keeps
  ///     the stored one. StyleGAN2 generators ignore it.
  public func synthesis(
    ws: Tensor, noiseMode: NoiseMode = .const, noiseSeed: UInt32 = 0,
    transform: InputTransform? = nil
  ) throws -> Tensor {
    let (numWs, wDim) = (config.numWs, config.wDim)
    guard ws.shape.count == 3, ws.shape[1] == numWs, ws.shape[2] == wDim else {
      throw StyleGANError.latentShape(
        what: "ws", actual: ws.shape, expected: "[N, \(numWs), \(wDim)]")
    }
    let network: SynthesisNetwork
    switch synthesisNetwork {
    case .styleGAN2(let styleGAN2):
      network = styleGAN2
    case .styleGAN3(let styleGAN3):
      return try styleGAN3(ws: ws, transform: transform)
    }
    let batch = ws.shape[0]
    let (channels, size) = (config.channels, config.resolution)
    let imageCount = channels * size * size
    var images = Tensor(shape: [batch, channels, size, size])
    for n in 0..<batch {
      let sample = (0..<numWs).map { index in
        let start = (n * numWs + index) * wDim
        return Array(ws.scalars[start..<start + wDim])
      }
      let image = network.apply(
        ws: sample, noiseMode: noiseMode, noiseSeed: noiseSeed &+ UInt32(truncatingIfNeeded: n))
      images.scalars.replaceSubrange(n * imageCount..<(n + 1) * imageCount, with: image.scalars)
    }
    return images
  }

  /// The image `[1, C, H, W]` of a seed, as the official `generate.py`
  /// renders it.
  public func generate(
    seed: UInt32, classIndex: Int? = nil, truncationPsi: Float = 1,
    truncationCutoff: Int? = nil, noiseMode: NoiseMode = .const, noiseSeed: UInt32 = 0,
    transform: InputTransform? = nil
  ) throws -> Tensor {
    let ws = try mapping(
      z: z(seed: seed), classIndex: classIndex, truncationPsi: truncationPsi,
      truncationCutoff: truncationCutoff)
    return try synthesis(ws: ws, noiseMode: noiseMode, noiseSeed: noiseSeed, transform: transform)
  }
}
