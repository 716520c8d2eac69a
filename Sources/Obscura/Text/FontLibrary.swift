import CPango
import Foundation

/// A font family available to sketches, with its styles.
public struct FontFamily: Sendable, Equatable {
  /// The family name to pass to ``Font``.
  public var name: String
  /// The style names (Regular, Bold, Italic, …), sorted.
  public var styles: [String]
  /// Whether the family comes from the checkout's `Fonts/` folder.
  public var isBundled: Bool
}

/// The fonts sketches can use: the bundled `Fonts/` folder registered with
/// fontconfig, plus the system's fonts for everything else (CJK fallback).
public enum Fonts {
  /// Every available family, bundled ones first, each group sorted by name.
  public static func families() throws -> [FontFamily] {
    try FontLibrary.shared().families
  }

  /// The bundled fonts folder in use.
  public static func bundledDirectory() throws -> String {
    try FontLibrary.shared().directory
  }

  /// Checks that `family` exists (case-insensitive) and returns its exact name.
  ///
  /// - Throws: ``ObscuraError/unknownFont(_:closeMatches:)`` with up to five
  ///   close matches.
  public static func resolve(family: String) throws -> String {
    try FontLibrary.shared().resolve(family: family)
  }
}

/// The process's one registration of the bundled fonts and the Pango font map using them.
final class FontLibrary: @unchecked Sendable {
  /// The bundled fonts folder.
  let directory: String
  /// The Pango font map (`pango_cairo_font_map_new`) created after registration.
  let fontMap: UnsafeMutablePointer<PangoFontMap>
  /// Every family fontconfig lists.
  let families: [FontFamily]
  /// Serialises Pango use: font maps are not thread-safe.
  let lock = NSLock()

  private nonisolated(unsafe) static var instance: FontLibrary?
  private static let instanceLock = NSLock()

  /// The shared library, registering `Fonts/` on first use.
  static func shared() throws -> FontLibrary {
    instanceLock.lock()
    defer { instanceLock.unlock() }
    if let instance { return instance }
    let library = try FontLibrary()
    instance = library
    return library
  }

  private init() throws {
    let root = try ObscuraRoot.locate()
    directory = (root as NSString).appendingPathComponent("Fonts")

    // Register the folder on the current fontconfig configuration, which
    // a font map created afterwards uses (FcConfigAppFontAddDir).
    guard let config = FcConfigGetCurrent(),
      FcConfigAppFontAddDir(config, directory) != 0
    else { throw ObscuraError.fontRegistrationFailed(path: directory) }
    fontMap = UnsafeMutablePointer(OpaquePointer(pango_cairo_font_map_new()))!
    families = FontLibrary.listFamilies(config: config, bundledFolder: directory)
  }

  deinit { g_object_unref(fontMap) }

  /// Lists families with their styles through `FcFontList`.
  private static func listFamilies(config: OpaquePointer, bundledFolder: String)
    -> [FontFamily]
  {
    guard let pattern = FcPatternCreate(), let objects = FcObjectSetCreate() else { return [] }
    defer {
      FcPatternDestroy(pattern)
      FcObjectSetDestroy(objects)
    }
    for key in ["family", "style", "file"] { _ = FcObjectSetAdd(objects, key) }
    guard let list = FcFontList(config, pattern, objects) else { return [] }
    defer { FcFontSetDestroy(list) }

    var styles: [String: Set<String>] = [:]
    var bundled: Set<String> = []
    let fonts = UnsafeBufferPointer(start: list.pointee.fonts, count: Int(list.pointee.nfont))
    for font in fonts {
      guard let font, let family = string(font, "family") else { continue }
      let style = string(font, "style") ?? "Regular"
      styles[family, default: []].insert(style)
      if let file = string(font, "file"), file.hasPrefix(bundledFolder) { bundled.insert(family) }
    }
    return styles.map { name, styles in
      FontFamily(name: name, styles: styles.sorted(), isBundled: bundled.contains(name))
    }.sorted { a, b in
      a.isBundled != b.isBundled ? a.isBundled : a.name.lowercased() < b.name.lowercased()
    }
  }

  /// The first value of a string property (`FcPatternGetString`).
  private static func string(_ pattern: OpaquePointer, _ key: String) -> String? {
    var value: UnsafeMutablePointer<FcChar8>?
    guard FcPatternGetString(pattern, key, 0, &value) == FcResultMatch, let value else {
      return nil
    }
    return String(cString: value)
  }

  /// The exact name of `family`, or an error with close matches.
  func resolve(family: String) throws -> String {
    let generic = ["sans-serif", "sans", "serif", "monospace", "cursive", "fantasy"]
    if generic.contains(family.lowercased()) { return family }
    if let match = families.first(where: { $0.name.lowercased() == family.lowercased() }) {
      return match.name
    }
    let query = family.lowercased()
    let scored = families.map { candidate -> (String, Int) in
      let name = candidate.name.lowercased()
      var score = editDistance(query, name)
      if name.contains(query) || query.contains(name) { score = min(score, 1) }
      if name.hasPrefix(String(query.prefix(3))) { score -= 1 }
      return (candidate.name, score)
    }
    let close = scored.filter { $0.1 <= max(2, query.count / 3) }
      .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
      .prefix(5).map { $0.0 }
    throw ObscuraError.unknownFont(family, closeMatches: Array(close))
  }
}

/// The Levenshtein distance between two strings.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
