import CCairo
import Foundation

/// One render's shared state: the composed poster and the pixels loaded or
/// generated for it, so every output (PNG, PDF, SVG, layer sheet) uses the
/// same images and each provider runs once.
final class RenderSession {
  /// The composed poster.
  let poster: Poster
  private var files: [String: RasterImage] = [:]
  private var rasters: [String: RasterImage] = [:]

  /// Creates a session for `poster`.
  init(poster: Poster) { self.poster = poster }

  /// A seed for the layer at `key`, derived from the poster's seed (FNV-1a of
  /// the key mixed with the seed), the same in every output.
  func seed(for key: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ poster.seed
    for byte in key.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01B3
    }
    return hash
  }

  /// Draws `layer`'s content on `context`, whose user space is the sketch's units.
  func drawContent(_ layer: Layer, key: String, on context: CairoContext, geometry: PageGeometry)
    throws
  {
    let cr = context.pointer
    cairo_save(cr)
    defer { cairo_restore(cr) }
    switch layer.content {
    case .drawing(let body):
      let canvas = Canvas(
        context: context, geometry: geometry, seed: seed(for: key), noiseSeed: poster.seed)
      do {
        try body(canvas)
      } catch let error as ObscuraError {
        throw error
      } catch {
        throw ObscuraError.drawingFailed(layer: layer.name, reason: "\(error)")
      }
    case .text(let block):
      let canvas = Canvas(
        context: context, geometry: geometry, seed: seed(for: key), noiseSeed: poster.seed)
      try located(layer) { try canvas.draw(block) }
    case .image(let path, let placement):
      let image = try located(layer) { try loadImage(path) }
      try ImagePlacer(geometry: geometry).draw(
        image, placement, layerName: layer.name, on: context)
    case .raster(let provider, let placement):
      let rect = placement.rect ?? geometry.bleedBox
      guard !rect.isEmpty else { throw ObscuraError.emptyTargetRect(layer: layer.name) }
      let image = try rasterImage(provider, key: key, layerName: layer.name, rect: rect)
      try ImagePlacer(geometry: geometry).draw(
        image, placement, layerName: layer.name, on: context)
    }
    try context.check("drawing layer '\(layer.name)'")
  }

  /// The image files read so far, in order (for `watch` to follow).
  private(set) var inputFiles: [String] = []

  /// What the inputs' check noticed without failing (a substituted font face).
  private(set) var warnings: [ObscuraWarning] = []

  /// Checks every font family and image file the layers (and their masks)
  /// name, and records a warning for each text layer whose font weight or
  /// style the family lacks.
  func validateInputs() throws {
    func check(_ layer: Layer) throws {
      try located(layer) { try checkInputs(of: layer) }
      if let mask = layer.mask { try check(mask.source) }
    }
    for layer in poster.layers { try check(layer) }
  }

  /// `body`'s font or image error prefixed with the sketch line and name of
  /// `layer` (when the layer knows its line).
  private func located<T>(_ layer: Layer, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as ObscuraError {
      guard let location = layer.location else { throw error }
      switch error {
      case .unknownFont, .imageNotFound, .imageUnreadable:
        throw ObscuraError.inLayer(layer: layer.name, location: location, error: error)
      default: throw error
      }
    }
  }

  /// Checks the font or image file of `layer` itself (not its mask's).
  ///
  /// FIXME: text a drawing closure sets with `ctx.draw(TextBlock)` is only
  /// known once the closure runs, so its font is neither checked here nor
  /// warned about when fontconfig substitutes a face.
  private func checkInputs(of layer: Layer) throws {
    switch layer.content {
    case .text(let block):
      let family = try Fonts.resolve(family: block.font.family)
      if let used = try FontLibrary.shared().matchedFace(for: block.font),
        !used.matches(block.font)
      {
        warnings.append(
          .fontFaceSubstituted(
            layer: layer.name, requested: block.font.faceName,
            used: used.name(family: family)))
      }
    case .image(let path, _):
      let resolved = poster.resolve(path)
      guard FileManager.default.fileExists(atPath: resolved) else {
        throw ObscuraError.imageNotFound(path: path, resolved: resolved == path ? nil : resolved)
      }
    case .drawing, .raster: break
    }
  }

  /// The PNG at `path` (resolved against the sketch's folder), read once per session.
  func loadImage(_ relativePath: String) throws -> RasterImage {
    let path = poster.resolve(relativePath)
    if let image = files[path] { return image }
    guard FileManager.default.fileExists(atPath: path) else {
      throw ObscuraError.imageNotFound(
        path: relativePath, resolved: path == relativePath ? nil : path)
    }
    inputFiles.append(path)
    let image = try PNGReader.read(path)
    files[path] = image
    return image
  }

  /// The provider's image for the layer at `key`, asked for once per session.
  private func rasterImage(
    _ provider: any RasterProvider, key: String, layerName: String, rect: Rect
  ) throws -> RasterImage {
    if let image = rasters[key] { return image }
    let geometry = poster.geometry
    let request = RasterRequest(
      rect: rect, pixelWidth: Int((rect.width * geometry.pixelsPerUnit).rounded()),
      pixelHeight: Int((rect.height * geometry.pixelsPerUnit).rounded()), dpi: geometry.dpi)
    let image: RasterImage
    do {
      image = try provider.makeImage(for: request)
    } catch let error as ObscuraError {
      throw error
    } catch {
      throw ObscuraError.rasterProviderFailed(layer: layerName, reason: "\(error)")
    }
    rasters[key] = image
    return image
  }

  /// Metadata from the poster and every raster provider, for exported files.
  var providerMetadata: [(String, String)] {
    var entries: [(String, String)] = []
    for (index, layer) in poster.layers.enumerated() {
      if case .raster(let provider, _) = layer.content {
        for (key, value) in provider.metadata.sorted(by: { $0.key < $1.key }) {
          entries.append(("Layer \(index + 1) \(key)", value))
        }
      }
    }
    return entries
  }
}
