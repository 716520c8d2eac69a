import Foundation
import Testing

@testable import StyleGAN

@Suite("StyleGAN3 full convolution")
struct StyleGAN3ConvolutionTests {
  @Test(
    "A single sample convolved with a 3 × 3 kernel gives the kernel, flipped",
    arguments: [
      StyleGAN3Convolution.Method.automatic, .im2col,
    ])
  func impulseResponse(method: StyleGAN3Convolution.Method) {
    let kernel: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    let y = StyleGAN3Convolution.full(
      [1], channels: 1, height: 1, width: 1, weight: kernel, outChannels: 1, kernel: 3,
      method: method)
    // y[v, u] = w[2 − v, 2 − u] (full padding, cross-correlation).
    let expected: [Float] = [9, 8, 7, 6, 5, 4, 3, 2, 1]
    #expect(y.count == 9)
    #expect(zip(y, expected).allSatisfy { abs($0 - $1) <= 1e-6 }, "\(y)")
  }

  @Test("A 1 × 1 kernel mixes channels per pixel")
  func pointwise() {
    // Two input channels [1, 2] and [3, 4]; outputs 1·a + 10·b and −a.
    let y = StyleGAN3Convolution.full(
      [1, 2, 3, 4], channels: 2, height: 1, width: 2, weight: [1, 10, -1, 0],
      outChannels: 2, kernel: 1)
    #expect(y == [31, 42, -1, -2])
  }

  /// Winograd's method against im2col with 512 input channels, as in the
  /// large layers, on a size that leaves partial tiles at the edges.
  @Test("Winograd F(2×2, 3×3) agrees with im2col on a 512-channel case")
  func winogradMatchesIm2col() {
    let (channels, outChannels, height, width) = (512, 6, 9, 14)
    let x = (0..<(channels * height * width)).map { Float(sin(Double($0) * 1.3)) }
    let weight = (0..<(outChannels * channels * 9)).map { Float(cos(Double($0) * 0.7)) / 48 }
    let fast = StyleGAN3Convolution.full(
      x, channels: channels, height: height, width: width, weight: weight,
      outChannels: outChannels, kernel: 3)
    let direct = StyleGAN3Convolution.full(
      x, channels: channels, height: height, width: width, weight: weight,
      outChannels: outChannels, kernel: 3, method: .im2col)
    #expect(fast.count == outChannels * (height + 2) * (width + 2))
    let scale = direct.map { abs($0) }.max() ?? 1
    let error = zip(fast, direct).map { abs($0 - $1) }.max() ?? 1
    #expect(error <= 1e-5 * scale, "max error \(error) against values up to \(scale)")
  }
}
