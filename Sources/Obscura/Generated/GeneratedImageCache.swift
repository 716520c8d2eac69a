import Foundation

/// Generated images kept in memory and on disk, keyed by everything that
/// determines them (``GeneratedImageKey``).
///
/// `watch` renders each edit in a fresh worker process, so the disk copy is
/// what makes a title edit skip the generator (and even the model load).
/// Files are 8-bit RGB at the model's resolution behind a header that repeats
/// the key; they are written under a temporary name and renamed into place.
/// Disk trouble never fails a render: an unreadable entry is regenerated, an
/// unwritable folder only costs the next render the time to generate.
///
/// FIXME: nothing evicts old entries; the folder grows by one file per
/// distinct image (12 KB at 64 px, 3 MB at 1024 px) until it is deleted.
final class GeneratedImageCache: @unchecked Sendable {
  /// The cache every render uses, in ``defaultFolder``.
  static let shared = GeneratedImageCache(folder: defaultFolder, models: .shared)

  /// `$XDG_CACHE_HOME/obscura/generated`, else `~/.cache/obscura/generated`.
  static var defaultFolder: String {
    let environment = ProcessInfo.processInfo.environment
    if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
      return base + "/obscura/generated"
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.cache/obscura/generated"
  }

  /// The folder of cache files; `nil` keeps images in memory only.
  let folder: String?
  /// Where generators come from on a miss.
  let models: ModelStore

  private let lock = NSLock()
  private var memory: [GeneratedImageKey: RasterImage] = [:]
  private var memoryBytes = 0
  private var runs = 0

  /// How many images this cache had to generate (a test's witness).
  var generatorRuns: Int { lock.withLock { runs } }

  /// Creates a cache over `folder`.
  init(folder: String?, models: ModelStore) {
    self.folder = folder
    self.models = models
  }

  /// The image for `image`: from memory, else from disk, else generated
  /// (loading the model if needed) and stored in both.
  ///
  /// - Throws: ``GeneratedProblem``.
  func image(for image: GeneratedImage) throws -> RasterImage {
    try image.validate()
    let model = try image.model.locate(relativeTo: image.location.folder)
    let key = GeneratedImageKey(image, model: model)
    if let hit = lock.withLock({ memory[key] }) { return hit }
    if let stored = read(key) {
      remember(stored, key)
      return stored
    }
    let generator = try models.generator(for: model)
    let made = try image.generate(with: generator)
    lock.withLock { runs += 1 }
    remember(made, key)
    write(made, key)
    return made
  }

  private func remember(_ image: RasterImage, _ key: GeneratedImageKey) {
    lock.withLock {
      // 64 px images are 16 KB; keep at most 512 MB of larger ones.
      if memoryBytes + image.rgba.count > 512 << 20 {
        memory.removeAll()
        memoryBytes = 0
      }
      memory[key] = image
      memoryBytes += image.rgba.count
    }
  }

  // MARK: Disk

  /// The file header: the key text, then `width height 3`, each line ended by `\n`.
  private func header(_ key: GeneratedImageKey, width: Int, height: Int) -> [UInt8] {
    Array("\(key.text)\n\(width) \(height) 3\n".utf8)
  }

  private func read(_ key: GeneratedImageKey) -> RasterImage? {
    guard let folder,
      let data = FileManager.default.contents(atPath: folder + "/" + key.fileName)
    else { return nil }
    let bytes = [UInt8](data)
    let keyBytes = Array((key.text + "\n").utf8)
    guard bytes.count > keyBytes.count, Array(bytes[0..<keyBytes.count]) == keyBytes,
      let end = bytes[keyBytes.count...].firstIndex(of: UInt8(ascii: "\n"))
    else { return nil }
    let size = String(decoding: bytes[keyBytes.count..<end], as: UTF8.self)
      .split(separator: " ").compactMap { Int($0) }
    guard size.count == 3, size[2] == 3, size[0] > 0, size[1] > 0,
      bytes.count - (end + 1) == size[0] * size[1] * 3
    else { return nil }
    let pixels = size[0] * size[1]
    var rgba = [UInt8](repeating: 255, count: pixels * 4)
    for i in 0..<pixels {
      rgba[i * 4] = bytes[end + 1 + i * 3]
      rgba[i * 4 + 1] = bytes[end + 2 + i * 3]
      rgba[i * 4 + 2] = bytes[end + 3 + i * 3]
    }
    return try? RasterImage(width: size[0], height: size[1], rgba: rgba)
  }

  private func write(_ image: RasterImage, _ key: GeneratedImageKey) {
    guard let folder else { return }
    var bytes = header(key, width: image.width, height: image.height)
    bytes.reserveCapacity(bytes.count + image.width * image.height * 3)
    for i in 0..<image.width * image.height {
      bytes.append(contentsOf: image.rgba[i * 4..<i * 4 + 3])
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try AtomicFile.write(to: folder + "/" + key.fileName) { temporary in
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
          throw ObscuraError.writeFailed(path: temporary, reason: "it could not be created")
        }
      }
    } catch {
      // The cache is an optimisation: a render does not fail because of it.
    }
  }
}
