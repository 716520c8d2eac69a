import Foundation
import Testing

@testable import StyleGAN

@Suite("StyleGAN3 filtered leaky ReLU")
struct StyleGAN3FilteredLeakyReLUTests {
  @Test("Without filters: bias, leaky ReLU times √2, then the clamp")
  func biasActivationClamp() {
    let op = FilteredLeakyReLU(
      upFilter: nil, downFilter: nil, up: 1, down: 1, padding: [0, 0, 0, 0],
      gain: Float(2).squareRoot(), slope: 0.2, clamp: 256)
    let y = op([-1, 0.5, 300], channels: 1, height: 1, width: 3, bias: [0.5])
    let root2 = Float(2).squareRoot()
    #expect(y == [-0.5 * 0.2 * root2, root2, 256])
  }

  @Test("Up-sampling a single sample by 2 with [1/4, 1/2, 1/4]: the separable hand case")
  func upsampleHandCase() {
    // Per axis the filter carries the gain up = 2: [0.5, 1, 0.5]. The sample
    // 1 zero-inserted and padded by one is [0, 1, 0, 0]; filtered: [1, 0.5].
    let op = FilteredLeakyReLU(
      upFilter: [0.25, 0.5, 0.25], downFilter: nil, up: 2, down: 1, padding: [1, 1, 1, 1],
      gain: 1, slope: 0.2, clamp: nil)
    #expect(op.outputSize(height: 1, width: 1) == (2, 2))
    #expect(op([1], channels: 1, height: 1, width: 1, bias: [0]) == [1, 0.5, 0.5, 0.25])
    // A negative sample, with the bias added before up-sampling.
    #expect(
      op([-3], channels: 1, height: 1, width: 1, bias: [1]) == [-0.4, -0.2, -0.2, -0.1])
  }

  @Test("Matches the reference definition with real filters, cropping and clamping")
  func matchesReferenceDefinition() throws {
    let up = try #require(
      LowpassFilter.kaiser(numTaps: 12, cutoff: 4, width: 8, samplingRate: 32))
    let down = try #require(
      LowpassFilter.kaiser(numTaps: 12, cutoff: 4.7, width: 10, samplingRate: 32))
    let radial = try #require(
      LowpassFilter.radial(numTaps: 12, cutoff: 4.7, width: 10, samplingRate: 32))
    let (channels, height, width) = (3, 10, 13)
    let input = (0..<(channels * height * width)).map { Float(sin(Double($0) * 0.77)) * 2 }
    let bias: [Float] = [0.3, -0.2, 0.05]

    for (padding, clamp) in [([9, 8, 9, 8], Float?.none), ([-2, 9, 5, 7], Float(0.6))] {
      // A symmetric and a lopsided 1-D filter (the two summation paths), and
      // the radial one.
      let lopsided = down.enumerated().map { $1 * (1 + 0.05 * Float($0)) }
      let filters: [FilteredLeakyReLU.DownFilter] = [
        .separable(down), .separable(lopsided), .radial(radial, taps: 12),
      ]
      for filter in filters {
        let op = FilteredLeakyReLU(
          upFilter: up, downFilter: filter, up: 2, down: 2, padding: padding,
          gain: Float(2).squareRoot(), slope: 0.2, clamp: clamp)
        let fast = op(input, channels: channels, height: height, width: width, bias: bias)
        let reference = Self.reference(
          input, channels: channels, height: height, width: width, bias: bias, up: up,
          down: filter, padding: padding, clamp: clamp)
        #expect(fast.count == reference.count && !fast.isEmpty)
        let error = zip(fast, reference).map { abs($0 - $1) }.max() ?? 1
        #expect(error < 1e-5, "padding \(padding), clamp \(String(describing: clamp))")
      }
    }
  }

  /// The operation as the reference defines it, the slow way: zero-insert,
  /// pad or crop, 2-D convolution with the flipped filter (gain 4), leaky
  /// ReLU and clamp, 2-D convolution with the flipped down filter, keep
  /// every second sample. In Double.
  static func reference(
    _ input: [Float], channels: Int, height: Int, width: Int, bias: [Float], up upTaps: [Float],
    down: FilteredLeakyReLU.DownFilter, padding: [Int], clamp: Float?
  ) -> [Float] {
    let factor = 2
    let n = upTaps.count
    let upFilter2D = (0..<(n * n)).map { Double(upTaps[$0 / n] * upTaps[$0 % n]) * 4 }
    let downFilter2D: [Double]
    let m: Int
    switch down {
    case .separable(let taps):
      m = taps.count
      downFilter2D = (0..<(m * m)).map { Double(taps[$0 / m] * taps[$0 % m]) }
    case .radial(let taps, let count):
      m = count
      downFilter2D = taps.map(Double.init)
    }
    var result: [Float] = []
    for c in 0..<channels {
      // Zero insertion, then padding (negative: cropping).
      let (uh, uw) = (height * factor, width * factor)
      let (ph, pw) = (uh + padding[2] + padding[3], uw + padding[0] + padding[1])
      var padded = [Double](repeating: 0, count: ph * pw)
      for y in 0..<ph {
        for x in 0..<pw {
          let (sy, sx) = (y - padding[2], x - padding[0])
          guard sy >= 0, sx >= 0, sy < uh, sx < uw, sy % factor == 0, sx % factor == 0
          else { continue }
          padded[y * pw + x] = Double(
            input[c * height * width + (sy / 2) * width + sx / 2] + bias[c])
        }
      }
      // Up-sampling FIR, activation, clamp.
      let (th, tw) = (ph - n + 1, pw - n + 1)
      var activated = [Double](repeating: 0, count: th * tw)
      for y in 0..<th {
        for x in 0..<tw {
          var sum = 0.0
          for i in 0..<n {
            for j in 0..<n {
              sum += upFilter2D[(n - 1 - i) * n + (n - 1 - j)] * padded[(y + i) * pw + x + j]
            }
          }
          var v = (sum < 0 ? sum * 0.2 : sum) * 2.0.squareRoot()
          if let clamp { v = min(max(v, -Double(clamp)), Double(clamp)) }
          activated[y * tw + x] = v
        }
      }
      // Down-sampling FIR at the kept positions.
      let (oh, ow) = ((th - m + 1 + 1) / 2, (tw - m + 1 + 1) / 2)
      for y in 0..<oh {
        for x in 0..<ow {
          var sum = 0.0
          for i in 0..<m {
            for j in 0..<m {
              sum +=
                downFilter2D[(m - 1 - i) * m + (m - 1 - j)]
                * activated[(y * 2 + i) * tw + x * 2 + j]
            }
          }
          result.append(Float(sum))
        }
      }
    }
    return result
  }
}
