import StyleGAN

/// Layers whose pixels a StyleGAN model generates.
///
///     poster.add(.generated(seed: 85, psi: 0.7))                 // the default model, cover
///     poster.add(.generated(model: .file("models/sea.pkl"), seed: 3, in: band,
///                           fit: .contain, anchor: .bottom))
///     poster.add(.generated(between: (3, 17), t: 0.4, psi: 0.7))  // lerp in W
///     poster.add(.drawing { … }.masked(by: .generated(seed: 3), .luminance))
///
/// The image is generated once per model, latent and truncation (cached in
/// memory and on disk), then placed like an image: fit, anchor and target
/// rectangle in sketch units, enlarged with anti-ringing Lanczos-3 (or
/// `filter: .nearest` for visible pixels). It blends, fades, masks and takes
/// effects like any layer, and can itself be another layer's mask.
extension Layer {
  /// A layer generated from `latent` (a seed, an explicit z or w, or a point
  /// between two of them).
  ///
  /// - Parameters:
  ///   - model: `.default` (the bundled horizons model) or `.file(path)`,
  ///     relative to the sketch's folder.
  ///   - psi: Truncation psi; 1 is none, smaller is closer to the average image.
  ///   - cutoff: Truncate only the first `cutoff` ws.
  ///   - classIndex: The class of a conditional model.
  ///   - noiseMode: `.const` (as the official scripts), `.random` or `.none`.
  ///   - noiseSeed: Seeds `.random` noise.
  ///   - mix: Style mixing: the ws from `crossover` on come from another seed.
  ///   - translate: Moves a StyleGAN3 model's picture (its input), in units of
  ///     about one image; StyleGAN2 models ignore it.
  ///   - rotate: Turns a StyleGAN3 model's picture by this many degrees.
  ///   - frame: When given, the image is fitted (`fit`, `anchor`) to this
  ///     rectangle and the layer shows only the part inside `rect`: slices,
  ///     strips and tiles of one image, each moved on its own.
  ///   - rect: The target rectangle in sketch units; `nil` is the bleed box.
  ///   - mirrored: Shows the image upside down, as a reflection in water.
  ///   - file: The sketch file, captured for error messages; leave it out.
  ///   - line: The sketch line, captured for error messages; leave it out.
  public static func generated(
    model: GeneratedModel = .default, latent: GeneratedLatent, psi: Double = 1,
    cutoff: Int? = nil, classIndex: Int? = nil, noiseMode: NoiseMode = .const,
    noiseSeed: Int = 0, mix: (seed: Int, crossover: Int)? = nil,
    translate: (x: Double, y: Double)? = nil, rotate: Double? = nil, fit: Fit = .cover,
    anchor: Anchor = .center, frame: Rect? = nil, in rect: Rect? = nil,
    mirrored: Bool = false, filter: ResamplingFilter = .lanczos, name: String? = nil,
    blend: BlendMode = .normal, opacity: Double = 1,
    file: String = #filePath, line: Int = #line
  ) -> Layer {
    var image = GeneratedImage(
      model: model, latent: latent, psi: psi, cutoff: cutoff, classIndex: classIndex,
      noiseMode: noiseMode, noiseSeed: noiseSeed,
      mix: mix.map { StyleMix(seed: $0.seed, crossover: $0.crossover) }, name: name,
      location: SourceLocation(file: file, line: line))
    image.requestedRect = rect
    if translate != nil || rotate != nil {
      image.transform = InputTransform(
        translateX: translate?.x ?? 0, translateY: translate?.y ?? 0,
        rotateDegrees: rotate ?? 0)
    }
    image.mirrored = mirrored
    // An empty rectangle is reported by the image itself, with the sketch line.
    let placed = rect.flatMap { $0.isEmpty ? nil : $0 }
    if let frame {
      // The image arrives cut to the rectangle at the poster's pixels.
      image.frame = frame
      image.frameFit = fit
      image.frameAnchor = anchor
      image.frameFilter = filter
      return .raster(
        image, fit: .stretch, anchor: .center, in: placed, filter: .smooth, name: image.name,
        blend: blend, opacity: opacity)
    }
    return .raster(
      image, fit: fit, anchor: anchor, in: placed, filter: filter, name: image.name,
      blend: blend, opacity: opacity)
  }

  /// A layer generated from a seed: the image the official `generate.py`
  /// renders for it.
  public static func generated(
    model: GeneratedModel = .default, seed: Int, psi: Double = 1, cutoff: Int? = nil,
    classIndex: Int? = nil, noiseMode: NoiseMode = .const, noiseSeed: Int = 0,
    mix: (seed: Int, crossover: Int)? = nil, translate: (x: Double, y: Double)? = nil,
    rotate: Double? = nil, fit: Fit = .cover, anchor: Anchor = .center,
    frame: Rect? = nil, in rect: Rect? = nil, mirrored: Bool = false,
    filter: ResamplingFilter = .lanczos, name: String? = nil, blend: BlendMode = .normal,
    opacity: Double = 1, file: String = #filePath, line: Int = #line
  ) -> Layer {
    .generated(
      model: model, latent: .seed(seed), psi: psi, cutoff: cutoff, classIndex: classIndex,
      noiseMode: noiseMode, noiseSeed: noiseSeed, mix: mix, translate: translate,
      rotate: rotate, fit: fit, anchor: anchor, frame: frame, in: rect, mirrored: mirrored,
      filter: filter, name: name, blend: blend,
      opacity: opacity, file: file, line: line)
  }

  /// A layer generated at `t` between two seeds: lerp of their ws in W
  /// (`space: .w`, the default) or slerp of their z in Z (`space: .z`).
  public static func generated(
    model: GeneratedModel = .default, between seeds: (Int, Int), t: Double,
    space: LatentSpace = .w, psi: Double = 1, cutoff: Int? = nil, classIndex: Int? = nil,
    noiseMode: NoiseMode = .const, fit: Fit = .cover, anchor: Anchor = .center,
    frame: Rect? = nil, in rect: Rect? = nil, filter: ResamplingFilter = .lanczos,
    name: String? = nil, blend: BlendMode = .normal, opacity: Double = 1,
    file: String = #filePath, line: Int = #line
  ) -> Layer {
    .generated(
      model: model, latent: .between(.seed(seeds.0), .seed(seeds.1), t: t, in: space),
      psi: psi, cutoff: cutoff, classIndex: classIndex, noiseMode: noiseMode, fit: fit,
      anchor: anchor, frame: frame, in: rect, filter: filter, name: name, blend: blend,
      opacity: opacity,
      file: file, line: line)
  }
}
