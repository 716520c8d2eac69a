/// Problems building or running a StyleGAN3 generator.
///
/// FIXME: these cases belong in the module's one error type, `StyleGANError`,
/// which the checkpoint loader introduces; move them there when it lands.
public enum StyleGAN3Error: Error, Equatable, CustomStringConvertible {
  /// The configuration is of another family.
  case notStyleGAN3(family: String)
  /// A StyleGAN3 keyword argument's text is not a usable value.
  case invalidSetting(key: String, value: String)
  /// The settings do not describe a network the official constructor accepts.
  case invalidArchitecture(String)
  /// A tensor the network needs is absent.
  case missingTensor(name: String)
  /// A tensor has another shape than the configuration implies.
  case tensorShape(name: String, found: [Int], expected: [Int])
  /// A stored resampling filter is neither of the layouts the layer can use.
  case unknownFilterLayout(name: String, found: [Int], expected: String)
  /// The `ws` given to the synthesis network have the wrong shape.
  case wsShape(found: [Int], expected: [Int])

  /// A sentence naming the problem.
  public var description: String {
    switch self {
    case .notStyleGAN3(let family):
      return "the checkpoint holds a \(family) generator, not a StyleGAN3 one"
    case .invalidSetting(let key, let value):
      return "synthesis_kwargs.\(key) is \"\(value)\", which is not a usable value"
    case .invalidArchitecture(let reason):
      return "the StyleGAN3 configuration is not a valid network: \(reason)"
    case .missingTensor(let name):
      return "tensor \(name) is missing from the checkpoint"
    case .tensorShape(let name, let found, let expected):
      return "tensor \(name) has shape \(found), expected \(expected)"
    case .unknownFilterLayout(let name, let found, let expected):
      return "filter \(name) has shape \(found), an unknown filter layout; "
        + "this layer expects \(expected)"
    case .wsShape(let found, let expected):
      return "ws have shape \(found), expected \(expected) ([batch, num_ws, w_dim])"
    }
  }
}
