/// The paper, resolution, seed and parameters of a poster.
public struct Settings {
  /// Creates default settings.
  public init() {}
}
