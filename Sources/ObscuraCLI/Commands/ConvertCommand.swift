import Foundation
import StyleGAN

/// `obscura convert`: convert a checkpoint to safetensors.
enum ConvertCommand: Command {
  static let name = "convert"
  static let summary = "Convert a checkpoint to safetensors"
  static let usage = """
    usage: obscura convert IN OUT.safetensors [--network G_ema|G]

    Reads an official StyleGAN .pkl (or a .safetensors), checks it, and
    writes the generator's tensors under their official names with its
    configuration in the header metadata. The file is written to a
    temporary name and renamed into place. --network picks the network of a
    .pkl (default G_ema).
    """

  static func run(_ arguments: inout Arguments) throws {
    let network = try self.network(try arguments.value("network"))
    let paths = arguments.positionals()
    try arguments.finish()
    guard paths.count == 2 else {
      throw UsageError("convert needs IN and OUT, got \(paths.count) path(s)")
    }
    let input = try modelURL(paths[0])
    let output = URL(fileURLWithPath: paths[1])
    let checkpoint = try Checkpoint.load(contentsOf: input, network: network)
    let size = try checkpoint.write(safetensors: output, network: network ?? .gEma)
    let config = checkpoint.config
    Diagnostics.note(
      "wrote \(paths[1]) (\(megabytes(size)), \(config.family.displayName) "
        + "\(config.resolution) × \(config.resolution), \((network ?? .gEma).rawValue), "
        + "\(checkpoint.tensors.count) tensors, "
        + "\(InfoCommand.grouped(checkpoint.parameterCount)) parameters)")
  }

  /// Parses `--network`.
  static func network(_ value: String?) throws -> Checkpoint.Network? {
    guard let value else { return nil }
    guard let network = Checkpoint.Network(rawValue: value) else {
      throw UsageError("--network must be G_ema or G, not '\(value)'")
    }
    return network
  }

  /// A model argument as a file: a path, or `default` for the shipped model.
  static func modelURL(_ argument: String) throws -> URL {
    guard argument == "default" else { return URL(fileURLWithPath: argument) }
    return try DefaultModel.locate()
  }

  /// A byte count as `3.2 MB`.
  static func megabytes(_ bytes: Int) -> String {
    if bytes < 1_000_000 { return "\((bytes + 500) / 1000) kB" }
    let tenths = (bytes + 50_000) / 100_000
    return "\(tenths / 10).\(tenths % 10) MB"
  }
}
