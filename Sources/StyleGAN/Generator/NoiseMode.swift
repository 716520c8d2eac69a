/// Where the per-pixel noise of the synthesis layers comes from.
public enum NoiseMode: String, Sendable, CaseIterable, Codable {
  /// The noise stored in the checkpoint (`noise_const`): the same image every
  /// time, as the official scripts render by default.
  case const
  /// Fresh Gaussian noise from a seed.
  case random
  /// No noise.
  case none
}
