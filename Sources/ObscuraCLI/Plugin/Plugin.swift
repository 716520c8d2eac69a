import Foundation
import Obscura

/// A compiled sketch, loaded into this process.
///
/// A loaded plugin is never unloaded: the Swift runtime keeps references to
/// the type metadata it registered. `watch` loads each rebuilt sketch from a
/// library of its own (the cache names libraries by content hash).
struct Plugin {
  /// The library's path.
  let path: String
  /// The sketch type the library declares.
  let sketchType: any Sketch.Type

  /// Loads the library at `path` and looks up its sketch type.
  ///
  /// Calls `dlopen` with `RTLD_NOW` so that a missing runtime symbol fails
  /// here, then `dlsym` for the wrapper's entry point.
  static func load(_ path: String) throws -> Plugin {
    guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
      throw SketchError.loadFailed(plugin: path, reason: lastError())
    }
    guard let symbol = dlsym(handle, PluginCompiler.entryPoint) else {
      throw SketchError.loadFailed(plugin: path, reason: lastError())
    }
    typealias Entry = @convention(c) () -> UnsafeRawPointer
    let entry = unsafeBitCast(symbol, to: Entry.self)
    let type = unsafeBitCast(entry(), to: Any.Type.self)
    guard let sketchType = type as? any Sketch.Type else {
      throw SketchError.notASketch(plugin: path)
    }
    return Plugin(path: path, sketchType: sketchType)
  }

  /// Compiles (or finds in the cache) and loads the sketch in `source`.
  static func build(_ source: SketchSource, compiler: PluginCompiler) throws -> (
    Plugin, PluginCompiler.Built
  ) {
    let built = try compiler.plugin(for: source)
    return (try load(built.path), built)
  }

  private static func lastError() -> String {
    guard let message = dlerror() else { return "unknown dynamic loader error" }
    return String(cString: message)
  }
}
