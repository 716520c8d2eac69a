/// The tensors of a StyleGAN3 generator.
extension GeneratorConfig {
  /// The StyleGAN3 tensors whose shapes the loader checks, in network order,
  /// from the layer plan of ``StyleGAN3Architecture``:
  ///
  /// - `synthesis.input`: `weight [c0, c0]`, `affine` from w to 4 values
  ///   (rotation and translation), `transform [3, 3]`, `freqs [c0, 2]`,
  ///   `phases [c0]`;
  /// - each layer `L<i>_<size>_<channels>`: `weight [out, in, k, k]`,
  ///   `bias [out]`, `magnitude_ema []`, `affine` from w to `in` styles.
  ///
  /// The resampling filters (`up_filter`, `down_filter`) are left to the
  /// synthesis network, which tells 1-D separable from 2-D radial layouts
  /// and names an unknown one; so this list is not complete.
  func styleGAN3TensorShapes() throws -> [(name: String, shape: [Int])] {
    let architecture: StyleGAN3Architecture
    do {
      architecture = try StyleGAN3Architecture(settings: try StyleGAN3Settings(config: self))
    } catch {
      throw CheckpointProblem.invalidNetwork(reason: String(describing: error))
    }
    var shapes = mappingTensorShapes
    let input = architecture.input.channels
    shapes += [
      ("synthesis.input.weight", [input, input]),
      ("synthesis.input.affine.weight", [4, wDim]),
      ("synthesis.input.affine.bias", [4]),
      ("synthesis.input.transform", [3, 3]),
      ("synthesis.input.freqs", [input, 2]),
      ("synthesis.input.phases", [input]),
    ]
    for layer in architecture.layers {
      let prefix = "synthesis.\(layer.name)"
      let kernel = layer.convKernel
      shapes += [
        ("\(prefix).weight", [layer.outChannels, layer.inChannels, kernel, kernel]),
        ("\(prefix).bias", [layer.outChannels]),
        ("\(prefix).magnitude_ema", []),
        ("\(prefix).affine.weight", [layer.inChannels, wDim]),
        ("\(prefix).affine.bias", [layer.inChannels]),
      ]
    }
    return shapes
  }
}
