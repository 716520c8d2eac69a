/// One layer of a poster: content plus how it is composited.
///
/// Layers are stacked bottom first. Build them with the factories and chain
/// the modifiers:
///
///     poster.add(.image("sky.png", fit: .cover))
///     poster.add(.drawing("Grid") { ctx in … }.blend(.multiply).opacity(0.8))
///     poster.add(.title("Not today", font: Font("Bebas Neue"), size: 120,
///                       at: .bottomLeft, margin: 15))
public struct Layer {
  /// The name shown on the layer comparison sheet and in per-layer files.
  public var name: String
  /// What the layer shows.
  public var content: LayerContent
  /// How the layer combines with the layers below.
  public var blendMode: BlendMode
  /// The layer's opacity, 0…1.
  public var opacity: Double
  /// Where the layer shows, from another layer's alpha or luminance.
  public var mask: Mask?
  /// Raster effects applied to the layer's pixels, in order.
  public var effects: [Effect]
  /// The sketch line that built the layer, named by errors about its font or
  /// image file; `nil` when unknown.
  public var location: SourceLocation?

  /// Creates a layer.
  public init(
    name: String, content: LayerContent, blendMode: BlendMode = .normal, opacity: Double = 1,
    mask: Mask? = nil, effects: [Effect] = [], location: SourceLocation? = nil
  ) {
    self.name = name
    self.content = content
    self.blendMode = blendMode
    self.opacity = opacity
    self.mask = mask
    self.effects = effects
    self.location = location
  }

  // MARK: Factories

  /// A layer drawn by code. The closure runs once per output (PNG, PDF, SVG).
  public static func drawing(
    _ name: String = "Drawing", blend: BlendMode = .normal, opacity: Double = 1,
    _ body: @escaping (Canvas) throws -> Void
  ) -> Layer {
    Layer(name: name, content: .drawing(body), blendMode: blend, opacity: opacity)
  }

  /// A layer filled with one paint (a background colour, a gradient) over the bleed box.
  public static func fill(
    _ paint: Paint, name: String = "Fill", blend: BlendMode = .normal, opacity: Double = 1
  ) -> Layer {
    .drawing(name, blend: blend, opacity: opacity) { ctx in ctx.fill(ctx.bleedBox, paint) }
  }

  /// A layer showing a PNG file placed with a fit mode.
  ///
  /// - Parameters:
  ///   - path: The PNG file; a relative path resolves against the sketch's folder
  ///     (``Poster/sourcePath``), else against the working directory.
  ///   - rect: The target rectangle in sketch units; `nil` is the bleed box.
  ///   - file: The sketch file, captured for error messages; leave it out.
  ///   - line: The sketch line, captured for error messages; leave it out.
  public static func image(
    _ path: String, fit: Fit = .cover, anchor: Anchor = .center, in rect: Rect? = nil,
    filter: ResamplingFilter = .smooth, name: String? = nil, blend: BlendMode = .normal,
    opacity: Double = 1, file: String = #filePath, line: Int = #line
  ) -> Layer {
    let placement = Placement(fit: fit, anchor: anchor, rect: rect, filter: filter)
    let fileName = path.split(separator: "/").last.map(String.init) ?? path
    return Layer(
      name: name ?? fileName, content: .image(path: path, placement), blendMode: blend,
      opacity: opacity, location: SourceLocation(file: file, line: line))
  }

  /// A layer whose pixels come from a ``RasterProvider`` (a generator, a
  /// simulation, a decoded file), placed like an image.
  public static func raster(
    _ provider: any RasterProvider, fit: Fit = .cover, anchor: Anchor = .center,
    in rect: Rect? = nil, filter: ResamplingFilter = .lanczos, name: String? = nil,
    blend: BlendMode = .normal, opacity: Double = 1
  ) -> Layer {
    let placement = Placement(fit: fit, anchor: anchor, rect: rect, filter: filter)
    return Layer(
      name: name ?? provider.name, content: .raster(provider, placement), blendMode: blend,
      opacity: opacity)
  }

  /// A layer of text.
  ///
  /// `file` and `line` capture the sketch line for error messages; leave them out.
  public static func text(
    _ block: TextBlock, name: String? = nil, blend: BlendMode = .normal, opacity: Double = 1,
    file: String = #filePath, line: Int = #line
  ) -> Layer {
    Layer(
      name: name ?? "Text “\(Layer.snippet(block.text))”", content: .text(block),
      blendMode: blend, opacity: opacity, location: SourceLocation(file: file, line: line))
  }

  /// A title placed at an anchor of the trim box, `margin` sketch units in from its edges.
  ///
  /// With `alignsToInk` the letters themselves touch the margin; otherwise
  /// the line boxes do (which leaves the descender space below the last line).
  /// `file` and `line` capture the sketch line for error messages; leave them out.
  public static func title(
    _ text: String, font: Font = Font("Inter", weight: .bold), size: Double = 72,
    color: Color = .black, at anchor: Anchor = .bottomLeft, margin: Double = 0,
    tracking: Double = 0, leading: Double = 1, alignment: TextAlignment? = nil,
    alignsToInk: Bool = false,
    name: String? = nil, blend: BlendMode = .normal, opacity: Double = 1,
    file: String = #filePath, line: Int = #line
  ) -> Layer {
    let block = TextBlock(
      text, font: font, size: size, color: color, tracking: tracking, leading: leading,
      alignment: alignment ?? TextAlignment(anchor), placement: .page(anchor, margin: margin),
      alignsToInk: alignsToInk)
    return .text(
      block, name: name ?? "Title “\(Layer.snippet(text))”", blend: blend,
      opacity: opacity, file: file, line: line)
  }

  // MARK: Modifiers

  /// The layer with another name.
  public func named(_ name: String) -> Layer { with { $0.name = name } }
  /// The layer with another blend mode.
  public func blend(_ mode: BlendMode) -> Layer { with { $0.blendMode = mode } }
  /// The layer with another opacity.
  public func opacity(_ opacity: Double) -> Layer { with { $0.opacity = opacity } }
  /// The layer shown only where `source` is opaque (`.alpha`) or bright (`.luminance`).
  public func masked(by source: Layer, _ mode: MaskMode = .alpha, inverted: Bool = false)
    -> Layer
  {
    with { $0.mask = Mask(source, mode: mode, inverted: inverted) }
  }
  /// The layer with a Gaussian blur of standard deviation `radius` sketch units added.
  public func blurred(radius: Double) -> Layer { with { $0.effects.append(.blur(radius: radius)) } }
  /// The layer with film grain added.
  public func grain(_ grain: Grain = Grain()) -> Layer { with { $0.effects.append(.grain(grain)) } }
  /// The layer with a colour grade added.
  public func graded(_ grade: ColorGrade) -> Layer { with { $0.effects.append(.grade(grade)) } }

  /// The first 24 characters of `text` on one line, for default layer names.
  static func snippet(_ text: String) -> String {
    String(text.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(24))
  }

  private func with(_ change: (inout Layer) -> Void) -> Layer {
    var copy = self
    change(&copy)
    return copy
  }
}

/// What a layer shows.
public enum LayerContent {
  /// Drawn by code on a ``Canvas``.
  case drawing((Canvas) throws -> Void)
  /// A PNG file, placed.
  case image(path: String, Placement)
  /// Pixels from a provider, placed.
  case raster(any RasterProvider, Placement)
  /// Laid-out text.
  case text(TextBlock)
}
