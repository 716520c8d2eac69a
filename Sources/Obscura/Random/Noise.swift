import Foundation

/// Smooth seeded gradient noise in two and three dimensions, and its fractal sums.
///
/// This is Perlin's improved gradient noise: the lattice corners around a
/// point get pseudo-random gradients from a permutation of 0…255 shuffled by
/// the seed; each corner contributes `g · (p − corner)`, and the
/// contributions are blended with the quintic fade 6t⁵ − 15t⁴ + 10t³. Values
/// lie roughly in −1…1 and are 0 at lattice points. The same seed gives the
/// same field everywhere.
public struct Noise: Sendable {
  private let permutation: [UInt8]

  /// Creates the noise field fixed by `seed`.
  public init(seed: UInt64) {
    var random = SeededRandom(seed: seed ^ 0x6E6F_6973_6500_0000)
    let table = random.shuffled((0..<256).map { UInt8($0) })
    permutation = table + table
  }

  /// Noise at (x, y), about −1…1.
  public func value(_ x: Double, _ y: Double) -> Double {
    let (xf, yf) = (floor(x), floor(y))
    let (xi, yi) = (Int(xf) & 255, Int(yf) & 255)
    let (u, v) = (x - xf, y - yf)
    let (a, b) = (Int(permutation[xi]) + yi, Int(permutation[xi + 1]) + yi)
    let n00 = gradient2(permutation[a], u, v)
    let n10 = gradient2(permutation[b], u - 1, v)
    let n01 = gradient2(permutation[a + 1], u, v - 1)
    let n11 = gradient2(permutation[b + 1], u - 1, v - 1)
    let (fu, fv) = (fade(u), fade(v))
    return mix(mix(n00, n10, fu), mix(n01, n11, fu), fv)
  }

  /// Noise at (x, y, z), about −1…1; use z as time to animate a 2-D field.
  public func value(_ x: Double, _ y: Double, _ z: Double) -> Double {
    let (xf, yf, zf) = (floor(x), floor(y), floor(z))
    let (xi, yi, zi) = (Int(xf) & 255, Int(yf) & 255, Int(zf) & 255)
    let (u, v, w) = (x - xf, y - yf, z - zf)
    let p = permutation
    let a = Int(p[xi]) + yi
    let (aa, ab) = (Int(p[a]) + zi, Int(p[a + 1]) + zi)
    let b = Int(p[xi + 1]) + yi
    let (ba, bb) = (Int(p[b]) + zi, Int(p[b + 1]) + zi)
    let (fu, fv, fw) = (fade(u), fade(v), fade(w))
    let x1 = mix(gradient3(p[aa], u, v, w), gradient3(p[ba], u - 1, v, w), fu)
    let x2 = mix(gradient3(p[ab], u, v - 1, w), gradient3(p[bb], u - 1, v - 1, w), fu)
    let x3 = mix(
      gradient3(p[aa + 1], u, v, w - 1), gradient3(p[ba + 1], u - 1, v, w - 1), fu)
    let x4 = mix(
      gradient3(p[ab + 1], u, v - 1, w - 1), gradient3(p[bb + 1], u - 1, v - 1, w - 1), fu)
    return mix(mix(x1, x2, fv), mix(x3, x4, fv), fw)
  }

  /// Fractal sum of 2-D noise (fBm), normalised back to about −1…1:
  /// Σₖ gainᵏ · noise(lacunarityᵏ · p) / Σₖ gainᵏ for k = 0 ..< octaves.
  public func fractal(
    _ x: Double, _ y: Double, octaves: Int = 4, lacunarity: Double = 2, gain: Double = 0.5
  ) -> Double {
    var (sum, amplitude, frequency, total) = (0.0, 1.0, 1.0, 0.0)
    for octave in 0..<max(1, octaves) {
      let shift = Double(octave) * 19.19
      sum += amplitude * value(x * frequency + shift, y * frequency - shift)
      total += amplitude
      amplitude *= gain
      frequency *= lacunarity
    }
    return sum / total
  }

  /// Fractal sum of 3-D noise, normalised like ``fractal(_:_:octaves:lacunarity:gain:)``.
  public func fractal(
    _ x: Double, _ y: Double, _ z: Double, octaves: Int = 4, lacunarity: Double = 2,
    gain: Double = 0.5
  ) -> Double {
    var (sum, amplitude, frequency, total) = (0.0, 1.0, 1.0, 0.0)
    for octave in 0..<max(1, octaves) {
      let shift = Double(octave) * 19.19
      sum += amplitude * value(x * frequency + shift, y * frequency - shift, z * frequency)
      total += amplitude
      amplitude *= gain
      frequency *= lacunarity
    }
    return sum / total
  }
}

/// The quintic fade 6t⁵ − 15t⁴ + 10t³.
private func fade(_ t: Double) -> Double { t * t * t * (t * (t * 6 - 15) + 10) }

private func mix(_ a: Double, _ b: Double, _ t: Double) -> Double { a + (b - a) * t }

/// One of eight unit-ish 2-D gradients (axes and diagonals) dotted with (x, y).
private func gradient2(_ hash: UInt8, _ x: Double, _ y: Double) -> Double {
  switch hash & 7 {
  case 0: return x + y
  case 1: return -x + y
  case 2: return x - y
  case 3: return -x - y
  case 4: return x * 1.414_213_56
  case 5: return -x * 1.414_213_56
  case 6: return y * 1.414_213_56
  default: return -y * 1.414_213_56
  }
}

/// One of Perlin's twelve cube-edge gradients dotted with (x, y, z).
private func gradient3(_ hash: UInt8, _ x: Double, _ y: Double, _ z: Double) -> Double {
  let h = hash & 15
  let u = h < 8 ? x : y
  let v = h < 4 ? y : (h == 12 || h == 14 ? x : z)
  return ((h & 1) == 0 ? u : -u) + ((h & 2) == 0 ? v : -v)
}
