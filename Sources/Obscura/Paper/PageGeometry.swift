import Foundation

/// The resolved size of a poster: trim and bleed boxes in the sketch's units,
/// and the pixel or point size of each output.
///
/// The sketch's coordinate system has its origin at the top-left corner of
/// the trim box; the bleed extends to negative coordinates and past the
/// width and height. One sketch unit is ``pixelsPerUnit`` pixels in the
/// raster output and ``pointsPerUnit`` points in PDF and SVG.
public struct PageGeometry: Sendable, Equatable {
  /// The largest width or height, in pixels, that a Cairo image surface accepts.
  public static let maximumPixelDimension = 32767

  /// The unit the sketch draws in.
  public let unit: Unit
  /// The DPI the sketch's settings declare (defines the `px` unit).
  public let declaredDPI: Double
  /// The DPI this render uses.
  public let dpi: Double
  /// The trimmed poster's size in ``unit``, orientation applied.
  public let trimSize: Size
  /// The bleed on each side, in ``unit``.
  public let bleed: Double

  /// Resolves the geometry of `settings`, optionally at another DPI.
  ///
  /// - Throws: ``ObscuraError/pixelLimitExceeded(width:height:dpi:largestDPI:)``
  ///   before anything is allocated when a side would pass 32767 pixels.
  public init(settings: Settings, dpi: Double? = nil) throws {
    let renderDPI = dpi ?? settings.dpi
    guard settings.dpi.isFinite, settings.dpi > 0 else {
      throw ObscuraError.invalidDPI(settings.dpi)
    }
    guard renderDPI.isFinite, renderDPI > 0 else { throw ObscuraError.invalidDPI(renderDPI) }
    guard settings.bleed.isFinite, settings.bleed >= 0 else {
      throw ObscuraError.invalidBleed(settings.bleed)
    }
    let paper = settings.paper
    guard paper.width > 0, paper.height > 0, paper.width.isFinite, paper.height.isFinite
    else {
      throw ObscuraError.invalidPaperSize(
        width: paper.width, height: paper.height, unit: paper.unit.rawValue)
    }
    if settings.cropMarks && settings.bleed == 0 { throw ObscuraError.cropMarksNeedBleed }

    unit = settings.unit
    declaredDPI = settings.dpi
    self.dpi = renderDPI
    bleed = settings.bleed

    let width = paper.unit.convert(paper.width, to: unit, declaredDPI: settings.dpi)
    let height = paper.unit.convert(paper.height, to: unit, declaredDPI: settings.dpi)
    let (short, long) = (min(width, height), max(width, height))
    switch settings.orientation {
    case .portrait: trimSize = Size(width: short, height: long)
    case .landscape: trimSize = Size(width: long, height: short)
    }

    let limit = PageGeometry.maximumPixelDimension
    if pixelWidth > limit || pixelHeight > limit {
      let longestInches = max(bleedBox.width, bleedBox.height) * inchesPerUnit
      var largest = Int((Double(limit) / longestInches).rounded(.down))
      while largest > 1 && (Double(largest) * longestInches).rounded() > Double(limit) {
        largest -= 1
      }
      throw ObscuraError.pixelLimitExceeded(
        width: pixelWidth, height: pixelHeight, dpi: renderDPI, largestDPI: largest)
    }
  }

  /// The length of one sketch unit in inches.
  public var inchesPerUnit: Double { unit.inches(declaredDPI: declaredDPI) }
  /// Raster pixels per sketch unit at ``dpi``.
  public var pixelsPerUnit: Double { dpi * inchesPerUnit }
  /// PDF/SVG points per sketch unit.
  public var pointsPerUnit: Double { 72 * inchesPerUnit }

  /// The trimmed poster, from (0, 0) to (width, height).
  public var trimBox: Rect { Rect(origin: .zero, size: trimSize) }
  /// The trim box grown by the bleed on every side: the whole output page.
  public var bleedBox: Rect { trimBox.inset(by: -bleed) }

  /// The raster width of the whole page (bleed included), in pixels.
  public var pixelWidth: Int { Int((bleedBox.width * pixelsPerUnit).rounded()) }
  /// The raster height of the whole page (bleed included), in pixels.
  public var pixelHeight: Int { Int((bleedBox.height * pixelsPerUnit).rounded()) }
  /// The PDF/SVG page size (bleed included), in points.
  public var pageSizeInPoints: Size {
    Size(width: bleedBox.width * pointsPerUnit, height: bleedBox.height * pointsPerUnit)
  }

  /// Converts `value` in `unit` to the sketch's unit.
  public func length(_ value: Double, _ unit: Unit) -> Double {
    unit.convert(value, to: self.unit, declaredDPI: declaredDPI)
  }
}
