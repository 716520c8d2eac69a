/// Where a layer shows, taken from another layer.
public struct Mask {
  /// The layer whose pixels make the mask; it is rendered but not shown.
  public var source: Layer {
    get { storage[0] }
    set { storage = [newValue] }
  }
  /// Whether the mask is the source's alpha or its luminance.
  public var mode: MaskMode
  /// Whether to show the layer where the mask is empty instead.
  public var inverted: Bool
  private var storage: [Layer]  // an array lets a layer hold a layer

  /// Creates a mask from `source`.
  public init(_ source: Layer, mode: MaskMode = .alpha, inverted: Bool = false) {
    storage = [source]
    self.mode = mode
    self.inverted = inverted
  }
}

/// Which value of the mask layer decides coverage.
public enum MaskMode: String, Sendable, CaseIterable {
  /// Coverage is the mask layer's alpha.
  case alpha
  /// Coverage is the mask layer's Rec. 709 luma times its alpha:
  /// (0.2126 R + 0.7152 G + 0.0722 B) · α.
  case luminance
}
