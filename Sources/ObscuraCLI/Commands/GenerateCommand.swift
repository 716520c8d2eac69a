/// `obscura generate`: write images from a StyleGAN model for a list of seeds.
enum GenerateCommand: Command {
  static let name = "generate"
  static let summary = "Write images from a StyleGAN model for a list of seeds"
  static let usage = "usage: obscura generate"

  static func run(_ arguments: inout Arguments) throws {
    throw UsageError("obscura generate is not built yet")
  }
}
