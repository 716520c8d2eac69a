import Foundation

/// The project's own weight format: the generator's tensors under their
/// official names, and its configuration as JSON in the metadata.
extension Checkpoint {
  /// Metadata key of the configuration (``GeneratorConfig`` as JSON).
  static let configKey = "obscura.config"
  /// Metadata key of the network the tensors came from (`G_ema` or `G`).
  static let networkKey = "obscura.network"

  /// The checkpoint as safetensors bytes.
  ///
  /// - Parameter network: Recorded in the metadata when given.
  public func safetensorsBytes(network: Network? = nil) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    // Encoding plain numbers, strings and dicts cannot fail.
    let config = String(decoding: try! encoder.encode(config), as: UTF8.self)
    var metadata = ["format": "pt", Self.configKey: config]
    if let network { metadata[Self.networkKey] = network.rawValue }
    return SafetensorsFile(tensors: tensors, metadata: metadata).serialized()
  }

  /// Writes the checkpoint as a safetensors file, atomically: to a
  /// temporary file in the same folder, then renamed into place.
  ///
  /// - Returns: The number of bytes written.
  @discardableResult
  public func write(safetensors url: URL, network: Network? = nil) throws -> Int {
    let bytes = safetensorsBytes(network: network)
    let folder = url.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw StyleGANError.outputFolderMissing(file: url.path, folder: folder.path)
    }
    do {
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw StyleGANError.writeFailed(file: url.path, reason: error.localizedDescription)
    }
    return bytes.count
  }

  /// Reads a checkpoint written by ``write(safetensors:network:)``, and the
  /// network it records.
  static func read(safetensors bytes: [UInt8]) throws -> (Checkpoint, Network?) {
    let file = try SafetensorsFile(bytes: bytes)
    guard let json = file.metadata[configKey] else {
      throw CheckpointProblem.malformedSafetensors(
        detail: "its metadata has no '\(configKey)' (the generator's configuration); "
          + "convert the original .pkl with 'obscura convert'")
    }
    let config: GeneratorConfig
    do {
      config = try JSONDecoder().decode(GeneratorConfig.self, from: Data(json.utf8))
    } catch {
      throw CheckpointProblem.malformedSafetensors(
        detail: "its '\(configKey)' metadata is not a generator configuration")
    }
    let network = file.metadata[networkKey].flatMap(Network.init(rawValue:))
    return (Checkpoint(config: config, tensors: file.tensors), network)
  }
}
