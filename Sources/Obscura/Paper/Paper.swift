import Foundation

/// A sheet size: the ISO A and B series, US sizes, or a custom size.
///
/// The stored width and height are in portrait order as named (A3 is
/// 297 × 420 mm); ``Settings/orientation`` turns them.
public struct Paper: Sendable, Equatable, Hashable {
  /// The lower-case name (`a3`, `letter`), or a description of a custom size.
  public var name: String
  /// The width before orientation is applied, in ``unit``.
  public var width: Double
  /// The height before orientation is applied, in ``unit``.
  public var height: Double
  /// The unit of ``width`` and ``height``.
  public var unit: Unit

  /// Creates a paper size.
  public init(name: String, width: Double, height: Double, unit: Unit) {
    self.name = name
    self.width = width
    self.height = height
    self.unit = unit
  }

  /// A custom size.
  public static func custom(width: Double, height: Double, unit: Unit) -> Paper {
    Paper(
      name: "\(trimmed(width))x\(trimmed(height))\(unit.rawValue)",
      width: width, height: height, unit: unit)
  }

  /// ISO 216 A0, 841 × 1189 mm.
  public static let a0 = Paper(name: "a0", width: 841, height: 1189, unit: .mm)
  /// ISO 216 A1, 594 × 841 mm.
  public static let a1 = Paper(name: "a1", width: 594, height: 841, unit: .mm)
  /// ISO 216 A2, 420 × 594 mm.
  public static let a2 = Paper(name: "a2", width: 420, height: 594, unit: .mm)
  /// ISO 216 A3, 297 × 420 mm.
  public static let a3 = Paper(name: "a3", width: 297, height: 420, unit: .mm)
  /// ISO 216 A4, 210 × 297 mm.
  public static let a4 = Paper(name: "a4", width: 210, height: 297, unit: .mm)
  /// ISO 216 A5, 148 × 210 mm.
  public static let a5 = Paper(name: "a5", width: 148, height: 210, unit: .mm)
  /// ISO 216 A6, 105 × 148 mm.
  public static let a6 = Paper(name: "a6", width: 105, height: 148, unit: .mm)
  /// ISO 216 B0, 1000 × 1414 mm.
  public static let b0 = Paper(name: "b0", width: 1000, height: 1414, unit: .mm)
  /// ISO 216 B1, 707 × 1000 mm.
  public static let b1 = Paper(name: "b1", width: 707, height: 1000, unit: .mm)
  /// ISO 216 B2, 500 × 707 mm.
  public static let b2 = Paper(name: "b2", width: 500, height: 707, unit: .mm)
  /// ISO 216 B3, 353 × 500 mm.
  public static let b3 = Paper(name: "b3", width: 353, height: 500, unit: .mm)
  /// ISO 216 B4, 250 × 353 mm.
  public static let b4 = Paper(name: "b4", width: 250, height: 353, unit: .mm)
  /// ISO 216 B5, 176 × 250 mm.
  public static let b5 = Paper(name: "b5", width: 176, height: 250, unit: .mm)
  /// ISO 216 B6, 125 × 176 mm.
  public static let b6 = Paper(name: "b6", width: 125, height: 176, unit: .mm)
  /// US Letter, 8.5 × 11 in.
  public static let letter = Paper(name: "letter", width: 8.5, height: 11, unit: .inch)
  /// US Legal, 8.5 × 14 in.
  public static let legal = Paper(name: "legal", width: 8.5, height: 14, unit: .inch)
  /// US Tabloid, 11 × 17 in.
  public static let tabloid = Paper(name: "tabloid", width: 11, height: 17, unit: .inch)

  /// Every named size, in the order they are listed in messages.
  public static let named: [Paper] = [
    .a0, .a1, .a2, .a3, .a4, .a5, .a6, .b0, .b1, .b2, .b3, .b4, .b5, .b6,
    .letter, .legal, .tabloid,
  ]

  /// Parses a paper name (`a3`, `Letter`) or a custom size (`300x400mm`, `8.5x11in`).
  ///
  /// - Throws: ``ObscuraError/unknownPaper(_:valid:)`` listing the valid names.
  public init(named text: String) throws {
    let key = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let paper = Paper.named.first(where: { $0.name == key }) {
      self = paper
      return
    }
    if let custom = Paper.parseCustom(key) {
      guard custom.width > 0, custom.height > 0, custom.width.isFinite,
        custom.height.isFinite
      else {
        throw ObscuraError.invalidPaperSize(
          width: custom.width, height: custom.height, unit: custom.unit.rawValue)
      }
      self = custom
      return
    }
    throw ObscuraError.unknownPaper(text, valid: Paper.named.map { $0.name })
  }

  /// Parses `<width>x<height><unit>`, e.g. `300x400mm`.
  private static func parseCustom(_ text: String) -> Paper? {
    guard let unit = Unit.allCases.first(where: { text.hasSuffix($0.rawValue) }) else {
      return nil
    }
    let numbers = text.dropLast(unit.rawValue.count).split(
      separator: "x", omittingEmptySubsequences: false)
    guard numbers.count == 2,
      let width = Double(numbers[0].trimmingCharacters(in: .whitespaces)),
      let height = Double(numbers[1].trimmingCharacters(in: .whitespaces))
    else { return nil }
    return .custom(width: width, height: height, unit: unit)
  }
}

/// `12.0` as `12`, `8.5` as `8.5`.
private func trimmed(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
