import CCairo

/// A rectangle of whole pixels in an image surface.
struct PixelRect: Equatable {
  var x: Int
  var y: Int
  var width: Int
  var height: Int

  /// The rectangle grown by `margin` on every side, clipped to `width × height`.
  func expanded(by margin: Int, within width: Int, _ height: Int) -> PixelRect {
    let x0 = max(0, x - margin)
    let y0 = max(0, y - margin)
    let x1 = min(width, x + self.width + margin)
    let y1 = min(height, y + self.height + margin)
    return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
  }

  /// The overlap with `other`, or `nil` when there is none.
  func intersection(_ other: PixelRect) -> PixelRect? {
    let x0 = max(x, other.x)
    let y0 = max(y, other.y)
    let x1 = min(x + width, other.x + other.width)
    let y1 = min(y + height, other.y + other.height)
    guard x1 > x0, y1 > y0 else { return nil }
    return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
  }

  /// Adds the rectangle to `cr`'s path in device space.
  func addPath(to cr: OpaquePointer) {
    cairo_rectangle(cr, Double(x), Double(y), Double(width), Double(height))
  }
}

extension CairoSurface {
  /// The smallest rectangle holding every pixel with non-zero alpha, or `nil`
  /// when the surface is fully transparent. Rows are scanned in parallel bands.
  func inkBounds() -> PixelRect? {
    flush()
    let (width, height, stride) = (self.width, self.height, self.stride)
    let data = UnsafePointer(self.data)
    let bands = bandCount(height)
    let found = UnsafeMutableBufferPointer<(Int, Int, Int, Int)>.allocate(capacity: bands)
    found.initialize(repeating: (Int.max, Int.max, -1, -1))
    defer { found.deallocate() }
    parallelFor(bands) { band in
      var (minX, minY, maxX, maxY) = (Int.max, Int.max, -1, -1)
      for y in (band * height / bands)..<((band + 1) * height / bands) {
        let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
        var first = -1
        for x in 0..<width where row[x] & 0xFF00_0000 != 0 {
          first = x
          break
        }
        guard first >= 0 else { continue }
        var last = first
        for x in Swift.stride(from: width - 1, through: first, by: -1)
        where row[x] & 0xFF00_0000 != 0 {
          last = x
          break
        }
        minX = min(minX, first)
        maxX = max(maxX, last)
        minY = min(minY, y)
        maxY = max(maxY, y)
      }
      found[band] = (minX, minY, maxX, maxY)
    }
    var (minX, minY, maxX, maxY) = (Int.max, Int.max, -1, -1)
    for (a, b, c, d) in found {
      minX = min(minX, a)
      minY = min(minY, b)
      maxX = max(maxX, c)
      maxY = max(maxY, d)
    }
    guard maxX >= 0 else { return nil }
    return PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
  }

  /// A surface sharing this surface's pixels inside `rect`
  /// (`cairo_image_surface_create_for_data` on the same memory and stride).
  func view(_ rect: PixelRect) throws -> CairoSurface {
    flush()
    let format = cairo_image_surface_get_format(pointer)
    let bytesPerPixel = format == CAIRO_FORMAT_A8 ? 1 : 4
    let start = data + rect.y * stride + rect.x * bytesPerPixel
    let view = try CairoSurface(
      owning: cairo_image_surface_create_for_data(
        start, format, Int32(rect.width), Int32(rect.height), Int32(stride)),
      operation: "cairo_image_surface_create_for_data")
    view.parent = self
    return view
  }
}
