/// A value a sketch declares with a default and the command line may override.
///
///     Settings(paper: .a3, parameters: [
///       .number("density", 0.6, in: 0...1),
///       .integer("rings", 28, in: 1...200),
///       .text("title", "Not today"),
///       .color("ink", Color(hex: 0x1A1A2E)),
///     ])
public struct Parameter: Sendable, Equatable {
  /// The name used by `--param name=value` and by ``Poster/number(_:)`` and friends.
  public let name: String
  /// The value the sketch declared.
  public let defaultValue: ParameterValue
  /// The value in effect: the default, or an override.
  public var value: ParameterValue
  /// A short description shown by the CLI.
  public let summary: String
  /// The values a number or integer parameter accepts, both ends included;
  /// `nil` accepts any.
  public let range: ClosedRange<Double>?

  /// Declares a parameter with its default value and, for numbers and
  /// integers, an optional range of accepted values.
  public init(
    _ name: String, _ value: ParameterValue, range: ClosedRange<Double>? = nil,
    summary: String = ""
  ) {
    self.name = name
    defaultValue = value
    self.value = value
    self.range = range
    self.summary = summary
  }

  /// Declares a floating-point parameter; `--param` values outside `range`
  /// are refused.
  public static func number(
    _ name: String, _ value: Double, in range: ClosedRange<Double>? = nil, summary: String = ""
  ) -> Parameter {
    Parameter(name, .number(value), range: range, summary: summary)
  }

  /// Declares an integer parameter; `--param` values outside `range` are refused.
  public static func integer(
    _ name: String, _ value: Int, in range: ClosedRange<Int>? = nil, summary: String = ""
  ) -> Parameter {
    Parameter(
      name, .integer(value), range: range.map { Double($0.lowerBound)...Double($0.upperBound) },
      summary: summary)
  }

  /// Checks that `candidate` lies in ``range`` (always true for other types).
  ///
  /// - Throws: ``ObscuraError/parameterOutOfRange(name:value:range:)``.
  public func checkRange(_ candidate: ParameterValue) throws {
    guard let range else { return }
    let number: Double
    switch candidate {
    case .number(let value): number = value
    case .integer(let value): number = Double(value)
    default: return
    }
    guard range.contains(number) else {
      throw ObscuraError.parameterOutOfRange(
        name: name, value: candidate.description, range: range)
    }
  }

  /// Declares a true/false parameter.
  public static func bool(_ name: String, _ value: Bool, summary: String = "") -> Parameter {
    Parameter(name, .bool(value), summary: summary)
  }

  /// Declares a text parameter.
  public static func text(_ name: String, _ value: String, summary: String = "") -> Parameter {
    Parameter(name, .text(value), summary: summary)
  }

  /// Declares a colour parameter.
  public static func color(_ name: String, _ value: Color, summary: String = "") -> Parameter {
    Parameter(name, .color(value), summary: summary)
  }
}

/// A typed parameter value.
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
  /// A floating-point number.
  case number(Double)
  /// An integer.
  case integer(Int)
  /// True or false.
  case bool(Bool)
  /// A string.
  case text(String)
  /// A colour.
  case color(Color)

  /// The type's name in messages: "a number", "an integer", …
  public var typeName: String {
    switch self {
    case .number: return "a number"
    case .integer: return "an integer"
    case .bool: return "true or false"
    case .text: return "text"
    case .color: return "a colour (#RRGGBB or #RRGGBBAA)"
    }
  }

  /// The value as written on the command line and in file metadata.
  public var description: String {
    switch self {
    case .number(let value): return String(value)
    case .integer(let value): return String(value)
    case .bool(let value): return value ? "true" : "false"
    case .text(let value): return value
    case .color(let value): return value.hexString
    }
  }

  /// Parses `text` as a value of the same type as `self`.
  ///
  /// Booleans accept true/false, yes/no, on/off and 1/0.
  /// - Throws: ``ObscuraError/wrongParameterType(name:value:expected:)``.
  public func parsingSameType(_ text: String, name: String) throws -> ParameterValue {
    let wrong = ObscuraError.wrongParameterType(name: name, value: text, expected: typeName)
    switch self {
    case .number:
      guard let value = Double(text), value.isFinite else { throw wrong }
      return .number(value)
    case .integer:
      guard let value = Int(text) else { throw wrong }
      return .integer(value)
    case .bool:
      switch text.lowercased() {
      case "true", "yes", "on", "1": return .bool(true)
      case "false", "no", "off", "0": return .bool(false)
      default: throw wrong
      }
    case .text:
      return .text(text)
    case .color:
      guard let color = try? Color(hex: text) else { throw wrong }
      return .color(color)
    }
  }
}
