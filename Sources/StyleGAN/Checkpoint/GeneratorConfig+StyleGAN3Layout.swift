/// The tensors of a StyleGAN3 generator.
extension GeneratorConfig {
  /// The StyleGAN3 tensors whose shapes the loader checks.
  ///
  /// FIXME: only the mapping network is listed; the synthesis layers'
  /// shapes (input, L0…Ln, their filters) belong with the StyleGAN3
  /// forward pass, which derives them from the sampling-rate schedule.
  var styleGAN3TensorShapes: [(name: String, shape: [Int])] {
    mappingTensorShapes
  }
}
