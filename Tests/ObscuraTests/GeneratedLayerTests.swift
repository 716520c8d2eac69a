import Foundation
import StyleGAN
import Testing

@testable import Obscura

/// The generated layer's provider, its cache and its messages, on the
/// bundled default model (64 × 64, 10 ws, unconditional).
@Suite("Generated layers")
struct GeneratedLayerTests {
  /// A cache in a fresh folder with its own model store, so counts start at 0.
  final class IsolatedCache {
    let folder: String
    let models = ModelStore()
    let cache: GeneratedImageCache

    init() {
      folder = NSTemporaryDirectory() + "obscura-generated-\(UUID().uuidString.prefix(8))"
      cache = GeneratedImageCache(folder: folder, models: models)
    }

    /// Another process's view of the same folder: empty memory, no models.
    func reopened() -> GeneratedImageCache {
      GeneratedImageCache(folder: folder, models: ModelStore())
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
  }

  private func provider(_ layer: Layer) throws -> GeneratedImage {
    guard case .raster(let provider, _) = layer.content,
      let image = provider as? GeneratedImage
    else { throw ObscuraError.rasterProviderFailed(layer: layer.name, reason: "not generated") }
    return image
  }

  private func defaultModel() throws -> ModelFile {
    try GeneratedModel.default.locate(relativeTo: ".")
  }

  // MARK: Cache keys

  @Test("changing psi changes the cache key")
  func psiChangesKey() throws {
    let model = try defaultModel()
    let a = GeneratedImageKey(try provider(.generated(seed: 85, psi: 0.7)), model: model)
    let b = GeneratedImageKey(try provider(.generated(seed: 85, psi: 0.75)), model: model)
    #expect(a != b)
    #expect(a.fileName != b.fileName)
  }

  @Test("seed, cutoff, class, noise and mixing each change the key")
  func everyInputChangesKey() throws {
    let model = try defaultModel()
    let layers: [Layer] = [
      .generated(seed: 85, psi: 0.7), .generated(seed: 86, psi: 0.7),
      .generated(seed: 85, psi: 0.7, cutoff: 4), .generated(seed: 85, psi: 0.7, classIndex: 1),
      .generated(seed: 85, psi: 0.7, noiseMode: .none),
      .generated(seed: 85, psi: 0.7, noiseMode: .random, noiseSeed: 2),
      .generated(seed: 85, psi: 0.7, mix: (seed: 3, crossover: 4)),
      .generated(between: (85, 3), t: 0.5, psi: 0.7),
      .generated(between: (85, 3), t: 0.5, space: .z, psi: 0.7),
    ]
    let keys = try layers.map { GeneratedImageKey(try provider($0), model: model).text }
    #expect(Set(keys).count == keys.count)
  }

  @Test("a title edit keeps the key: placement, blend and other layers are not in it")
  func titleDoesNotChangeKey() throws {
    let settings = Settings(paper: .a6, dpi: 24)
    var first = try Poster(settings: settings, seed: 1)
    first.add(.generated(seed: 85, psi: 0.7))
    first.add(.title("Not today"))
    var second = try Poster(settings: settings, seed: 1)
    second.add(
      .generated(
        seed: 85, psi: 0.7, fit: .contain, anchor: .top, blend: .multiply,
        opacity: 0.5))
    second.add(.title("Not today, not ever", size: 40))
    let model = try defaultModel()
    let a = GeneratedImageKey(try provider(first.layers[0]), model: model)
    let b = GeneratedImageKey(try provider(second.layers[0]), model: model)
    #expect(a == b)
  }

  // MARK: Generating and caching

  @Test("the image is the model's 64 × 64 opaque output, generated once, then read from disk")
  func cachedInMemoryAndOnDisk() throws {
    let isolated = IsolatedCache()
    let image = try provider(.generated(seed: 0, psi: 0.7))
    let made = try isolated.cache.image(for: image)
    #expect(made.width == 64 && made.height == 64)
    #expect(stride(from: 3, to: made.rgba.count, by: 4).allSatisfy { made.rgba[$0] == 255 })
    #expect(isolated.cache.generatorRuns == 1 && isolated.models.loads == 1)

    // Same process: from memory.
    #expect(try isolated.cache.image(for: image) == made)
    #expect(isolated.cache.generatorRuns == 1)

    // A new process (a watch worker): from disk, without loading the model.
    let reopened = isolated.reopened()
    #expect(try reopened.image(for: image) == made)
    #expect(reopened.generatorRuns == 0 && reopened.models.loads == 0)

    // One cache file, whose header repeats the key.
    let files = try FileManager.default.contentsOfDirectory(atPath: isolated.folder)
      .filter { $0.hasSuffix(".rgb") }
    #expect(files.count == 1)
  }

  @Test("the pixels are the engine's official 8-bit conversion of the seed's image")
  func pixelsMatchEngine() throws {
    let isolated = IsolatedCache()
    let made = try isolated.cache.image(for: try provider(.generated(seed: 10, psi: 0.7)))
    let generator = try isolated.models.generator(for: try defaultModel())
    let rgb = RGBImage(try generator.generate(seed: 10, truncationPsi: 0.7))
    for i in 0..<64 * 64 {
      #expect(Array(made.rgba[i * 4..<i * 4 + 3]) == Array(rgb.bytes[i * 3..<i * 3 + 3]))
    }
  }

  @Test("interpolation ends at its seeds; mixing at crossover 0 is the other seed")
  func interpolationAndMixingEnds() throws {
    let cache = IsolatedCache().cache
    let three = try cache.image(for: try provider(.generated(seed: 3, psi: 0.7)))
    let atZero = try cache.image(for: try provider(.generated(between: (3, 17), t: 0, psi: 0.7)))
    #expect(atZero == three)
    let slerpZero = try cache.image(
      for: try provider(.generated(between: (3, 17), t: 0, space: .z, psi: 0.7)))
    #expect(maxDifference(slerpZero, three) <= 1)

    let seventeen = try cache.image(for: try provider(.generated(seed: 17, psi: 0.7)))
    let mixedAll = try cache.image(
      for: try provider(.generated(seed: 3, psi: 0.7, mix: (seed: 17, crossover: 0))))
    #expect(mixedAll == seventeen)
    let mixedNone = try cache.image(
      for: try provider(.generated(seed: 3, psi: 0.7, mix: (seed: 17, crossover: 10))))
    #expect(mixedNone == three)
    let halfway = try cache.image(
      for: try provider(.generated(between: (3, 17), t: 0.5, psi: 0.7)))
    #expect(maxDifference(halfway, three) > 16 && maxDifference(halfway, seventeen) > 16)
  }

  @Test("a model file replaced on disk is a new key")
  func modelModificationChangesKey() throws {
    let folder = NSTemporaryDirectory() + "obscura-model-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let copy = folder + "/copy.safetensors"
    try FileManager.default.copyItem(atPath: try defaultModel().path, toPath: copy)
    let image = try provider(.generated(model: .file(copy), seed: 1))
    let before = GeneratedImageKey(image, model: try ModelFile(path: copy, given: copy))
    var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
    #expect(utimensat(AT_FDCWD, copy, &times, 0) == 0)
    let after = GeneratedImageKey(image, model: try ModelFile(path: copy, given: copy))
    #expect(before != after)
  }

  // MARK: On the poster

  @Test("strokes masked by a generated layer's luminance show only where the image is bright")
  func luminanceMaskOfDrawing() throws {
    // A 64 × 64 px poster (1 unit = 1 px) so the generated image lands 1:1.
    let settings = Settings(
      paper: .custom(width: 64, height: 64, unit: .px), unit: .px, dpi: 72, background: .black)
    var poster = try Poster(settings: settings, seed: 1)
    poster.add(
      .drawing("White") { ctx in ctx.fill(ctx.bounds, .white) }
        .masked(by: .generated(seed: 10, psi: 0.7, fit: .stretch), .luminance))
    let composite = try Renderer.rasterize(poster)
    let image = try IsolatedCache().cache.image(for: try provider(.generated(seed: 10, psi: 0.7)))
    // Each output grey level is the image's Rec. 709 luma there, within rounding.
    var worst = 0.0
    for i in stride(from: 0, to: 64 * 64, by: 7) {
      let luma =
        0.2126 * Double(image.rgba[i * 4]) + 0.7152 * Double(image.rgba[i * 4 + 1])
        + 0.0722 * Double(image.rgba[i * 4 + 2])
      worst = max(worst, abs(Double(composite.rgba[i * 4]) - luma))
    }
    #expect(worst <= 3, "largest difference from the luma: \(worst)")
  }

  @Test("a generated layer masked by strokes shows the image only inside them")
  func generatedMaskedByStrokes() throws {
    let settings = Settings(
      paper: .custom(width: 64, height: 64, unit: .px), unit: .px, dpi: 72, background: nil)
    var poster = try Poster(settings: settings, seed: 1)
    poster.add(
      .generated(seed: 10, psi: 0.7, fit: .stretch)
        .masked(
          by: .drawing("Band") { ctx in ctx.fill(Rect(x: 0, y: 16, width: 64, height: 8), .white) })
    )
    let composite = try Renderer.rasterize(poster)
    let image = try IsolatedCache().cache.image(for: try provider(.generated(seed: 10, psi: 0.7)))
    for y in [2, 15, 24, 40, 63] {
      #expect(composite.rgba[(y * 64 + 30) * 4 + 3] == 0, "row \(y) is outside the band")
    }
    for y in 17..<23 {
      let i = (y * 64 + 30) * 4
      #expect(composite.rgba[i + 3] == 255)
      #expect(abs(Int(composite.rgba[i]) - Int(image.rgba[i])) <= 2)
    }
  }

  // MARK: Frames and mirroring

  @Test("a framed strip is the matching part of the whole framed image, moved with the frame")
  func framedStripMatchesWhole() throws {
    let image = try grey16()
    let frame = Rect(x: 0, y: 0, width: 64, height: 64)
    var provider = try provider(.generated(seed: 0, frame: frame, in: frame))
    provider.frame = frame
    func request(_ rect: Rect) -> RasterRequest {
      // 4 pixels per unit.
      RasterRequest(
        rect: rect, pixelWidth: Int(rect.width * 4),
        pixelHeight: Int(rect.height * 4), dpi: 101.6)
    }
    let whole = try provider.framed(image, frame: frame, for: request(frame))
    let stripRect = Rect(x: 20, y: 0, width: 8, height: 64)
    let strip = try provider.framed(image, frame: frame, for: request(stripRect))
    #expect(strip.width == 32 && strip.height == 256)
    for y in stride(from: 0, to: 256, by: 17) {
      for x in 0..<32 {
        #expect(strip.rgba[(y * 32 + x) * 4] == whole.rgba[(y * 256 + 80 + x) * 4])
      }
    }
    // A frame moved down by 8 units shows the same pixels 32 rows lower;
    // the uncovered top of the rectangle stays transparent.
    let moved = Rect(x: 0, y: 8, width: 64, height: 64)
    let shifted = try provider.framed(image, frame: moved, for: request(stripRect))
    #expect(shifted.rgba[3] == 0 && shifted.rgba[(31 * 32) * 4 + 3] == 0)
    for y in 32..<256 {
      #expect(shifted.rgba[(y * 32) * 4] == strip.rgba[((y - 32) * 32) * 4])
    }
  }

  @Test("mirroring turns the image upside down")
  func mirroring() throws {
    let image = try grey16()
    let flipped = image.flippedVertically()
    for y in 0..<16 {
      for x in 0..<16 {
        #expect(flipped.rgba[(y * 16 + x) * 4] == image.rgba[((15 - y) * 16 + x) * 4])
      }
    }
    #expect(flipped.flippedVertically() == image)
  }

  /// A 16 × 16 opaque grey image whose level rises along x and y.
  private func grey16() throws -> RasterImage {
    var bytes = [UInt8](repeating: 255, count: 16 * 16 * 4)
    for y in 0..<16 {
      for x in 0..<16 {
        let v = UInt8(x * 9 + y * 6)
        bytes.replaceSubrange((y * 16 + x) * 4..<(y * 16 + x) * 4 + 3, with: [v, v, v])
      }
    }
    return try RasterImage(width: 16, height: 16, rgba: bytes)
  }

  // MARK: Bad input

  /// The message a layer's image fails with, built from `layer`.
  private func failure(_ layer: Layer) throws -> String {
    let image = try provider(layer)
    let request = RasterRequest(
      rect: Rect(x: 0, y: 0, width: 10, height: 10), pixelWidth: 10, pixelHeight: 10, dpi: 72)
    do {
      _ = try image.makeImage(for: request)
    } catch let error as ObscuraError {
      return error.description
    }
    Issue.record("no error")
    return ""
  }

  @Test("a missing model names the layer, the sketch line and the resolved path")
  func missingModel() throws {
    let line = #line + 1
    let message = try failure(.generated(model: .file("models/nothing.pkl"), seed: 3))
    #expect(message.hasPrefix("GeneratedLayerTests.swift:\(line): generated layer "))
    #expect(message.contains("'Generated seed 3'"))
    #expect(message.contains("models/nothing.pkl does not exist"))
    // Relative to the folder of the file that built the layer.
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    #expect(message.contains(folder + "/models/nothing.pkl"))
  }

  @Test("a file that is not a model says so")
  func notAModel() throws {
    let path = NSTemporaryDirectory() + "obscura-not-a-model-\(getpid()).pkl"
    try "not a pickle".write(toFile: path, atomically: true, encoding: .utf8)
    defer { unlink(path) }
    let message = try failure(.generated(model: .file(path), seed: 3, name: "Sky"))
    #expect(message.contains("generated layer 'Sky': \(path) is not a model Obscura can load"))
  }

  @Test("seeds outside 0 … 2³² − 1 are refused, also in mixing and interpolation")
  func seedsOutOfRange() throws {
    #expect(try failure(.generated(seed: -1)).contains("seed -1 is out of range"))
    #expect(try failure(.generated(seed: 4_294_967_296)).contains("seed 4294967296 is out"))
    #expect(try failure(.generated(between: (3, -7), t: 0.2)).contains("seed -7 is out"))
    #expect(
      try failure(.generated(seed: 1, mix: (seed: -2, crossover: 3))).contains("seed -2 is out"))
  }

  @Test("a class for an unconditional model, psi not finite, a bad crossover")
  func badGeneratorInputs() throws {
    #expect(try failure(.generated(seed: 1, classIndex: 2)).contains("model is unconditional"))
    #expect(try failure(.generated(seed: 1, psi: .nan)).contains("psi is nan"))
    #expect(
      try failure(.generated(seed: 1, mix: (seed: 2, crossover: 11)))
        .contains("crossover 11 is outside 0 to 10"))
    #expect(
      try failure(.generated(latent: .z([1, 2, 3]))).contains("explicit z has 3 numbers"))
    #expect(
      try failure(
        .generated(
          latent: .between(
            .w([Float](repeating: 0, count: 128)), .seed(1),
            t: 0.5, in: .z))
      ).contains("interpolating in Z needs"))
  }

  @Test("a conditional model needs a class, and takes one in range")
  func conditionalModel() throws {
    let model = GeneratedModel.file(try sharedFixture("sg2-cond16.pkl"))
    #expect(
      try failure(.generated(model: model, seed: 1))
        .contains("the model is conditional with 3 classes; pass classIndex: 0 to 2"))
    #expect(
      try failure(.generated(model: model, seed: 1, classIndex: 3))
        .contains("classIndex 3 is out of range; the model has classes 0 to 2"))
    let cache = IsolatedCache().cache
    let three = try cache.image(
      for: try provider(
        .generated(
          model: model, seed: 1,
          classIndex: 1)))
    let four = try cache.image(
      for: try provider(
        .generated(
          model: model, seed: 1,
          classIndex: 2)))
    #expect(three.width == 16 && maxDifference(three, four) > 0)
  }

  @Test("a StyleGAN3 model's picture moves with translate, and the key changes")
  func styleGAN3Translate() throws {
    let model = GeneratedModel.file(try sharedFixture("sg3t-tiny32.pkl"))
    let still = try provider(.generated(model: model, seed: 0))
    let moved = try provider(.generated(model: model, seed: 0, translate: (x: 0.25, y: 0)))
    let turned = try provider(.generated(model: model, seed: 0, rotate: 30))
    let file = try model.locate(relativeTo: ".")
    let keys = [still, moved, turned].map { GeneratedImageKey($0, model: file) }
    #expect(Set(keys).count == 3)
    let cache = IsolatedCache().cache
    let a = try cache.image(for: still)
    let b = try cache.image(for: moved)
    let c = try cache.image(for: turned)
    // The fixture's random weights give a faint picture: compare with the
    // engine's own transformed output, and with the untransformed one.
    #expect(maxDifference(a, b) > 0 && maxDifference(a, c) > 0)
    let generator = try ModelStore().generator(for: file)
    let reference = RGBImage(
      try generator.generate(seed: 0, transform: InputTransform(translateX: 0.25)))
    for i in 0..<(b.width * b.height) {
      #expect(Array(b.rgba[i * 4..<i * 4 + 3]) == Array(reference.bytes[i * 3..<i * 3 + 3]))
    }
  }

  @Test("a zero-size target rectangle names the layer and line")
  func emptyRect() throws {
    let line = #line + 1
    let layer = Layer.generated(seed: 3, in: Rect(x: 10, y: 10, width: 0, height: 40))
    let message = try failure(layer)
    #expect(message.hasPrefix("GeneratedLayerTests.swift:\(line): "))
    #expect(message.contains("0.0 × 40.0, which has no area"))
    // The runtime is not asked to place an empty rectangle.
    guard case .raster(_, let placement) = layer.content else { return }
    #expect(placement.rect == nil)
  }
}

/// A checkpoint in `../shared/fixtures/stylegan/`, or a failure saying that
/// `../shared` is missing.
private func sharedFixture(_ name: String) throws -> String {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  let path = root.deletingLastPathComponent().appendingPathComponent(
    "shared/fixtures/stylegan/" + name
  ).path
  try #require(
    FileManager.default.fileExists(atPath: path),
    "\(path) is missing: these tests need ../shared/fixtures next to the repository")
  return path
}

/// The largest difference of any channel between two images of one size.
private func maxDifference(_ a: RasterImage, _ b: RasterImage) -> Int {
  zip(a.rgba, b.rgba).map { abs(Int($0) - Int($1)) }.max() ?? 0
}
