/// The layer stack a sketch fills.
public struct Poster {
  /// Creates an empty poster.
  public init() {}
}
