import CCairo

extension Resampler {
  /// Resamples `image` to a virtual `width × height` image and returns
  /// `window` of it as a premultiplied ARGB32 Cairo surface, ready to paint.
  func surface(
    _ image: RasterImage, toWidth width: Int, height: Int, window: Window
  ) throws -> CairoSurface {
    let surface = try CairoSurface.image(width: window.width, height: window.height)
    surface.flush()
    render(
      image, toWidth: width, height: height, window: window,
      into: UnsafeMutableRawPointer(surface.data), stride: surface.stride,
      format: .premultipliedARGB32)
    surface.markDirty()
    return surface
  }
}
