/// What a render did: the seed it used and the files it wrote.
public struct RenderResult: Sendable {
  /// The seed used (the sketch's, the override, or a random pick).
  public var seed: UInt64
  /// The settings after overrides.
  public var settings: Settings
  /// The geometry of the render.
  public var geometry: PageGeometry
  /// Every file written, in order.
  public var files: [ExportedFile]
  /// The layer names, bottom first.
  public var layerNames: [String]
  /// The image files the layers read, so a watcher can re-render when one changes.
  public var inputFiles: [String] = []
  /// What the render did differently from what the sketch asked (a blend
  /// mode embedded as an image in SVG, a substituted font face), as sentences.
  public var warnings: [String] = []
}

/// One file an export wrote.
public struct ExportedFile: Sendable, Equatable {
  /// What the file shows.
  public enum Kind: Sendable, Equatable {
    /// The composited poster.
    case poster
    /// One layer alone.
    case layer(index: Int, name: String)
    /// The sheet of all layers side by side.
    case layerSheet
  }

  /// The path written.
  public var path: String
  /// The file's format.
  public var format: ExportFormat
  /// What the file shows.
  public var kind: Kind
  /// The pixel width (PNG), else 0.
  public var pixelWidth: Int
  /// The pixel height (PNG), else 0.
  public var pixelHeight: Int
  /// The page size in points (PDF, SVG; the PNG's physical size in points too).
  public var pageSize: Size
  /// The file's size in bytes.
  public var byteCount: Int
}
