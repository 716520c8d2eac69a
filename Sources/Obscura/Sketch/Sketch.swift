/// A poster described in code: the one type a sketch file declares.
///
/// A sketch file holds one type that conforms to `Sketch`. `obscura run`
/// compiles the file into a plugin, creates the type with `init()`, reads its
/// ``settings`` and calls ``compose(_:)`` to fill the poster's layer stack.
///
///     import Obscura
///
///     struct Dusk: Sketch {
///       var settings = Settings(paper: .a3, dpi: 300)
///
///       func compose(_ poster: inout Poster) throws {
///         poster.add(.drawing { ctx in ctx.fill(ctx.bounds, .black) })
///       }
///     }
public protocol Sketch {
  /// Creates the sketch with its default settings.
  init()

  /// The paper, resolution, seed and parameters of the poster.
  var settings: Settings { get }

  /// Adds the poster's layers, bottom first.
  ///
  /// - Parameter poster: The poster to fill. Its seed, parameters and
  ///   geometry are already resolved from the settings and the command line.
  func compose(_ poster: inout Poster) throws
}

/// The version of Obscura recorded in every exported file.
public let obscuraVersion = "0.1.0"
