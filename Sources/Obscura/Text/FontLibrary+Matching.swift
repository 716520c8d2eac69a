import CPango

/// The face fontconfig picked for a ``Font``.
struct MatchedFace: Equatable {
  /// How the face leans.
  enum Slant: Equatable {
    /// Upright, italic, or oblique (a slanted upright, possibly slanted by
    /// fontconfig itself when the family has no italic).
    case upright, italic, oblique
  }

  /// The face's weight, rounded to the nearest named weight.
  var weight: FontWeight
  /// The face's slant.
  var slant: Slant

  /// Whether the face is the one `font` asks for.
  func matches(_ font: Font) -> Bool {
    weight == font.weight && slant == (font.style == .italic ? .italic : .upright)
  }

  /// "Bebas Neue Bold", "Bebas Neue Regular Oblique".
  func name(family: String) -> String {
    let lean = [Slant.upright: "", .italic: " Italic", .oblique: " Oblique"][slant] ?? ""
    return "\(family) \(weight.name)\(lean)"
  }
}

extension FontLibrary {
  /// The face fontconfig picks for `font` (`pango_font_map_load_font`, then
  /// `pango_font_describe` on the loaded font).
  ///
  /// A bold that fontconfig draws thicker reports the weight it starts from.
  func matchedFace(for font: Font) throws -> MatchedFace? {
    let family = try resolve(family: font.family)
    lock.lock()
    defer { lock.unlock() }
    guard let context = pango_font_map_create_context(fontMap) else { return nil }
    defer { g_object_unref(UnsafeMutableRawPointer(context)) }
    let description = pango_font_description_new()
    defer { pango_font_description_free(description) }
    pango_font_description_set_family(description, family)
    pango_font_description_set_weight(description, PangoWeight(UInt32(font.weight.rawValue)))
    pango_font_description_set_style(
      description, font.style == .italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    pango_font_description_set_absolute_size(description, 12 * 1024)
    guard let loaded = pango_font_map_load_font(fontMap, context, description) else {
      return nil
    }
    defer { g_object_unref(UnsafeMutableRawPointer(loaded)) }
    guard let used = pango_font_describe(loaded) else { return nil }
    defer { pango_font_description_free(used) }
    let weight = FontWeight.nearest(to: Int(pango_font_description_get_weight(used).rawValue))
    switch pango_font_description_get_style(used) {
    case PANGO_STYLE_ITALIC: return MatchedFace(weight: weight, slant: .italic)
    case PANGO_STYLE_OBLIQUE: return MatchedFace(weight: weight, slant: .oblique)
    default: return MatchedFace(weight: weight, slant: .upright)
    }
  }
}
