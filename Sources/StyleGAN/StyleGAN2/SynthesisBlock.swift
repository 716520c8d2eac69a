/// One resolution of the synthesis network, as the reference's
/// `SynthesisBlock`.
///
/// The 4×4 block starts from the learned constant; the others up-sample in
/// their first layer. `skip` adds every block's RGB output to the
/// up-sampled image so far; `resnet` adds an up-sampled 1×1 skip branch to
/// the features, scaling both by `sqrt(0.5)`, and only the last block makes
/// RGB; `orig` chains the layers and only the last block makes RGB.
struct SynthesisBlock: Sendable {
  /// The synthesis architecture.
  enum Architecture: String, Sendable {
    case skip, resnet, orig
  }

  var resolution: Int
  var architecture: Architecture
  /// `const`, `[C, 4, 4]`, for the first block.
  var constant: Tensor?
  var conv0: SynthesisLayer?
  var conv1: SynthesisLayer
  var toRGB: ToRGBLayer?
  var skip: ResidualSkipLayer?
  /// The block's filter for up-sampling the image (`resample_filter`).
  var imageFilter: FIRFilter?

  /// How many ws the convolutions take.
  var convCount: Int { conv0 == nil ? 1 : 2 }
  /// How many ws the block reads, counting its ToRGB.
  var wsCount: Int { convCount + (toRGB == nil ? 0 : 1) }

  /// Reads `synthesis.bRES.*`.
  init(
    _ lookup: TensorLookup, resolution: Int, inChannels: Int, outChannels: Int,
    wDim: Int, imageChannels: Int, isLast: Bool, architecture: Architecture,
    convClamp: Float?
  ) throws {
    let prefix = "synthesis.b\(resolution)"
    self.resolution = resolution
    self.architecture = architecture
    if inChannels == 0 {
      constant = try lookup.tensor(
        "\(prefix).const", shape: [outChannels, resolution, resolution])
    } else {
      conv0 = try SynthesisLayer(
        lookup, "\(prefix).conv0", inChannels: inChannels, outChannels: outChannels,
        wDim: wDim, resolution: resolution, up: 2, convClamp: convClamp)
    }
    conv1 = try SynthesisLayer(
      lookup, "\(prefix).conv1", inChannels: outChannels, outChannels: outChannels,
      wDim: wDim, resolution: resolution, up: 1, convClamp: convClamp)
    if isLast || architecture == .skip {
      toRGB = try ToRGBLayer(
        lookup, "\(prefix).torgb", inChannels: outChannels, outChannels: imageChannels,
        wDim: wDim, convClamp: convClamp)
    }
    if inChannels != 0 && architecture == .resnet {
      skip = try ResidualSkipLayer(
        lookup, "\(prefix).skip", inChannels: inChannels, outChannels: outChannels)
    }
    if inChannels != 0 && architecture == .skip {
      imageFilter = try lookup.filter("\(prefix).resample_filter")
    }
  }

  /// Runs the block on the features and image so far; `ws` holds the
  /// block's ``wsCount`` style vectors.
  func apply(
    x: Tensor?, image: Tensor?, ws: ArraySlice<[Float]>, noiseSource: inout NoiseSource
  ) -> (x: Tensor, image: Tensor?) {
    var w = ws.makeIterator()
    var features: Tensor
    if let constant {
      features = conv1.apply(constant, w: w.next()!, noiseSource: &noiseSource)
    } else if let conv0, let input = x {
      if let skip {
        let y = skip.apply(input)
        features = conv0.apply(input, w: w.next()!, noiseSource: &noiseSource)
        features = conv1.apply(
          features, w: w.next()!, noiseSource: &noiseSource, gain: Float(0.5).squareRoot())
        for index in 0..<features.count {
          features.scalars[index] = y.scalars[index] + features.scalars[index]
        }
      } else {
        features = conv0.apply(input, w: w.next()!, noiseSource: &noiseSource)
        features = conv1.apply(features, w: w.next()!, noiseSource: &noiseSource)
      }
    } else {
      preconditionFailure("block \(resolution) has no input")
    }

    var image = image
    if let current = image, let imageFilter {
      image = UpFIRDn2D.upsample2x(current, filter: imageFilter)
    }
    if let toRGB {
      let y = toRGB.apply(features, w: w.next()!)
      if var sum = image {
        for index in 0..<sum.count {
          sum.scalars[index] += y.scalars[index]
        }
        image = sum
      } else {
        image = y
      }
    }
    return (features, image)
  }
}
