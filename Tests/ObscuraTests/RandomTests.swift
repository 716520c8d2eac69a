import Testing

@testable import Obscura

@Suite("Seeded random numbers and noise")
struct RandomTests {
  @Test("xoshiro256** seeded by SplitMix64 matches the reference C implementation")
  func referenceSequence() {
    // Reference values: the published xoshiro256** and SplitMix64 algorithms
    // compiled as C, state seeded with four SplitMix64 outputs of 42.
    var random = SeededRandom(seed: 42)
    #expect(random.next() == 0x1578_0B2E_0C2E_C716)
    #expect(random.next() == 0x6104_D986_6D11_3A7E)
    #expect(random.next() == 0xAE17_5332_39E4_99A1)
    #expect(random.next() == 0xECB8_AD47_03B3_60A1)
  }

  @Test("Uniform, range, Gaussian, choice and shuffle are pinned for seed 7")
  func goldenValues() {
    var random = SeededRandom(seed: 7)
    let uniform = random.uniform()
    let ranged = random.uniform(10, 20)
    let integer = random.integer(in: 0..<100)
    let gaussian = random.gaussian(mean: 0, deviation: 1)
    let choice = random.choice(["a", "b", "c", "d"])
    let shuffled = random.shuffled(Array(0..<8))
    #expect(uniform == GoldenRandom.uniform)
    #expect(ranged == GoldenRandom.ranged)
    #expect(integer == GoldenRandom.integer)
    #expect(gaussian == GoldenRandom.gaussian)
    #expect(choice == GoldenRandom.choice)
    #expect(shuffled == GoldenRandom.shuffled)
  }

  @Test("Gaussian samples have mean 0 and deviation 1")
  func gaussianMoments() {
    var random = SeededRandom(seed: 11)
    let samples = (0..<20_000).map { _ in random.gaussian() }
    let mean = samples.reduce(0, +) / Double(samples.count)
    let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)
    #expect(abs(mean) < 0.03)
    #expect(abs(variance.squareRoot() - 1) < 0.03)
  }

  @Test("Noise is pinned for seed 5, zero on lattice points and smooth")
  func noise() {
    let noise = Noise(seed: 5)
    #expect(noise.value(3, 4) == 0)
    #expect(noise.value(1.5, 2.25) == GoldenRandom.noise2)
    #expect(noise.value(0.3, 0.6, 0.9) == GoldenRandom.noise3)
    #expect(noise.fractal(0.7, 1.9, octaves: 4) == GoldenRandom.fractal)
    // Smooth: nearby inputs, nearby outputs.
    #expect(abs(noise.value(1.5, 2.25) - noise.value(1.501, 2.25)) < 0.01)
    // Bounded.
    for i in 0..<500 {
      let v = noise.value(Double(i) * 0.173, Double(i) * 0.291)
      #expect(abs(v) <= 1.5)
    }
  }

  @Test("Different seeds give different noise fields; the same seed the same")
  func noiseSeeds() {
    #expect(Noise(seed: 1).value(0.5, 0.5) != Noise(seed: 2).value(0.5, 0.5))
    #expect(Noise(seed: 1).value(0.5, 0.5) == Noise(seed: 1).value(0.5, 0.5))
  }
}

/// Values produced by this implementation, pinned so a change shows up.
enum GoldenRandom {
  static let uniform = 0.7005764821796896
  static let ranged = 12.787512294737843
  static let integer = 83
  static let gaussian = -0.8809374067536248
  static let choice = "a"
  static let shuffled = [2, 0, 3, 1, 7, 6, 5, 4]
  static let noise2 = -0.5616409801464844
  static let noise3 = -0.2502365270028287
  static let fractal = 0.1572455264126608
}
