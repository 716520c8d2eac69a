import Foundation

/// Everything that determines a generated image, as one canonical text.
///
/// The model file enters by path, modification time and size; the latent by
/// its seeds or the bit patterns of its numbers; then truncation psi and
/// cutoff, class, noise mode and seed, style mixing and a StyleGAN3 input
/// transform. Nothing about the
/// poster (titles, other layers, placement, DPI) is part of it, so editing a
/// title finds the same image.
struct GeneratedImageKey: Sendable, Hashable {
  /// Bumped when the cache file layout or the generation changes.
  static let version = 1

  /// The canonical description, one `name value` per line.
  let text: String

  /// The key of `image` rendered with `model`.
  init(_ image: GeneratedImage, model: ModelFile) {
    var lines = ["obscura-generated \(Self.version)"]
    lines.append("model \(model.path)")
    lines.append("modified \(model.modified.seconds).\(model.modified.nanoseconds)")
    lines.append("size \(model.byteCount)")
    lines.append("latent \(Self.describe(image.latent))")
    lines.append("psi \(Self.bits(image.psi))")
    lines.append("cutoff \(image.cutoff.map(String.init) ?? "none")")
    lines.append("class \(image.classIndex.map(String.init) ?? "none")")
    lines.append("noise \(image.noiseMode.rawValue) \(image.noiseSeed)")
    if let mix = image.mix {
      lines.append("mix seed \(mix.seed) crossover \(mix.crossover)")
    } else {
      lines.append("mix none")
    }
    if let transform = image.transform {
      let parts = [transform.translateX, transform.translateY, transform.rotateDegrees]
      lines.append("transform \(parts.map(Self.bits).joined(separator: " "))")
    } else {
      lines.append("transform none")
    }
    text = lines.joined(separator: "\n")
  }

  /// The file name in the disk cache: FNV-1a (64 bit) of the text, in hex.
  var fileName: String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01B3
    }
    return String(format: "%016llx", hash) + ".rgb"
  }

  private static func describe(_ latent: GeneratedLatent) -> String {
    switch latent {
    case .seed(let seed): return "seed(\(seed))"
    case .z(let values): return "z(\(values.map { bits(Double($0)) }.joined(separator: ",")))"
    case .w(let values): return "w(\(values.map { bits(Double($0)) }.joined(separator: ",")))"
    case .between(let a, let b, let t, let space):
      return "between(\(describe(a)),\(describe(b)),t=\(bits(t)),\(space.rawValue))"
    }
  }

  /// A number's exact bit pattern in hex, so 0.7 and 0.70000001 differ.
  private static func bits(_ value: Double) -> String { String(value.bitPattern, radix: 16) }
}
