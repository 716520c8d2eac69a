/// `obscura new`: write a new sketch from a template.
enum NewCommand: Command {
  static let name = "new"
  static let summary = "Write a new sketch from a template"
  static let usage = "usage: obscura new"

  static func run(_ arguments: inout Arguments) throws {
    throw UsageError("obscura new is not built yet")
  }
}
