import CCairo
import Foundation

/// Turns a sketch into files: resolves its settings, composes its poster,
/// composites the layers and exports PNG, PDF and SVG.
///
///     let result = try Renderer.render(
///       sketch: NotToday(), options: RenderOptions(sketchName: "NotToday",
///       formats: [.png, .pdf], outputDirectory: "out"))
///     for file in result.files { print(file.path, file.pixelWidth, file.pixelHeight) }
public enum Renderer {
  /// Resolves settings and seed, composes the poster and writes every requested file.
  ///
  /// Files are named `<sketchName>-seed<seed>.<ext>` (or ``RenderOptions/fileStem``)
  /// and written atomically; a failing export leaves earlier files as they were.
  public static func render(sketch: any Sketch, options: RenderOptions) throws -> RenderResult {
    let poster = try compose(sketch: sketch, options: options)
    return try render(poster, options: options)
  }

  /// Resolves the sketch's settings with the options' overrides and runs its `compose`.
  public static func compose(sketch: any Sketch, options: RenderOptions) throws -> Poster {
    let settings = try sketch.settings.applying(
      seed: options.seed, parameters: options.parameters)
    let seed = settings.seed ?? randomSeed()
    var poster = try Poster(
      settings: settings, seed: seed, dpi: options.dpi, sourcePath: options.sourcePath)
    options.progress?(RenderProgress(stage: .composing, fraction: 0))
    try sketch.compose(&poster)
    return poster
  }

  /// Writes the files for a composed poster.
  ///
  /// Fonts and image files are checked before anything is drawn, so a typo
  /// fails at once rather than after the expensive layers. The output
  /// folder is created only when the first file is about to be written, and
  /// removed again if the render then fails before any file is in place.
  public static func render(_ poster: Poster, options: RenderOptions) throws -> RenderResult {
    let folder = try OutputFolder(options.outputDirectory)
    do {
      let result = try render(poster, options: options, folder: folder)
      folder.finish()
      return result
    } catch {
      folder.removeIfUnused()
      throw error
    }
  }

  private static func render(_ poster: Poster, options: RenderOptions, folder: OutputFolder)
    throws -> RenderResult
  {
    var poster = poster
    if poster.sourcePath == nil { poster.sourcePath = options.sourcePath }
    let session = RenderSession(poster: poster)
    try session.validateInputs()
    let stem = options.fileStem ?? "\(options.sketchName)-seed\(poster.seed)"
    let metadata = fileMetadata(session, options)
    let formats = options.formats.isEmpty ? poster.settings.formats : options.formats
    let steps = Double(formats.count + (options.layers ? 1 : 0))
    var files: [ExportedFile] = []
    var warnings = session.warnings

    for (step, format) in formats.enumerated() {
      let path = (options.outputDirectory as NSString).appendingPathComponent(
        "\(stem).\(format.rawValue)")
      let count = poster.layers.count
      let report: (Int, Layer) -> Void = { index, layer in
        options.progress?(
          RenderProgress(
            stage: .layer(index: index, count: count, name: layer.name, format: format),
            fraction: (Double(step) + Double(index) / Double(max(count, 1))) / steps))
      }
      let writing: () -> Void = {
        options.progress?(
          RenderProgress(
            stage: .writing(path: path), fraction: (Double(step) + 0.9) / steps))
      }
      try export(
        session, format: format, to: path, metadata: metadata, folder: folder,
        progress: report, writing: writing)
      files.append(try describe(path, format: format, kind: .poster, geometry: poster.geometry))
      if format == .svg { warnings += svgWarnings(poster) }
    }

    if options.layers {
      try folder.prepare()
      files += try LayerSheet(session: session).write(
        stem: stem, folder: options.outputDirectory, metadata: metadata)
    }
    options.progress?(RenderProgress(stage: .done, fraction: 1))
    return RenderResult(
      seed: poster.seed, settings: poster.settings, geometry: poster.geometry, files: files,
      layerNames: poster.layers.map { $0.name }, inputFiles: session.inputFiles,
      warnings: warnings.map { $0.description })
  }

  /// A warning per layer whose blend mode SVG 1.1 cannot express: Cairo's
  /// SVG surface then draws it as a fallback image at the export DPI.
  static func svgWarnings(_ poster: Poster) -> [ObscuraWarning] {
    poster.layers.filter { $0.blendMode != .normal }.map { layer in
      .svgBlendModeAsImage(
        layer: layer.name, blendMode: layer.blendMode.rawValue, dpi: poster.geometry.dpi)
    }
  }

  /// The composited poster as straight RGBA pixels at the poster's DPI.
  public static func rasterize(_ poster: Poster) throws -> RasterImage {
    let session = RenderSession(poster: poster)
    let surface = try RasterCompositor(session: session, geometry: poster.geometry).composite()
    return try RasterImage(surface: surface, dpi: poster.dpi)
  }

  /// One layer alone (its content, effects, mask and opacity, normal blending)
  /// as straight RGBA on transparent.
  public static func rasterize(layer index: Int, of poster: Poster) throws -> RasterImage {
    let session = RenderSession(poster: poster)
    let surface = try RasterCompositor(session: session, geometry: poster.geometry)
      .renderAlone(poster.layers[index], key: "\(index)")
    return try RasterImage(surface: surface, dpi: poster.dpi)
  }

  /// A fresh seed for a sketch that declares none: 0 … 999 999, short enough
  /// to read in a file name.
  public static func randomSeed() -> UInt64 { UInt64.random(in: 0...999_999) }

  // MARK: Exporting

  static func export(
    _ session: RenderSession, format: ExportFormat, to path: String,
    metadata: [(String, String)], folder: OutputFolder? = nil,
    progress: @escaping (Int, Layer) -> Void = { _, _ in }, writing: () -> Void = {}
  ) throws {
    let geometry = session.poster.geometry
    switch format {
    case .png:
      let surface = try RasterCompositor(
        session: session, geometry: geometry, pool: SurfacePool()
      ).composite(progress: progress)
      writing()
      try folder?.prepare()
      try AtomicFile.write(to: path) { temporary in
        try PNGWriter().write(surface, to: temporary, dpi: geometry.dpi, metadata: metadata)
      }
    case .pdf, .svg:
      try folder?.prepare()
      try AtomicFile.write(to: path) { temporary in
        let surface =
          format == .pdf
          ? try CairoSurface.pdf(path: temporary, size: geometry.pageSizeInPoints)
          : try CairoSurface.svg(path: temporary, size: geometry.pageSizeInPoints)
        if format == .pdf { setPDFMetadata(surface, metadata) }
        if format == .svg {
          // SVG 1.1: browsers ignore SVG 1.2's comp-op, so Cairo draws blend
          // modes it cannot express as embedded fallback images instead.
          cairo_svg_surface_restrict_to_version(surface.pointer, CAIRO_SVG_VERSION_1_1)
        }
        try VectorCompositor(session: session, geometry: geometry)
          .draw(on: surface, progress: progress)
        try surface.finish()
      }
    }
  }

  /// Title, creator, subject and keywords of a PDF (`cairo_pdf_surface_set_metadata`).
  private static func setPDFMetadata(_ surface: CairoSurface, _ metadata: [(String, String)]) {
    let values = Dictionary(metadata, uniquingKeysWith: { first, _ in first })
    cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, values["Title"] ?? "")
    cairo_pdf_surface_set_metadata(
      surface.pointer, CAIRO_PDF_METADATA_CREATOR, values["Software"] ?? "")
    let subject = metadata.filter { $0.0 != "Title" && $0.0 != "Software" }
      .map { "\($0.0): \($0.1)" }.joined(separator: "; ")
    cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_SUBJECT, subject)
    cairo_pdf_surface_set_metadata(
      surface.pointer, CAIRO_PDF_METADATA_KEYWORDS, "Obscura, seed \(values["Seed"] ?? "")")
  }

  /// The key–value pairs every exported file records.
  static func fileMetadata(_ session: RenderSession, _ options: RenderOptions)
    -> [(String, String)]
  {
    let poster = session.poster
    let settings = poster.settings
    var entries: [(String, String)] = [
      ("Title", options.sketchName),
      ("Software", "Obscura \(obscuraVersion)"),
      ("Sketch", options.sketchName),
      ("Seed", String(poster.seed)),
      (
        "Parameters",
        settings.parameters.map { "\($0.name)=\($0.value)" }
          .joined(separator: ", ")
      ),
      (
        "Paper",
        "\(settings.paper.name) \(settings.orientation.rawValue), "
          + "bleed \(plain(settings.bleed)) \(settings.unit.rawValue), \(plain(poster.dpi)) dpi"
      ),
      ("Obscura Version", obscuraVersion),
    ]
    if let source = options.sourcePath { entries.append(("Source", source)) }
    entries += poster.metadata.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    entries += session.providerMetadata
    return entries
  }

  /// Describes a written file: its pixel or page size and byte count.
  static func describe(
    _ path: String, format: ExportFormat, kind: ExportedFile.Kind, geometry: PageGeometry
  ) throws -> ExportedFile {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let bytes = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    let isPNG = format == .png
    return ExportedFile(
      path: path, format: format, kind: kind, pixelWidth: isPNG ? geometry.pixelWidth : 0,
      pixelHeight: isPNG ? geometry.pixelHeight : 0, pageSize: geometry.pageSizeInPoints,
      byteCount: bytes)
  }
}

/// `3.0` as `3`, `2.5` as `2.5`.
private func plain(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
