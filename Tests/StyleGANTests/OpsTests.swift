import Testing

@testable import StyleGAN

/// The reference's `[1, 3, 3, 1]` resampling filter as checkpoints store it:
/// the outer product with itself, divided by 64.
private let storedResampleFilter: Tensor = {
  let f: [Float] = [1, 3, 3, 1]
  return Tensor(shape: [4, 4], scalars: f.flatMap { a in f.map { a * $0 / 64 } })
}()

private func expectClose(
  _ actual: [Float], _ expected: [Float], tolerance: Float = 1e-6,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, sourceLocation: sourceLocation)
  let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
  #expect(worst <= tolerance, "got \(actual), expected \(expected)", sourceLocation: sourceLocation)
}

@Suite("Ops: modulated convolution, up-sampling FIR, bias and activation")
struct OpsTests {
  @Test("Modulated 3x3 convolution with demodulation matches the hand computation")
  func modulatedConvolutionDemodulated() {
    // Input channel 0 is all ones on every tap, channel 1 only at the centre
    // with 2. Styles 0.5 and 2 give w' = 0.5 (9 taps) and 4 (centre), so
    // Σ w'² = 9 · 0.25 + 16 = 18.25.
    var weight = Tensor(shape: [1, 2, 3, 3])
    for t in 0..<9 { weight.scalars[t] = 1 }
    weight.scalars[9 + 4] = 2
    let conv = ModulatedConv2D(weight: weight, demodulate: true, up: 1, filter: nil)
    let x = Tensor(shape: [2, 2, 2], scalars: [1, 2, 3, 4, 1, 0, 0, 1])

    // Every 3x3 window covers the whole 2x2 input: 0.5 · 10 = 5, plus
    // 4 · x1 on the diagonal.
    let y = conv.apply(x, styles: [0.5, 2])
    let d = 1 / Float(18.25 + 1e-8).squareRoot()
    #expect(y.shape == [1, 2, 2])
    expectClose(y.scalars, [9 * d, 5 * d, 5 * d, 9 * d])

    let plain = ModulatedConv2D(weight: weight, demodulate: false, up: 1, filter: nil)
    expectClose(plain.apply(x, styles: [0.5, 2]).scalars, [9, 5, 5, 9], tolerance: 1e-5)
  }

  @Test("Convolution is cross-correlation: a top-right tap reads x[r - 1, c + 1]")
  func convolutionOrientation() {
    var weight = Tensor(shape: [1, 1, 3, 3])
    weight.scalars[2] = 1
    let conv = ModulatedConv2D(weight: weight, demodulate: false, up: 1, filter: nil)
    let x = Tensor(shape: [1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
    expectClose(conv.apply(x, styles: [1]).scalars, [0, 0, 0, 2, 3, 0, 5, 6, 0])

    // Demodulation undoes the style's scale: 3 / sqrt(9 + 1e-8).
    let demodulated = ModulatedConv2D(weight: weight, demodulate: true, up: 1, filter: nil)
    expectClose(demodulated.apply(x, styles: [3]).scalars, [0, 0, 0, 2, 3, 0, 5, 6, 0])
  }

  @Test("The 1x1 path sums channels weighted by w · s")
  func pointwiseConvolution() {
    let weight = Tensor(shape: [2, 2, 1, 1], scalars: [1, 2, -1, 0.5])
    let conv = ModulatedConv2D(weight: weight, demodulate: false, up: 1, filter: nil)
    let x = Tensor(shape: [2, 1, 2], scalars: [1, 2, 3, 4])
    // Styles 2, 10: o0 = 2·x0 + 20·x1, o1 = -2·x0 + 5·x1.
    expectClose(conv.apply(x, styles: [2, 10]).scalars, [62, 84, 13, 16], tolerance: 1e-5)
  }

  @Test("The stored 4x4 resample filter factors into [1, 3, 3, 1] / 8 and its row sums")
  func filterFactoring() throws {
    let filter = try #require(FIRFilter(storedResampleFilter))
    expectClose(filter.horizontal, [0.125, 0.375, 0.375, 0.125])
    expectClose(filter.vertical, [0.125, 0.375, 0.375, 0.125])
    let notSeparable = Tensor(shape: [2, 2], scalars: [1, 0, 0, 1])
    #expect(FIRFilter(notSeparable) == nil)
  }

  @Test("upsample2d of a 1x2 row matches the hand-computed upfirdn2d values")
  func upsampleHandValues() throws {
    let filter = try #require(FIRFilter(storedResampleFilter))
    let x = Tensor(shape: [1, 1, 2], scalars: [1, 5])
    // Along the row: zeros inserted, padding (2, 1), flipped taps, gain 2:
    // [0.75, 2, 4, 3.75]; down the column the single row gives 0.75 twice.
    let y = UpFIRDn2D.upsample2x(x, filter: filter)
    #expect(y.shape == [1, 2, 4])
    expectClose(y.scalars, [0.5625, 1.5, 3, 2.8125, 0.5625, 1.5, 3, 2.8125])
  }

  @Test("upfirdn2d correlates with the flipped filter: taps [1, 0] read x[j + 1]")
  func filterIsFlipped() {
    let filter = FIRFilter(vertical: [1], horizontal: [1, 0])
    let x = Tensor(shape: [1, 1, 4], scalars: [1, 2, 3, 4])
    let padding = UpFIRDn2D.Padding(x0: 0, x1: 1, y0: 0, y1: 0)
    let y = UpFIRDn2D.apply(x, filter: filter, padding: padding)
    expectClose(y.scalars, [2, 3, 4, 0])
  }

  @Test("Negative padding crops before filtering")
  func negativePaddingCrops() {
    let filter = FIRFilter(vertical: [1], horizontal: [1])
    let x = Tensor(shape: [1, 1, 5], scalars: [1, 2, 3, 4, 5])
    let padding = UpFIRDn2D.Padding(x0: -1, x1: -2, y0: 0, y1: 0)
    expectClose(UpFIRDn2D.apply(x, filter: filter, padding: padding).scalars, [2, 3])
  }

  @Test("Up-sampling convolution: transposed conv scatters unflipped, then FIR with gain 4")
  func upsamplingConvolution() throws {
    let filter = try #require(FIRFilter(storedResampleFilter))
    var weight = Tensor(shape: [1, 1, 3, 3])
    weight.scalars[0] = 1
    let conv = ModulatedConv2D(weight: weight, demodulate: false, up: 2, filter: filter)
    // The 1x1 input scatters to the top-left of a 3x3 patch; the FIR with
    // padding (1, 1) and gain 4 spreads it as (0.75, 0.25) ⊗ (0.75, 0.25).
    let y = conv.apply(Tensor(shape: [1, 1, 1], scalars: [1]), styles: [1])
    #expect(y.shape == [1, 2, 2])
    expectClose(y.scalars, [0.5625, 0.1875, 0.1875, 0.0625])
  }

  @Test("Styles folded into the weight give the same up-sampling conv as scaled inputs")
  func foldedStylesMatchScaledInput() throws {
    // 2 inputs, 1 output, 3x3: the 18-value weight is smaller than the
    // 2 x 4 x 4 input, so the styles are folded into the weight; scaling
    // each input channel by hand with unit styles must give the same result.
    let filter = try #require(FIRFilter(storedResampleFilter))
    let weight = Tensor(shape: [1, 2, 3, 3], scalars: (0..<18).map { Float($0 % 5) - 2 })
    let conv = ModulatedConv2D(weight: weight, demodulate: true, up: 2, filter: filter)
    let x = Tensor(shape: [2, 4, 4], scalars: (0..<32).map { Float($0 % 7) / 3 - 1 })
    let styles: [Float] = [0.5, -3]
    let folded = conv.apply(x, styles: styles)

    let scaled = ModulatedConv2D.scaleChannels(x, by: styles)
    let plain = ModulatedConv2D(weight: weight, demodulate: false, up: 2, filter: filter)
    let d = conv.demodulationCoefficients(styles: styles)[0]
    let expected = plain.apply(scaled, styles: [1, 1]).scalars.map { $0 * d }
    #expect(folded.shape == [1, 8, 8])
    expectClose(folded.scalars, expected, tolerance: 1e-5)
  }

  @Test("Transposed convolution overlaps neighbouring patches by one column")
  func transposedOverlap() {
    // w[i=0, o=0] = 1..9 in the [O·k·k, I] layout; input [1, 2].
    let weight: [Float] = (1...9).map(Float.init)
    let x = Tensor(shape: [1, 1, 2], scalars: [1, 2])
    let y = weight.withUnsafeBufferPointer {
      TransposedConv2D.apply(x, weight: $0.baseAddress!, outChannels: 1, kernel: 3)
    }
    #expect(y.shape == [1, 3, 5])
    expectClose(
      y.scalars, [1, 2, 3 + 2, 4, 6, 4, 5, 6 + 8, 10, 12, 7, 8, 9 + 14, 16, 18])
  }

  @Test("Bias, noise, leaky ReLU, gain sqrt(2) and clamp apply in the reference's order")
  func biasActivationOrder() {
    var x = Tensor(shape: [2, 1, 2], scalars: [1, -1, 300, -3])
    BiasActivation.apply(
      &x, bias: [0.5, -1], noise: [0.25, -0.5], activation: .leakyReLU,
      gain: Float(2).squareRoot(), clamp: 256)
    let g = Float(2).squareRoot()
    expectClose(
      x.scalars, [1.75 * g, -0.2 * g, 256, -0.2 * 4.5 * g], tolerance: 1e-5)
  }
}
