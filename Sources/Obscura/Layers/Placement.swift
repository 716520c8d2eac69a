/// How an image or raster is placed in its target rectangle.
public struct Placement: Sendable, Equatable {
  /// How the image is scaled to the rectangle.
  public var fit: Fit
  /// Where the scaled image sits when it does not fill the rectangle exactly.
  public var anchor: Anchor
  /// The target rectangle in sketch units; `nil` is the bleed box.
  public var rect: Rect?
  /// The resampling filter used when scaling.
  public var filter: ResamplingFilter

  /// Creates a placement.
  public init(
    fit: Fit = .cover, anchor: Anchor = .center, rect: Rect? = nil,
    filter: ResamplingFilter = .smooth
  ) {
    self.fit = fit
    self.anchor = anchor
    self.rect = rect
    self.filter = filter
  }
}

/// How an image is scaled into a rectangle.
public enum Fit: String, Sendable, CaseIterable {
  /// Scaled uniformly to cover the whole rectangle; the overflow is cropped.
  case cover
  /// Scaled uniformly to fit inside the rectangle; the rest stays empty.
  case contain
  /// Scaled separately in x and y to fill the rectangle exactly.
  case stretch
  /// Repeated at its natural size (its pHYs resolution, else 72 dpi) from the anchor.
  case tile

  /// Parses a fit name, e.g. from a parameter.
  public init(named text: String) throws {
    guard let fit = Fit(rawValue: text.lowercased()) else {
      throw ObscuraError.unknownChoice(
        kind: "fit mode", name: text, valid: Fit.allCases.map { $0.rawValue })
    }
    self = fit
  }
}

/// The filter used to resample an image to the poster's pixels.
public enum ResamplingFilter: String, Sendable, CaseIterable {
  /// Nearest neighbour: hard pixel edges, for an intentionally pixelated look.
  case nearest
  /// Cairo's bilinear/box filtering (`CAIRO_FILTER_GOOD`).
  case smooth
  /// Lanczos-3 windowed sinc, clamped to the source's local range so flat areas
  /// get no ringing halos; best for enlarging small images.
  case lanczos
}
