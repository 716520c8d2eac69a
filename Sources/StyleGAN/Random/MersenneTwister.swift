/// The 32-bit Mersenne Twister, MT19937, as Matsumoto and Nishimura define
/// it and as NumPy's legacy `RandomState` runs it.
///
/// Seeding follows `init_genrand`: `state[0] = seed` and
/// `state[k] = 1812433253 · (state[k−1] ⊕ (state[k−1] >> 30)) + k` (mod 2^32),
/// which is what `RandomState(seed)` does for an integer seed.
public struct MersenneTwister: Sendable {
  private static let stateCount = 624
  private static let shift = 397
  private static let matrixA: UInt32 = 0x9908_B0DF
  private static let upperMask: UInt32 = 0x8000_0000
  private static let lowerMask: UInt32 = 0x7FFF_FFFF

  private var state: [UInt32]
  private var index: Int

  /// Creates a generator seeded as `init_genrand(seed)` seeds it.
  public init(seed: UInt32) {
    var state = [UInt32](repeating: 0, count: Self.stateCount)
    state[0] = seed
    for k in 1..<Self.stateCount {
      let previous = state[k - 1]
      state[k] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(k)
    }
    self.state = state
    self.index = Self.stateCount
  }

  /// Returns the next tempered 32-bit output (`genrand_int32`).
  public mutating func next() -> UInt32 {
    if index >= Self.stateCount {
      twist()
    }
    var y = state[index]
    index += 1

    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  /// Regenerates the whole state block.
  private mutating func twist() {
    let n = Self.stateCount
    for k in 0..<n {
      let y = (state[k] & Self.upperMask) | (state[(k + 1) % n] & Self.lowerMask)
      var value = state[(k + Self.shift) % n] ^ (y >> 1)
      if y & 1 != 0 {
        value ^= Self.matrixA
      }
      state[k] = value
    }
    index = 0
  }
}
