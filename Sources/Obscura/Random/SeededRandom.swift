import Foundation

/// A deterministic random number generator: xoshiro256** seeded through SplitMix64.
///
/// The same seed gives the same sequence on every machine and every run, so
/// a poster's randomness is reproducible from its seed. It conforms to
/// `RandomNumberGenerator`, so `Array.shuffled(using:)` and
/// `Double.random(in:using:)` accept it too.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// Creates a generator whose sequence is fixed by `seed`.
  ///
  /// The four state words are successive SplitMix64 outputs of `seed`:
  /// z = (s += 0x9E3779B97F4A7C15); z = (z ⊕ z≫30)·0xBF58476D1CE4E5B9;
  /// z = (z ⊕ z≫27)·0x94D049BB133111EB; z ⊕ z≫31.
  public init(seed: UInt64) {
    var s = seed
    func splitMix() -> UInt64 {
      s &+= 0x9E37_79B9_7F4A_7C15
      var z = s
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (splitMix(), splitMix(), splitMix(), splitMix())
  }

  /// The next 64 random bits (xoshiro256**: rotl(s1 · 5, 7) · 9).
  public mutating func next() -> UInt64 {
    let result = rotl(state.1 &* 5, 7) &* 9
    let t = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= t
    state.3 = rotl(state.3, 45)
    return result
  }

  /// A uniform number in 0 ..< 1 with 53 random bits.
  public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform number in `lower ..< upper`.
  public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
    lower + (upper - lower) * uniform()
  }

  /// A uniform number in `range`.
  public mutating func uniform(in range: ClosedRange<Double>) -> Double {
    uniform(range.lowerBound, range.upperBound)
  }

  /// A uniform integer in `range` (unbiased, by Lemire's multiply-and-reject).
  public mutating func integer(in range: Range<Int>) -> Int {
    precondition(!range.isEmpty, "SeededRandom.integer(in:) needs a non-empty range")
    let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound))
    return range.lowerBound &+ Int(truncatingIfNeeded: next(upperBound: span))
  }

  /// A uniform integer in `range`.
  public mutating func integer(in range: ClosedRange<Int>) -> Int {
    integer(in: range.lowerBound..<range.upperBound + 1)
  }

  /// True with probability `p`.
  public mutating func bool(_ p: Double = 0.5) -> Bool { uniform() < p }

  /// A normally distributed number (Marsaglia's polar method, one value per call):
  /// draw u, v uniform in (−1, 1) until s = u² + v² ∈ (0, 1), return
  /// mean + deviation · u · √(−2 ln s / s).
  public mutating func gaussian(mean: Double = 0, deviation: Double = 1) -> Double {
    while true {
      let u = 2 * uniform() - 1
      let v = 2 * uniform() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 { return mean + deviation * u * (-2 * log(s) / s).squareRoot() }
    }
  }

  /// A uniformly chosen element of `elements`, which must not be empty.
  public mutating func choice<C: Collection>(_ elements: C) -> C.Element {
    precondition(!elements.isEmpty, "SeededRandom.choice(_:) needs a non-empty collection")
    let offset = integer(in: 0..<elements.count)
    return elements[elements.index(elements.startIndex, offsetBy: offset)]
  }

  /// Shuffles `elements` in place (Fisher–Yates, last index first).
  public mutating func shuffle<T>(_ elements: inout [T]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, to: 0, by: -1) {
      elements.swapAt(i, integer(in: 0...i))
    }
  }

  /// A shuffled copy of `elements`.
  public mutating func shuffled<T>(_ elements: [T]) -> [T] {
    var copy = elements
    shuffle(&copy)
    return copy
  }

  /// An independent generator derived from this one's seed material and `stream`,
  /// without advancing this generator.
  public func fork(_ stream: UInt64) -> SeededRandom {
    SeededRandom(seed: state.0 ^ rotl(state.2, 17) ^ (stream &* 0xD1B5_4A32_D192_ED03))
  }
}

private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
