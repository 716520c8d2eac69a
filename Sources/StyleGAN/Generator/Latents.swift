import Foundation

/// Operations on latents: style mixing and interpolation.
public enum Latents {
  /// Style mixing: ws `[N, num_ws, w_dim]` taking the first `crossover`
  /// ws from `first` and the rest from `second`.
  public static func mixStyles(_ first: Tensor, _ second: Tensor, crossover: Int) throws
    -> Tensor
  {
    guard first.shape.count == 3, first.shape == second.shape else {
      throw StyleGANError.latentShape(
        what: "the second ws", actual: second.shape, expected: "\(first.shape)")
    }
    let (batch, numWs, wDim) = (first.shape[0], first.shape[1], first.shape[2])
    guard crossover >= 0, crossover <= numWs else {
      throw StyleGANError.crossoverOutOfRange(crossover: crossover, numWs: numWs)
    }
    var mixed = first
    for n in 0..<batch {
      let start = (n * numWs + crossover) * wDim
      let end = (n + 1) * numWs * wDim
      mixed.scalars.replaceSubrange(start..<end, with: second.scalars[start..<end])
    }
    return mixed
  }

  /// Linear interpolation `a + t · (b − a)`, the usual path in W.
  public static func lerp(_ a: Tensor, _ b: Tensor, t: Float) throws -> Tensor {
    guard a.shape == b.shape else {
      throw StyleGANError.latentShape(
        what: "the second latent", actual: b.shape,
        expected: "\(a.shape)")
    }
    return Tensor(shape: a.shape, scalars: zip(a.scalars, b.scalars).map { $0 + t * ($1 - $0) })
  }

  /// Spherical interpolation, the usual path in Z (Gaussian latents keep
  /// their norm): with `θ = arccos(â · b̂)`,
  /// `slerp(a, b, t) = (sin((1 − t)θ) · a + sin(tθ) · b) / sin θ`, falling
  /// back to ``lerp(_:_:t:)`` when `a` and `b` are (anti)parallel. Rows of a
  /// `[N, D]` tensor are interpolated separately.
  public static func slerp(_ a: Tensor, _ b: Tensor, t: Float) throws -> Tensor {
    guard a.shape == b.shape, let width = a.shape.last, width > 0 else {
      throw StyleGANError.latentShape(
        what: "the second latent", actual: b.shape,
        expected: "\(a.shape)")
    }
    var result = a
    for row in 0..<a.count / width {
      let range = row * width..<(row + 1) * width
      let (x, y) = (a.scalars[range].map(Double.init), b.scalars[range].map(Double.init))
      let normX = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
      let normY = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
      let dot = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } / max(normX * normY, .leastNormalMagnitude)
      let theta = acos(min(max(dot, -1), 1))
      let s = sin(theta)
      let (wa, wb): (Double, Double) =
        s < 1e-6
        ? (1 - Double(t), Double(t))
        : (sin((1 - Double(t)) * theta) / s, sin(Double(t) * theta) / s)
      for (offset, index) in range.enumerated() {
        result.scalars[index] = Float(wa * x[offset] + wb * y[offset])
      }
    }
    return result
  }
}
