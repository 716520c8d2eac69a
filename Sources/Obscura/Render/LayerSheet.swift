import CCairo
import Foundation

/// Writes each layer alone and a sheet showing the poster and its layers side
/// by side with their names: what the code drew, what a model made, and what
/// the blend did.
struct LayerSheet {
  /// The render's shared images and seeds.
  let session: RenderSession

  /// The height of one thumbnail on the sheet, in pixels.
  static let thumbnailHeight = 720.0

  /// Writes `<stem>-layer<NN>-<name>.png` per layer and `<stem>-layers.png`.
  func write(stem: String, folder: String, metadata: [(String, String)]) throws
    -> [ExportedFile]
  {
    let poster = session.poster
    let geometry = poster.geometry
    let raster = RasterCompositor(session: session, geometry: geometry)
    var files: [ExportedFile] = []
    for (index, layer) in poster.layers.enumerated() {
      let name = String(format: "%@-layer%02d-%@.png", stem, index + 1, LayerSheet.slug(layer.name))
      let path = (folder as NSString).appendingPathComponent(name)
      let surface = try raster.renderAlone(layer, key: "\(index)")
      try AtomicFile.write(to: path) { temporary in
        try PNGWriter().write(
          surface, to: temporary, dpi: geometry.dpi,
          metadata: metadata + [("Layer", "\(index + 1) \(layer.name)")])
      }
      files.append(
        try Renderer.describe(
          path, format: .png, kind: .layer(index: index, name: layer.name),
          geometry: geometry))
    }

    let sheetPath = (folder as NSString).appendingPathComponent("\(stem)-layers.png")
    let sheet = try makeSheet()
    try AtomicFile.write(to: sheetPath) { temporary in
      try PNGWriter().write(sheet, to: temporary, dpi: 72, metadata: metadata)
    }
    var file = try Renderer.describe(sheetPath, format: .png, kind: .layerSheet, geometry: geometry)
    file.pixelWidth = sheet.width
    file.pixelHeight = sheet.height
    file.pageSize = Size(width: Double(sheet.width), height: Double(sheet.height))
    files.append(file)
    return files
  }

  /// The sheet: the composite then each layer, on a grey ground, each on a
  /// checkerboard (so transparency shows) with its name beneath.
  func makeSheet() throws -> CairoSurface {
    let poster = session.poster
    let heightInches = poster.geometry.bleedBox.height * poster.geometry.inchesPerUnit
    var settings = poster.settings
    settings.cropMarks = false
    let thumbDPI = LayerSheet.thumbnailHeight / heightInches
    let thumbGeometry = try PageGeometry(settings: settings, dpi: thumbDPI)
    let raster = RasterCompositor(session: session, geometry: thumbGeometry)

    var tiles: [(String, CairoSurface)] = [("Poster", try raster.composite())]
    for (index, layer) in poster.layers.enumerated() {
      tiles.append(
        (
          "\(index + 1). \(layer.name) · \(layer.blendMode.rawValue)"
            + (layer.opacity < 1 ? " \(Int(layer.opacity * 100))%" : ""),
          try raster.renderAlone(layer, key: "\(index)")
        ))
    }

    let (tw, th) = (Double(thumbGeometry.pixelWidth), Double(thumbGeometry.pixelHeight))
    let (gap, label) = (32.0, 56.0)
    let columns = min(tiles.count, 4)
    let rows = (tiles.count + columns - 1) / columns
    let width = Int(gap + Double(columns) * (tw + gap))
    let height = Int(gap + Double(rows) * (th + label + gap))
    let sheet = try CairoSurface.image(width: width, height: height)
    let context = try CairoContext(sheet)
    let cr = context.pointer
    cairo_set_source_rgb(cr, 0.93, 0.93, 0.92)
    cairo_paint(cr)

    var labelSettings = Settings(
      paper: .custom(
        width: Double(width), height: Double(height),
        unit: .px), unit: .px, dpi: 72)
    labelSettings.background = nil
    let labelGeometry = try PageGeometry(settings: labelSettings)
    let canvas = Canvas(context: context, geometry: labelGeometry, seed: 0, noiseSeed: 0)

    for (i, (name, tile)) in tiles.enumerated() {
      let x = gap + Double(i % columns) * (tw + gap)
      let y = gap + Double(i / columns) * (th + label + gap)
      cairo_save(cr)
      cairo_rectangle(cr, x, y, tw, th)
      cairo_clip(cr)
      let square = 12.0
      for row in 0..<Int(th / square) + 1 {
        for column in 0..<Int(tw / square) + 1 {
          let shade = (row + column) % 2 == 0 ? 1.0 : 0.85
          cairo_set_source_rgb(cr, shade, shade, shade)
          cairo_rectangle(
            cr, x + Double(column) * square, y + Double(row) * square, square, square)
          cairo_fill(cr)
        }
      }
      cairo_set_source_surface(cr, tile.pointer, x, y)
      cairo_paint(cr)
      cairo_restore(cr)
      try canvas.draw(
        TextBlock(
          name, font: Font("Inter", weight: .medium), size: 20, color: Color(white: 0.15),
          placement: .point(Point(x, y + th + 12), anchor: .topLeft, width: tw)))
    }
    try context.check("drawing the layer sheet")
    return sheet
  }

  /// A file-name-safe version of a layer name: letters and digits, others as `-`.
  static func slug(_ name: String) -> String {
    var result = ""
    for scalar in name.unicodeScalars {
      if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
        result.unicodeScalars.append(scalar)
      } else if !result.hasSuffix("-") {
        result += "-"
      }
    }
    let trimmed = result.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    return trimmed.isEmpty ? "layer" : String(trimmed.prefix(40))
  }
}
