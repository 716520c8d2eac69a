/// `obscura run`: render a sketch once and write its files.
enum RunCommand: Command {
  static let name = "run"
  static let summary = "Render a sketch once and write its files"
  static let usage = "usage: obscura run"

  static func run(_ arguments: inout Arguments) throws {
    throw UsageError("obscura run is not built yet")
  }
}
