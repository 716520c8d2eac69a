import Foundation
import Obscura

/// `obscura fonts`: list the fonts sketches can use.
enum FontsCommand: Command {
  static let name = "fonts"
  static let summary = "List the fonts sketches can use"
  static let usage = """
    usage: obscura fonts [--bundled]

    Lists the font families a sketch can name in Font("…"), with their styles:
    first those bundled in Fonts/ (found without configuration), then the
    system's (used as fallback for scripts the bundled fonts lack).

    Options:
      --bundled   list only the bundled families
    """

  static func run(_ arguments: inout Arguments) throws {
    let bundledOnly = arguments.flag("bundled")
    try arguments.finish()
    let families = try Fonts.families()
    let bundled = families.filter { $0.isBundled }
    let system = families.filter { !$0.isBundled }

    print("Bundled (\(try Fonts.bundledDirectory())):")
    print(table(bundled))
    if !bundledOnly {
      print("\nSystem (\(system.count) families):")
      print(table(system))
    }
  }

  /// One entry per family: its name padded to a column, then its styles,
  /// wrapped to stay within `lineWidth` columns.
  private static func table(_ families: [FontFamily], lineWidth: Int = 96) -> String {
    guard !families.isEmpty else { return "  (none)" }
    let width = min(32, families.map { $0.name.count }.max() ?? 0) + 4
    let indent = String(repeating: " ", count: width)
    return families.map { family in
      var lines = ["  " + family.name.padding(toLength: width - 2, withPad: " ", startingAt: 0)]
      for (index, style) in family.styles.enumerated() {
        let piece = style + (index < family.styles.count - 1 ? "," : "")
        if lines[lines.count - 1].count + piece.count + 1 > lineWidth {
          lines.append(indent)
        } else if lines[lines.count - 1].count > width {
          lines[lines.count - 1] += " "
        }
        lines[lines.count - 1] += piece
      }
      return lines.joined(separator: "\n")
    }.joined(separator: "\n")
  }
}
