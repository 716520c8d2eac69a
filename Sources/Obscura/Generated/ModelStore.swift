import Foundation
import StyleGAN

/// The generators loaded in this process, one per model file (path,
/// modification time and size), so every generated layer of a render, and
/// every render of a `watch` worker, loads a model once.
final class ModelStore: @unchecked Sendable {
  /// The store every render uses.
  static let shared = ModelStore()

  private let lock = NSLock()
  private var generators: [ModelFile: Generator] = [:]
  private var loadCount = 0

  /// How many model files this store has loaded (a test's witness that a
  /// cached image needed no model).
  var loads: Int { lock.withLock { loadCount } }

  /// The generator for `file`, loaded on first use.
  ///
  /// - Throws: ``GeneratedProblem/modelUnreadable(path:reason:)`` when the
  ///   file is not a checkpoint the engine can run.
  func generator(for file: ModelFile) throws -> Generator {
    lock.lock()
    defer { lock.unlock() }
    if let generator = generators[file] { return generator }
    let generator: Generator
    do {
      let checkpoint = try Checkpoint.load(contentsOf: URL(fileURLWithPath: file.path))
      generator = try Generator(checkpoint)
    } catch let error as StyleGANError {
      throw GeneratedProblem.modelUnreadable(path: file.given, reason: reason(error, file))
    } catch {
      throw GeneratedProblem.modelUnreadable(path: file.given, reason: "\(error)")
    }
    // A file replaced on disk replaces its older generator.
    generators = generators.filter { $0.key.path != file.path }
    generators[file] = generator
    loadCount += 1
    return generator
  }

  /// The engine's message without the absolute path it starts with.
  private func reason(_ error: StyleGANError, _ file: ModelFile) -> String {
    let text = error.description
    let prefix = file.path + ": "
    return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
  }
}
