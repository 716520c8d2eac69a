import Foundation

/// The poster a sketch composes: its geometry, seed, parameters, randomness
/// and layer stack.
///
/// ``Sketch/compose(_:)`` receives a poster whose settings, seed and
/// parameters are already resolved from the sketch and the command line,
/// and adds layers bottom first.
public struct Poster {
  /// The resolved settings (seed and parameter overrides applied).
  public let settings: Settings
  /// The resolved geometry at this render's DPI.
  public let geometry: PageGeometry
  /// The seed of this render.
  public let seed: UInt64
  /// A generator seeded by ``seed`` for decisions made while composing.
  ///
  /// Inside a drawing closure use the canvas's own `random` instead: the
  /// closure runs once per output and must draw the same thing each time.
  public var random: SeededRandom
  /// Smooth noise seeded by ``seed``.
  public let noise: Noise
  /// The layers, bottom first.
  public private(set) var layers: [Layer] = []
  /// Extra key–value pairs recorded in exported files.
  public var metadata: [String: String] = [:]

  /// The sketch's source file, if known; relative file paths resolve against its folder.
  public var sourcePath: String?

  /// Creates an empty poster for `settings`, `seed` and an optional DPI override.
  ///
  /// - Parameter sourcePath: The sketch file, so that relative paths (images,
  ///   models) resolve against its folder; `nil` resolves them against the
  ///   working directory.
  public init(settings: Settings, seed: UInt64, dpi: Double? = nil, sourcePath: String? = nil)
    throws
  {
    self.sourcePath = sourcePath
    try settings.validateParameters()
    self.settings = settings
    geometry = try PageGeometry(settings: settings, dpi: dpi)
    self.seed = seed
    random = SeededRandom(seed: seed)
    noise = Noise(seed: seed)
  }

  /// Adds `layer` on top of the stack.
  public mutating func add(_ layer: Layer) { layers.append(layer) }

  /// Adds a layer drawn by code on top of the stack.
  public mutating func draw(
    _ name: String = "Drawing", blend: BlendMode = .normal, opacity: Double = 1,
    _ body: @escaping (Canvas) throws -> Void
  ) {
    add(.drawing(name, blend: blend, opacity: opacity, body))
  }

  /// `path` made absolute: unchanged when it already is, else relative to the
  /// sketch's folder (when ``sourcePath`` is known) or the working directory.
  public func resolve(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    if path.hasPrefix("~") { return (path as NSString).expandingTildeInPath }
    let base =
      sourcePath.map { ($0 as NSString).deletingLastPathComponent }
      ?? FileManager.default.currentDirectoryPath
    let folder =
      base.hasPrefix("/")
      ? base : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(base)
    return ((folder as NSString).appendingPathComponent(path) as NSString).standardizingPath
  }

  // MARK: Geometry

  /// The trim width in sketch units.
  public var width: Double { geometry.trimSize.width }
  /// The trim height in sketch units.
  public var height: Double { geometry.trimSize.height }
  /// The trim box, (0, 0, width, height).
  public var bounds: Rect { geometry.trimBox }
  /// The trim box (the same as ``bounds``).
  public var trimBox: Rect { geometry.trimBox }
  /// The trim box grown by the bleed.
  public var bleedBox: Rect { geometry.bleedBox }
  /// The unit the sketch draws in.
  public var unit: Unit { geometry.unit }
  /// The DPI of this render.
  public var dpi: Double { geometry.dpi }
  /// Converts `value` in `unit` to sketch units.
  public func length(_ value: Double, _ unit: Unit) -> Double { geometry.length(value, unit) }

  // MARK: Parameters

  /// The value of parameter `name`.
  ///
  /// - Throws: ``ObscuraError/unknownParameter(_:declared:)`` when not declared.
  public func parameter(_ name: String) throws -> ParameterValue {
    guard let value = settings.value(of: name) else {
      throw ObscuraError.unknownParameter(name, declared: settings.parameterNames)
    }
    return value
  }

  /// The number parameter `name` (an integer parameter is converted).
  public func number(_ name: String) throws -> Double {
    switch try parameter(name) {
    case .number(let value): return value
    case .integer(let value): return Double(value)
    case let other: throw mismatch(name, "a number", other)
    }
  }

  /// The integer parameter `name`.
  public func integer(_ name: String) throws -> Int {
    guard case .integer(let value) = try parameter(name) else {
      throw mismatch(name, "an integer", try parameter(name))
    }
    return value
  }

  /// The boolean parameter `name`.
  public func bool(_ name: String) throws -> Bool {
    guard case .bool(let value) = try parameter(name) else {
      throw mismatch(name, "true or false", try parameter(name))
    }
    return value
  }

  /// The text parameter `name`.
  public func text(_ name: String) throws -> String {
    guard case .text(let value) = try parameter(name) else {
      throw mismatch(name, "text", try parameter(name))
    }
    return value
  }

  /// The colour parameter `name`.
  public func color(_ name: String) throws -> Color {
    guard case .color(let value) = try parameter(name) else {
      throw mismatch(name, "a colour", try parameter(name))
    }
    return value
  }

  private func mismatch(_ name: String, _ requested: String, _ declared: ParameterValue)
    -> ObscuraError
  {
    .parameterTypeMismatch(name: name, requested: requested, declared: declared.typeName)
  }
}
