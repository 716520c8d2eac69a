/// Showing part of a framed image: the image is fitted to a *frame* and the
/// layer shows only what falls inside its own rectangle, so code can cut one
/// image into slices, strips or tiles and move each piece on its own.
///
///     // The strip shows its share of the horizon, lifted by 12 mm.
///     .generated(seed: 10, frame: art.offsetBy(dy: -12), in: strip)
extension GeneratedImage {
  /// Where the frame's image falls: the image (at the model's resolution)
  /// fitted to ``frame`` with ``frameFit`` and ``frameAnchor``, enlarged to
  /// the request's pixels, and cut to the request's rectangle; pixels of the
  /// rectangle outside the fitted image stay transparent.
  func framed(_ image: RasterImage, frame: Rect, for request: RasterRequest) throws
    -> RasterImage
  {
    let rect = request.rect
    let pixelsPerUnit = Double(request.pixelWidth) / rect.width
    let (w, h) = (Double(image.width), Double(image.height))
    let (sx, sy) = (frame.width / w, frame.height / h)
    let scale: (x: Double, y: Double)
    switch frameFit {
    case .cover, .tile: scale = (max(sx, sy), max(sx, sy))
    case .contain: scale = (min(sx, sy), min(sx, sy))
    case .stretch: scale = (sx, sy)
    }
    let fitted = Rect(
      x: frame.minX + frameAnchor.unitX * (frame.width - w * scale.x),
      y: frame.minY + frameAnchor.unitY * (frame.height - h * scale.y),
      width: w * scale.x, height: h * scale.y)

    // The fitted image in output pixels, with the rectangle's top-left at 0.
    let fullWidth = max(1, Int((fitted.width * pixelsPerUnit).rounded()))
    let fullHeight = max(1, Int((fitted.height * pixelsPerUnit).rounded()))
    let originX = Int(((fitted.minX - rect.minX) * pixelsPerUnit).rounded())
    let originY = Int(((fitted.minY - rect.minY) * pixelsPerUnit).rounded())
    let (outWidth, outHeight) = (max(1, request.pixelWidth), max(1, request.pixelHeight))

    // The part of the rectangle the image covers.
    let x0 = max(0, originX)
    let y0 = max(0, originY)
    let x1 = min(outWidth, originX + fullWidth)
    let y1 = min(outHeight, originY + fullHeight)
    var rgba = [UInt8](repeating: 0, count: outWidth * outHeight * 4)
    if x1 > x0, y1 > y0 {
      let window = Resampler.Window(
        x: x0 - originX, y: y0 - originY, width: x1 - x0, height: y1 - y0)
      let piece = try Resampler(filter: frameFilter == .nearest ? .nearest : .lanczos)
        .resample(image, toWidth: fullWidth, height: fullHeight, window: window)
      for row in 0..<window.height {
        let from = row * window.width * 4
        let to = ((y0 + row) * outWidth + x0) * 4
        rgba.replaceSubrange(
          to..<to + window.width * 4,
          with: piece.rgba[from..<from + window.width * 4])
      }
    }
    return try RasterImage(width: outWidth, height: outHeight, rgba: rgba)
  }
}
