/// `obscura info`: describe a StyleGAN checkpoint.
enum InfoCommand: Command {
  static let name = "info"
  static let summary = "Describe a StyleGAN checkpoint"
  static let usage = "usage: obscura info"

  static func run(_ arguments: inout Arguments) throws {
    throw UsageError("obscura info is not built yet")
  }
}
