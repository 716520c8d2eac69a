import Foundation

/// Loading a checkpoint from a file, whichever format it is in.
extension Checkpoint {
  /// The file formats a checkpoint can come in.
  public enum Format: String, Sendable {
    /// An official training pickle (`network-snapshot-*.pkl`).
    case pickle
    /// The project's own weight format.
    case safetensors
  }

  /// Loads and validates a generator from an official `.pkl` or a
  /// `.safetensors` file, telling them apart by their content.
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - network: For a pickle, which network to take; `nil` takes `G_ema`.
  ///     A safetensors file holds one network; asking for another throws.
  /// - Throws: ``StyleGANError/checkpoint(file:_:)`` naming the problem.
  public static func load(contentsOf url: URL, network: Network? = nil) throws -> Checkpoint {
    let file = url.path
    do {
      let bytes = try readBytes(url)
      return try load(bytes: bytes, network: network)
    } catch let problem as CheckpointProblem {
      throw StyleGANError.checkpoint(file: file, problem)
    }
  }

  /// Loads and validates a generator from the bytes of a checkpoint file.
  ///
  /// - Throws: ``CheckpointProblem``.
  public static func load(bytes: [UInt8], network: Network? = nil) throws -> Checkpoint {
    let checkpoint: Checkpoint
    switch try format(of: bytes) {
    case .pickle:
      checkpoint = try read(pickle: bytes, network: network ?? .gEma)
    case .safetensors:
      let (loaded, stored) = try read(safetensors: bytes)
      if let network, let stored, network != stored {
        throw CheckpointProblem.missingNetwork(name: network.rawValue, available: [stored.rawValue])
      }
      checkpoint = loaded
    }
    try checkpoint.validate()
    return checkpoint
  }

  /// Tells the format from the first bytes, or says what the file looks like.
  public static func format(of bytes: [UInt8]) throws -> Format {
    if bytes.count >= 2, bytes[0] == 0x80, (2...5).contains(bytes[1]) {
      return .pickle
    }
    if bytes.count >= 9, bytes[8] == UInt8(ascii: "{") {
      var length: UInt64 = 0
      for index in 0..<8 { length |= UInt64(bytes[index]) << (8 * UInt64(index)) }
      if length >= 2, length <= UInt64(bytes.count - 8) { return .safetensors }
      if length >= 2 {
        throw CheckpointProblem.truncated(offset: bytes.count, reading: "the safetensors header")
      }
    }
    throw CheckpointProblem.notACheckpoint(looksLike: describe(bytes))
  }

  /// What a file that is not a checkpoint seems to be.
  private static func describe(_ bytes: [UInt8]) -> String {
    func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
    if bytes.isEmpty { return "an empty file" }
    if starts([0x50, 0x4B, 0x03, 0x04]) {
      return "a zip archive, such as a torch.save file or a bare state dict, "
        + "which does not record the generator's configuration"
    }
    if starts([0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
    if starts([0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
    if starts([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]) { return "a NumPy .npy array" }
    if starts(Array("%PDF".utf8)) { return "a PDF document" }
    if starts([0x80]) { return "a pickle of an unknown protocol" }
    if starts([0x28]) || starts([0x7D]) || starts([0x5D]) {
      return "an old (protocol 0 or 1) pickle, which official checkpoints never are"
    }
    let sample = bytes.prefix(512)
    if sample.allSatisfy({ $0 == 9 || $0 == 10 || $0 == 13 || (32..<127).contains($0) }) {
      return "a text file"
    }
    return "binary data of an unknown kind"
  }

  /// Reads the whole file.
  private static func readBytes(_ url: URL) throws -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw CheckpointProblem.fileNotFound
    }
    guard !isDirectory.boolValue else {
      throw CheckpointProblem.unreadable(reason: "it is a directory")
    }
    do {
      return [UInt8](try Data(contentsOf: url))
    } catch {
      throw CheckpointProblem.unreadable(reason: error.localizedDescription)
    }
  }
}
