import CCairo
import CPango
import CPNG
import StyleGAN

/// The version of Obscura recorded in every exported file.
public let obscuraVersion = "0.1.0"

func _linkCheck() -> String {
  let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4)
  let cr = cairo_create(s)
  let layout = pango_cairo_create_layout(cr)
  g_object_unref(UnsafeMutableRawPointer(layout))
  cairo_destroy(cr)
  cairo_surface_destroy(s)
  return String(cString: png_get_libpng_ver(nil))
}
