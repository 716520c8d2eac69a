import Foundation

/// SplitMix64, a small fast generator for reproducible random weights and
/// test inputs (not for latents: those come from ``RandomState``).
struct SplitMix {
  /// The generator's whole state.
  var state: UInt64

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1).
  mutating func uniform() -> Float { Float(next() >> 40) / Float(1 << 24) }

  /// Uniform in 0 ..< bound.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A standard normal value by Box–Muller:
  /// √(−2 ln u) · cos(2π v) for uniform u in (0, 1], v in [0, 1).
  mutating func normal() -> Float {
    let u = max(Double(next() >> 11) / Double(1 << 53), 1e-300)
    let v = Double(next() >> 11) / Double(1 << 53)
    return Float((-2 * log(u)).squareRoot() * cos(2 * Double.pi * v))
  }
}
