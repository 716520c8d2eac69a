import Foundation

/// Where a generated image's ws come from.
///
///     .seed(85)                                  // z of seed 85, mapped
///     .z(myLatent)                               // a z of z_dim numbers, mapped
///     .w(styles)                                 // w_dim numbers for every ws, or num_ws · w_dim
///     .between(.seed(3), .seed(17), t: 0.4)      // lerp in W
///     .between(.seed(3), .seed(17), t: 0.4, in: .z)  // slerp in Z, then mapped
public indirect enum GeneratedLatent: Sendable, Hashable {
  /// The z that the official `generate.py` draws for the seed (0 … 2³² − 1).
  case seed(Int)
  /// An explicit z of `z_dim` numbers.
  case z([Float])
  /// An explicit w: `w_dim` numbers used for every ws, or `num_ws · w_dim`
  /// numbers, one w per synthesis input. Truncation does not apply.
  case w([Float])
  /// A point between two latents: `t` = 0 is the first, 1 the second.
  case between(GeneratedLatent, GeneratedLatent, t: Double, in: LatentSpace = .w)

  /// Every seed the latent names, for range checks.
  var seeds: [Int] {
    switch self {
    case .seed(let seed): return [seed]
    case .z, .w: return []
    case .between(let a, let b, _, _): return a.seeds + b.seeds
    }
  }

  /// A short description for layer names: `seed 85`, `seeds 3→17 at 0.40`.
  var summary: String {
    switch self {
    case .seed(let seed): return "seed \(seed)"
    case .z: return "explicit z"
    case .w: return "explicit w"
    case .between(.seed(let a), .seed(let b), let t, _):
      return "seeds \(a)→\(b) at \(String(format: "%.2f", t))"
    case .between(let a, let b, let t, _):
      return "\(a.summary) → \(b.summary) at \(String(format: "%.2f", t))"
    }
  }
}

/// The latent space an interpolation runs in.
public enum LatentSpace: String, Sendable, Hashable, CaseIterable {
  /// Linear interpolation of the mapped (and truncated) ws: the usual,
  /// smooth path, `w = w₀ + t · (w₁ − w₀)`.
  case w
  /// Spherical interpolation of the Gaussian z before mapping, which keeps
  /// the latent's norm: `slerp(z₀, z₁, t)`.
  case z
}
