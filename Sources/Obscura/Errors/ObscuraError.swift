/// Everything that can go wrong while composing, rendering or exporting a poster.
///
/// All user-facing wording of the runtime lives in ``description``: each
/// message is a sentence that names the problem and what to do about it.
public enum ObscuraError: Error, Equatable, CustomStringConvertible {
  /// A paper name that is not one of the known sizes.
  case unknownPaper(String, valid: [String])
  /// A paper or bleed with a size that cannot be printed.
  case invalidPaperSize(width: Double, height: Double, unit: String)
  /// A DPI so high that a side of the image would pass Cairo's 32767-pixel limit.
  case pixelLimitExceeded(width: Int, height: Int, dpi: Double, largestDPI: Int)
  /// A DPI that is zero, negative or not a number.
  case invalidDPI(Double)
  /// A bleed that is negative or not a number.
  case invalidBleed(Double)
  /// Crop marks asked for on a poster without bleed to draw them in.
  case cropMarksNeedBleed
  /// A parameter name the sketch does not declare.
  case unknownParameter(String, declared: [String])
  /// A parameter value text that does not parse as the declared type.
  case wrongParameterType(name: String, value: String, expected: String)
  /// A parameter read as a type other than the one it was declared with.
  case parameterTypeMismatch(name: String, requested: String, declared: String)
  /// A `--param` value outside the range the parameter declares.
  case parameterOutOfRange(name: String, value: String, range: ClosedRange<Double>)
  /// A parameter whose default lies outside its own range.
  case defaultOutOfRange(name: String, value: String, range: ClosedRange<Double>)
  /// The same parameter name declared twice.
  case duplicateParameter(String)
  /// A text that is not a colour in `#RRGGBB` or `#RRGGBBAA` form.
  case invalidColor(String)
  /// An export format name that is not png, pdf or svg.
  case unknownFormat(String, valid: [String])
  /// A name that is not one of a fixed set of choices (fit modes, anchors, …).
  case unknownChoice(kind: String, name: String, valid: [String])
  /// A font family that neither the bundled fonts nor the system provide.
  case unknownFont(String, closeMatches: [String])
  /// The bundled `Fonts/` folder could not be found.
  case fontsFolderMissing(searched: [String])
  /// Fontconfig refused to register a font folder.
  case fontRegistrationFailed(path: String)
  /// An image file that does not exist; `resolved` is where a relative path was looked for.
  case imageNotFound(path: String, resolved: String? = nil)
  /// An image file that exists but cannot be decoded.
  case imageUnreadable(path: String, reason: String)
  /// Raster pixels whose byte count does not match their size.
  case invalidRaster(width: Int, height: Int, byteCount: Int)
  /// A layer asked to fill a rectangle with no area.
  case emptyTargetRect(layer: String)
  /// A drawing closure threw an error of its own.
  case drawingFailed(layer: String, reason: String)
  /// A raster provider failed to produce its pixels.
  case rasterProviderFailed(layer: String, reason: String)
  /// A generated (StyleGAN) layer could not produce its image; `location` is
  /// the sketch line that built the layer.
  case generatedLayer(layer: String, location: SourceLocation, problem: GeneratedProblem)
  /// A font or image problem of one layer, with the sketch line that built it.
  indirect case inLayer(layer: String, location: SourceLocation, error: ObscuraError)
  /// An output folder that does not exist or cannot be written.
  case outputNotWritable(path: String, reason: String)
  /// A file that could not be written or moved into place.
  case writeFailed(path: String, reason: String)
  /// A file not written because the process is being stopped by a signal.
  case interrupted(path: String)
  /// A Cairo call that reported an error status.
  case cairo(operation: String, status: String)
  /// libpng reported an error.
  case png(path: String, reason: String)

  /// The message shown to the user.
  public var description: String {
    switch self {
    case .unknownPaper(let name, let valid):
      return "Unknown paper size '\(name)'. Use one of \(valid.joined(separator: ", ")), "
        + "or a custom size such as 300x400mm (units: mm, cm, in, pt, px)."
    case .invalidPaperSize(let width, let height, let unit):
      return "Paper size \(format(width))×\(format(height)) \(unit) is not printable: "
        + "both sides must be positive numbers."
    case .pixelLimitExceeded(let width, let height, let dpi, let largestDPI):
      return "At \(format(dpi)) dpi the poster would be \(width)×\(height) px, past Cairo's "
        + "limit of 32767 px per side. The largest DPI that fits is \(largestDPI)."
    case .invalidDPI(let dpi):
      return "DPI \(format(dpi)) is not usable: it must be a positive number."
    case .invalidBleed(let bleed):
      return "Bleed \(format(bleed)) is not usable: it must be zero or a positive number."
    case .cropMarksNeedBleed:
      return "Crop marks are drawn in the bleed, but the bleed is zero. Set a bleed "
        + "(3 mm is common) or turn crop marks off."
    case .unknownParameter(let name, let declared):
      let list =
        declared.isEmpty
        ? "The sketch declares no parameters."
        : "The sketch declares: \(declared.joined(separator: ", "))."
      return "Unknown parameter '\(name)'. \(list)"
    case .wrongParameterType(let name, let value, let expected):
      return "Parameter '\(name)' expects \(expected), but '\(value)' is not one."
    case .parameterTypeMismatch(let name, let requested, let declared):
      return "Parameter '\(name)' is declared as \(declared) but was read as \(requested)."
    case .parameterOutOfRange(let name, let value, let range):
      return "Parameter '\(name)' must be from \(format(range.lowerBound)) to "
        + "\(format(range.upperBound)), but \(value) is outside that range."
    case .defaultOutOfRange(let name, let value, let range):
      return "Parameter '\(name)' declares the default \(value), outside its own range "
        + "\(format(range.lowerBound))...\(format(range.upperBound)); change one of them."
    case .duplicateParameter(let name):
      return "Parameter '\(name)' is declared more than once; give each parameter its own name."
    case .invalidColor(let text):
      return "'\(text)' is not a colour: write it as #RRGGBB or #RRGGBBAA in hexadecimal."
    case .unknownFormat(let name, let valid):
      return "Unknown export format '\(name)'. Use one of \(valid.joined(separator: ", "))."
    case .unknownChoice(let kind, let name, let valid):
      return "Unknown \(kind) '\(name)'. Use one of \(valid.joined(separator: ", "))."
    case .unknownFont(let family, let matches):
      let hint =
        matches.isEmpty
        ? "Run `obscura fonts` to list the available families."
        : "Close matches: \(matches.joined(separator: ", "))."
      return "Unknown font family '\(family)'. \(hint)"
    case .fontsFolderMissing(let searched):
      return "Cannot find the bundled Fonts/ folder; looked in "
        + "\(searched.joined(separator: ", ")). Set OBSCURA_ROOT to the Obscura checkout."
    case .fontRegistrationFailed(let path):
      return "Fontconfig could not register the fonts in \(path)."
    case .imageNotFound(let path, let resolved):
      let place = resolved.map { " Looked for it at \($0)." } ?? ""
      return "Image file \(path) does not exist.\(place)"
    case .imageUnreadable(let path, let reason):
      return "Image file \(path) cannot be read as a PNG: \(reason)."
    case .invalidRaster(let width, let height, let byteCount):
      return "Raster pixels of \(width)×\(height) need \(width * height * 4) RGBA bytes, "
        + "but \(byteCount) were given."
    case .emptyTargetRect(let layer):
      return "Layer '\(layer)' is placed in a rectangle of zero size; give it a width "
        + "and a height."
    case .drawingFailed(let layer, let reason):
      return "Layer '\(layer)' stopped drawing with an error: \(reason)"
    case .rasterProviderFailed(let layer, let reason):
      return "Layer '\(layer)' could not produce its pixels: \(reason)"
    case .generatedLayer(let layer, let location, let problem):
      return "\(location): generated layer '\(layer)': \(problem)."
    case .inLayer(let layer, let location, let error):
      return "\(location): layer '\(layer)': \(error)"
    case .outputNotWritable(let path, let reason):
      return "Cannot write to the output folder \(path): \(reason)."
    case .writeFailed(let path, let reason):
      return "Could not write \(path): \(reason). Earlier files were left untouched."
    case .interrupted(let path):
      return "Stopped before writing \(path); earlier files were left untouched."
    case .cairo(let operation, let status):
      return "Cairo failed in \(operation): \(status)."
    case .png(let path, let reason):
      return "libpng failed on \(path): \(reason)."
    }
  }
}

/// Something a render did differently from what the sketch asked, without
/// failing: the files are written, and the CLI prints each warning.
///
/// Its wording lives here, next to the errors'.
public enum ObscuraWarning: Sendable, Equatable, CustomStringConvertible {
  /// A layer with a blend mode in an SVG file: SVG 1.1 has no blend modes,
  /// so Cairo draws the layer as an embedded image at the export DPI.
  case svgBlendModeAsImage(layer: String, blendMode: String, dpi: Double)
  /// A layer asks for a weight or style its font family does not have;
  /// fontconfig picked another face of the family.
  case fontFaceSubstituted(layer: String, requested: String, used: String)

  /// The message shown to the user.
  public var description: String {
    switch self {
    case .svgBlendModeAsImage(let layer, let blendMode, let dpi):
      return "SVG: layer '\(layer)' uses blend mode \(blendMode), which SVG 1.1 cannot "
        + "express; it is embedded as an image at \(format(dpi)) dpi."
    case .fontFaceSubstituted(let layer, let requested, let used):
      return "Font: layer '\(layer)' asks for \(requested), which is not available; "
        + "\(used) is used instead."
    }
  }
}

/// A number without a trailing `.0` when it is whole.
private func format(_ value: Double) -> String {
  if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
    return String(Int(value))
  }
  return String(value)
}
