/// `obscura watch`: re-render a sketch whenever it or its inputs change.
enum WatchCommand: Command {
  static let name = "watch"
  static let summary = "Re-render a sketch whenever it or its inputs change"
  static let usage = "usage: obscura watch"

  static func run(_ arguments: inout Arguments) throws {
    throw UsageError("obscura watch is not built yet")
  }
}
