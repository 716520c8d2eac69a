import Foundation

/// The source samples and weights behind every output sample of one axis.
///
/// Output sample i of a `target`-long axis sits at source position
/// c(i) = (i + ½) · s − ½ with s = source / target (pixel centres aligned).
/// Each output reads a fixed number of taps `width`; indices outside the
/// image are clamped to its edge (the edge pixel is repeated), and the
/// weights of one output sum to 1.
struct ResamplingTaps {
  /// Taps per output sample.
  let width: Int
  /// The length of the source axis.
  let sourceCount: Int
  /// For each output, the first source index it reads (may lie outside the image).
  let first: [Int32]
  /// `count · width` source indices `first + k`, clamped into the image.
  let indices: [Int32]
  /// `count · width` weights, each output's summing to 1.
  let weights: [Float]
  /// For each output, the source sample at or left of its position.
  let near0: [Int32]
  /// For each output, the source sample right of its position.
  let near1: [Int32]

  /// Lanczos-3 taps for outputs `offset ..< offset + count` of a
  /// `target`-long axis read from a `source`-long axis.
  ///
  /// The kernel L(x) = sinc(x) · sinc(x / 3) for |x| < 3, else 0, with
  /// sinc(x) = sin(πx) / (πx). When shrinking it is stretched by s so that
  /// it also low-passes: the weight of source sample j is L((j − c) / max(1, s)).
  init(lanczosFor count: Int, offset: Int, target: Int, source: Int) {
    let scale = Double(source) / Double(target)
    let stretch = max(1, scale)
    let support = 3 * stretch
    let width = Int((2 * support).rounded(.up)) + 1
    var firsts = [Int32](repeating: 0, count: count)
    var indices = [Int32](repeating: 0, count: count * width)
    var weights = [Float](repeating: 0, count: count * width)
    var near0 = [Int32](repeating: 0, count: count)
    var near1 = [Int32](repeating: 0, count: count)
    for i in 0..<count {
      let center = (Double(offset + i) + 0.5) * scale - 0.5
      let first = Int((center - support).rounded(.down)) + 1
      firsts[i] = Int32(clamping: first)
      var row = [Double](repeating: 0, count: width)
      var total = 0.0
      for k in 0..<width {
        let value = Self.lanczos3((Double(first + k) - center) / stretch)
        row[k] = value
        total += value
      }
      for k in 0..<width {
        indices[i * width + k] = Int32(clamping: clampIndex(first + k, source))
        weights[i * width + k] = Float(row[k] / total)
      }
      let left = Int(center.rounded(.down))
      near0[i] = Int32(clamping: clampIndex(left, source))
      near1[i] = Int32(clamping: clampIndex(left + 1, source))
    }
    self.width = width
    sourceCount = source
    first = firsts
    self.indices = indices
    self.weights = weights
    self.near0 = near0
    self.near1 = near1
  }

  /// Nearest-neighbour taps: output i reads source ⌊(i + ½) · s⌋, one tap of weight 1.
  init(nearestFor count: Int, offset: Int, target: Int, source: Int) {
    let scale = Double(source) / Double(target)
    let picks = (0..<count).map { i in
      Int32(clamping: clampIndex(Int(((Double(offset + i) + 0.5) * scale).rounded(.down)), source))
    }
    width = 1
    sourceCount = source
    first = picks
    indices = picks
    weights = [Float](repeating: 1, count: count)
    near0 = picks
    near1 = picks
  }

  /// L(x) = sinc(x) · sinc(x / 3) = 3 sin(πx) sin(πx / 3) / (πx)² inside |x| < 3, else 0.
  static func lanczos3(_ x: Double) -> Double {
    if x == 0 { return 1 }
    guard abs(x) < 3 else { return 0 }
    let px = Double.pi * x
    return 3 * sin(px) * sin(px / 3) / (px * px)
  }

  /// How far the taps reach past the image's left and right (or top and
  /// bottom) edges, in samples.
  var overhang: (before: Int, after: Int) {
    let low = first.min().map(Int.init) ?? 0
    let high = (first.max().map(Int.init) ?? 0) + width - 1
    return (max(0, -low), max(0, high - (sourceCount - 1)))
  }

  /// The lowest and highest source index any tap reads.
  var sourceRange: ClosedRange<Int> {
    let low = indices.min().map(Int.init) ?? 0
    let high = indices.max().map(Int.init) ?? 0
    return min(low, Int(near0.min() ?? 0))...max(high, Int(near1.max() ?? 0))
  }
}

/// `index` moved into `0 ..< count`.
func clampIndex(_ index: Int, _ count: Int) -> Int { min(max(index, 0), count - 1) }
