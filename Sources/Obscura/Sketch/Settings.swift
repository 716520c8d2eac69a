/// The paper, units, resolution, seed and parameters of a poster.
///
///     var settings = Settings(paper: .a3, orientation: .portrait, dpi: 300,
///                             bleed: 3, parameters: [.number("density", 0.5)])
public struct Settings: Sendable, Equatable {
  /// The sheet size.
  public var paper: Paper
  /// Portrait or landscape.
  public var orientation: Orientation
  /// The unit every coordinate of the sketch is in.
  public var unit: Unit
  /// The print resolution of the raster output.
  public var dpi: Double
  /// The bleed beyond the trim on every side, in ``unit``.
  public var bleed: Double
  /// Whether to draw crop marks in the bleed at the trim's corners.
  public var cropMarks: Bool
  /// The seed; `nil` lets the renderer pick one (and report it).
  public var seed: UInt64?
  /// The colour the page starts with; `nil` starts transparent.
  public var background: Color?
  /// The declared parameters with their current values.
  public var parameters: [Parameter]
  /// The files `obscura run` writes when `--format` does not say.
  public var formats: [ExportFormat]

  /// Creates settings; every argument has a poster-friendly default.
  public init(
    paper: Paper = .a3, orientation: Orientation = .portrait, unit: Unit = .mm,
    dpi: Double = 300, bleed: Double = 0, cropMarks: Bool = false, seed: UInt64? = nil,
    background: Color? = .white, parameters: [Parameter] = [], formats: [ExportFormat] = [.png]
  ) {
    self.paper = paper
    self.orientation = orientation
    self.unit = unit
    self.dpi = dpi
    self.bleed = bleed
    self.cropMarks = cropMarks
    self.seed = seed
    self.background = background
    self.parameters = parameters
    self.formats = formats
  }

  /// The names of the declared parameters, in declaration order.
  public var parameterNames: [String] { parameters.map { $0.name } }

  /// The current value of parameter `name`, or `nil` when it is not declared.
  public func value(of name: String) -> ParameterValue? {
    parameters.first(where: { $0.name == name })?.value
  }

  /// Overrides parameter `name` with `text` parsed as its declared type
  /// (what `--param name=value` does).
  ///
  /// - Throws: ``ObscuraError/unknownParameter(_:declared:)`` listing the
  ///   declared names, ``ObscuraError/wrongParameterType(name:value:expected:)``,
  ///   or ``ObscuraError/parameterOutOfRange(name:value:range:)``.
  public mutating func setParameter(_ name: String, to text: String) throws {
    guard let index = parameters.firstIndex(where: { $0.name == name }) else {
      throw ObscuraError.unknownParameter(name, declared: parameterNames)
    }
    let value = try parameters[index].defaultValue.parsingSameType(text, name: name)
    try parameters[index].checkRange(value)
    parameters[index].value = value
  }

  /// Checks that no parameter name is declared twice and that every default
  /// lies in its parameter's range.
  public func validateParameters() throws {
    var seen = Set<String>()
    for parameter in parameters {
      guard seen.insert(parameter.name).inserted else {
        throw ObscuraError.duplicateParameter(parameter.name)
      }
      if let range = parameter.range, (try? parameter.checkRange(parameter.defaultValue)) == nil {
        throw ObscuraError.defaultOutOfRange(
          name: parameter.name, value: parameter.defaultValue.description, range: range)
      }
    }
  }

  /// These settings with the command line's overrides applied.
  ///
  /// - Parameters:
  ///   - seed: Replaces the sketch's seed when given.
  ///   - parameters: `name → value text` pairs, applied in order.
  ///
  /// A DPI override is not applied here: it is a property of one render
  /// (``RenderOptions/dpi``), and ``dpi`` keeps defining the `px` unit.
  public func applying(
    seed: UInt64? = nil, parameters overrides: [(name: String, value: String)] = []
  ) throws -> Settings {
    try validateParameters()
    var result = self
    if let seed { result.seed = seed }
    for (name, value) in overrides { try result.setParameter(name, to: value) }
    return result
  }
}
