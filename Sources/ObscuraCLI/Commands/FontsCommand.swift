/// `obscura fonts`: list the fonts sketches can use.
enum FontsCommand: Command {
  static let name = "fonts"
  static let summary = "List the fonts sketches can use"
  static let usage = "usage: obscura fonts"

  static func run(_ arguments: inout Arguments) throws {
    throw UsageError("obscura fonts is not built yet")
  }
}
