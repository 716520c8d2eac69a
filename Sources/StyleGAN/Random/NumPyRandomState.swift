import Foundation

/// The Gaussian and uniform draws of NumPy's legacy
/// `numpy.random.RandomState`, bit for bit.
///
/// The official StyleGAN scripts draw a latent as
/// `RandomState(seed).randn(1, z_dim)`; drawing the same sequence here gives
/// the same `z`, so a seed found with those scripts gives the same image.
///
/// - A uniform double (`random_sample`) takes two 32-bit outputs `a`, `b`:
///   `((a >> 5) · 2^26 + (b >> 6)) / 2^53`.
/// - A Gaussian (`gauss`) uses the polar method: draw
///   `x1 = 2u1 − 1`, `x2 = 2u2 − 1` until `0 < r² = x1² + x2² < 1`, then
///   `f = sqrt(−2 ln r² / r²)`; return `f · x2` and keep `f · x1` for the
///   next call.
public struct NumPyRandomState: Sendable {
  private var twister: MersenneTwister
  private var cachedGaussian: Double?

  /// Creates the state `RandomState(seed)` creates for an integer seed.
  public init(seed: UInt32) {
    twister = MersenneTwister(seed: seed)
    cachedGaussian = nil
  }

  /// The next raw 32-bit output of the Mersenne Twister.
  public mutating func nextUInt32() -> UInt32 {
    twister.next()
  }

  /// A uniform double in [0, 1) with 53 random bits (`random_sample`).
  public mutating func randomSample() -> Double {
    let a = Double(twister.next() >> 5)
    let b = Double(twister.next() >> 6)
    return (a * 67_108_864 + b) / 9_007_199_254_740_992
  }

  /// A standard normal double (`gauss`), polar method with the second value
  /// cached.
  public mutating func gaussian() -> Double {
    if let cached = cachedGaussian {
      cachedGaussian = nil
      return cached
    }
    var x1 = 0.0
    var x2 = 0.0
    var r2 = 0.0
    repeat {
      x1 = 2 * randomSample() - 1
      x2 = 2 * randomSample() - 1
      r2 = x1 * x1 + x2 * x2
    } while r2 >= 1 || r2 == 0
    let f = (-2 * log(r2) / r2).squareRoot()
    cachedGaussian = f * x1
    return f * x2
  }

  /// `count` standard normal doubles in the order `randn` returns them.
  public mutating func randn(_ count: Int) -> [Double] {
    (0..<count).map { _ in gaussian() }
  }
}
