/// A source of pixels for a layer: a generative model, a simulation, a decoder.
///
/// The runtime asks for the image once per render, then places it like an
/// image file (fit, anchor, target rectangle, resampling filter) and
/// composites it like any other layer. Conform a type and add it with
/// ``Layer/raster(_:fit:anchor:in:filter:name:blend:opacity:)``.
public protocol RasterProvider {
  /// The layer's default name.
  var name: String { get }
  /// Key–value pairs recorded in exported files (model, seed, psi, …).
  var metadata: [String: String] { get }
  /// Produces the pixels.
  ///
  /// - Parameter request: The size the pixels will cover on the poster;
  ///   a provider may use it to pick a resolution, or ignore it.
  func makeImage(for request: RasterRequest) throws -> RasterImage
}

extension RasterProvider {
  /// "Raster".
  public var name: String { "Raster" }
  /// No metadata.
  public var metadata: [String: String] { [:] }
}

/// What the runtime knows about where a provider's pixels will go.
public struct RasterRequest: Sendable, Equatable {
  /// The target rectangle in sketch units.
  public var rect: Rect
  /// The rectangle's size in output pixels at the render's DPI.
  public var pixelWidth: Int
  /// The rectangle's size in output pixels at the render's DPI.
  public var pixelHeight: Int
  /// The render's DPI.
  public var dpi: Double
}

/// A provider that returns a fixed image.
public struct FixedRaster: RasterProvider {
  /// The image returned on every request.
  public var image: RasterImage
  /// The layer's default name.
  public var name: String

  /// Wraps `image`.
  public init(_ image: RasterImage, name: String = "Raster") {
    self.image = image
    self.name = name
  }

  /// Returns ``image``.
  public func makeImage(for request: RasterRequest) throws -> RasterImage { image }
}
