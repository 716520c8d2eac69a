/// A separable 2-D low-pass filter `F[i][j] = vertical[i] · horizontal[j]`,
/// the form of the `resample_filter` buffers in StyleGAN2 checkpoints (the
/// outer product of `[1, 3, 3, 1]` with itself, normalised to sum 1).
struct FIRFilter: Sendable, Equatable {
  /// Taps applied down the columns.
  var vertical: [Float]
  /// Taps applied along the rows.
  var horizontal: [Float]

  /// Creates a filter from its two 1-D factors.
  init(vertical: [Float], horizontal: [Float]) {
    self.vertical = vertical
    self.horizontal = horizontal
  }

  /// Factors a stored 2-D filter `F` (`[fh, fw]`) or takes a 1-D one as
  /// `f ⊗ f`.
  ///
  /// With row sums `r`, column sums `c` and total `S`, a rank-one filter is
  /// `F[i][j] = r[i] · c[j] / S`; anything else is not separable and is
  /// refused (returns nil).
  init?(_ filter: Tensor) {
    if filter.shape.count == 1 {
      self.init(vertical: filter.scalars, horizontal: filter.scalars)
      return
    }
    guard filter.shape.count == 2, filter.count > 0 else {
      return nil
    }
    let (rows, columns) = (filter.shape[0], filter.shape[1])
    let f = filter.scalars
    var rowSums = [Float](repeating: 0, count: rows)
    var columnSums = [Float](repeating: 0, count: columns)
    for i in 0..<rows {
      for j in 0..<columns {
        rowSums[i] += f[i * columns + j]
        columnSums[j] += f[i * columns + j]
      }
    }
    let total = rowSums.reduce(0, +)
    let largest = f.map(abs).max() ?? 0
    guard total != 0 else {
      return nil
    }
    for i in 0..<rows {
      for j in 0..<columns
      where abs(f[i * columns + j] - rowSums[i] * columnSums[j] / total)
        > 1e-6 * largest
      {
        return nil
      }
    }
    self.init(vertical: rowSums, horizontal: columnSums.map { $0 / total })
  }
}
