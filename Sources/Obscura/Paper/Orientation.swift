/// Which way up the paper is.
public enum Orientation: String, Sendable, CaseIterable {
  /// The short side across, the long side down.
  case portrait
  /// The long side across, the short side down.
  case landscape
}
