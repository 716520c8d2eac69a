/// A fully connected layer with equalised learning rate, as the reference's
/// `FullyConnectedLayer`:
/// `y = f(x · (g_w · W)ᵀ + g_b · b)` with weight gain
/// `g_w = lr_multiplier / sqrt(in_features)` and bias gain
/// `g_b = lr_multiplier`, then the activation `f` with its default gain.
struct FullyConnectedLayer: Sendable {
  /// The weight, `[out, in]`.
  var weight: Tensor
  /// The bias, `out` values, already multiplied by the bias gain.
  var bias: [Float]
  /// `lr_multiplier / sqrt(in_features)`.
  var weightGain: Float
  /// The activation after the bias.
  var activation: Activation

  var inFeatures: Int { weight.shape[1] }
  var outFeatures: Int { weight.shape[0] }

  /// Reads `PREFIX.weight` and `PREFIX.bias`.
  init(
    _ lookup: TensorLookup, _ prefix: String, inFeatures: Int, outFeatures: Int,
    lrMultiplier: Float = 1, activation: Activation = .linear
  ) throws {
    weight = try lookup.tensor("\(prefix).weight", shape: [outFeatures, inFeatures])
    bias = try lookup.tensor("\(prefix).bias", shape: [outFeatures]).scalars
      .map { $0 * lrMultiplier }
    weightGain = lrMultiplier / Float(inFeatures).squareRoot()
    self.activation = activation
  }

  /// Applies the layer to one input vector.
  func apply(_ x: [Float]) -> [Float] {
    precondition(x.count == inFeatures, "\(x.count) inputs for \(inFeatures) features")
    var y = [Float](repeating: 0, count: outFeatures)
    weight.scalars.withUnsafeBufferPointer { w in
      x.withUnsafeBufferPointer { input in
        y.withUnsafeMutableBufferPointer { output in
          BLAS.sgemv(
            m: outFeatures, n: inFeatures, alpha: weightGain,
            a: w.baseAddress!, x: input.baseAddress!, y: output.baseAddress!)
        }
      }
    }
    let gain = activation.defaultGain
    for o in 0..<outFeatures {
      let v = y[o] + bias[o]
      switch activation {
      case .linear: y[o] = v
      case .leakyReLU: y[o] = (v < 0 ? 0.2 * v : v) * gain
      }
    }
    return y
  }
}
