/// What one render should do: overrides from the command line and where to write.
public struct RenderOptions {
  /// Replaces the sketch's seed.
  public var seed: UInt64?
  /// `--param name=value` overrides, applied in order.
  public var parameters: [(name: String, value: String)]
  /// Replaces the sketch's DPI for this render (a preview, say).
  public var dpi: Double?
  /// The files to write; empty writes the sketch's own `Settings.formats`.
  public var formats: [ExportFormat]
  /// The folder the files go to; created if missing.
  public var outputDirectory: String
  /// The sketch's name, used in file names and metadata (e.g. "NotToday").
  public var sketchName: String
  /// The sketch's source file, recorded in metadata.
  public var sourcePath: String?
  /// The file name without extension; `nil` is `<sketchName>-seed<seed>`.
  public var fileStem: String?
  /// Also write each layer alone and a sheet of all layers side by side.
  public var layers: Bool
  /// Called as the render advances (on the rendering thread).
  public var progress: ((RenderProgress) -> Void)?

  /// Creates options; only the sketch's name is needed.
  public init(
    sketchName: String, seed: UInt64? = nil, parameters: [(name: String, value: String)] = [],
    dpi: Double? = nil, formats: [ExportFormat] = [], outputDirectory: String = ".",
    sourcePath: String? = nil, fileStem: String? = nil, layers: Bool = false,
    progress: ((RenderProgress) -> Void)? = nil
  ) {
    self.sketchName = sketchName
    self.seed = seed
    self.parameters = parameters
    self.dpi = dpi
    self.formats = formats
    self.outputDirectory = outputDirectory
    self.sourcePath = sourcePath
    self.fileStem = fileStem
    self.layers = layers
    self.progress = progress
  }
}

/// How far a render has got.
public struct RenderProgress: Sendable, Equatable {
  /// What is happening.
  public enum Stage: Sendable, Equatable {
    /// The sketch's `compose` is running.
    case composing
    /// Layer `index` (0-based) of `count` is being rendered for `format`.
    case layer(index: Int, count: Int, name: String, format: ExportFormat)
    /// A file is being written.
    case writing(path: String)
    /// Everything is written.
    case done
  }

  /// The current stage.
  public var stage: Stage
  /// The overall fraction done, 0…1.
  public var fraction: Double
}

/// An output file format.
public enum ExportFormat: String, Sendable, CaseIterable {
  /// PNG through libpng, PDF and SVG through Cairo's vector surfaces.
  case png, pdf, svg

  /// Parses a format name (case-insensitive).
  ///
  /// - Throws: ``ObscuraError/unknownFormat(_:valid:)``.
  public init(named text: String) throws {
    guard let format = ExportFormat(rawValue: text.lowercased()) else {
      throw ObscuraError.unknownFormat(text, valid: ExportFormat.allCases.map { $0.rawValue })
    }
    self = format
  }

  /// Parses a comma-separated list such as `png,pdf`.
  public static func list(_ text: String) throws -> [ExportFormat] {
    try text.split(separator: ",").map { try ExportFormat(named: String($0)) }
  }
}
