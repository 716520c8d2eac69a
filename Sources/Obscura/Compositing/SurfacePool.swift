import CCairo
import Foundation

/// Page-sized image surfaces kept for reuse within one raster composite.
///
/// A layer that needs isolation gets a page-sized surface, and a masked one
/// two more; allocating each afresh makes the kernel fault in and zero
/// every page again (about 250,000 page faults on the A2 benchmark). The
/// pool hands back a released surface cleared with `memset` instead.
///
/// Only the raster path uses it: a PDF or SVG surface may still refer to an
/// image until the document is finished, so vector export never recycles.
final class SurfacePool {
  private var free: [CairoSurface] = []

  /// A cleared surface of this size and format, reused when one is free.
  func take(width: Int, height: Int, format: cairo_format_t = CAIRO_FORMAT_ARGB32) throws
    -> CairoSurface
  {
    if let index = free.firstIndex(where: {
      $0.width == width && $0.height == height
        && cairo_image_surface_get_format($0.pointer) == format
    }) {
      let surface = free.remove(at: index)
      surface.flush()
      memset(surface.data, 0, surface.stride * surface.height)
      surface.markDirty()
      return surface
    }
    return try CairoSurface.image(width: width, height: height, format: format)
  }

  /// Gives `surface` back; the caller must hold no context, pattern or view of it.
  func recycle(_ surface: CairoSurface) {
    guard surface.parent == nil, free.count < 4 else { return }
    free.append(surface)
  }
}
