/// `obscura convert`: convert a checkpoint to safetensors.
enum ConvertCommand: Command {
  static let name = "convert"
  static let summary = "Convert a checkpoint to safetensors"
  static let usage = "usage: obscura convert"

  static func run(_ arguments: inout Arguments) throws {
    throw UsageError("obscura convert is not built yet")
  }
}
