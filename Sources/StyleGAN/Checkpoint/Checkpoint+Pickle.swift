/// Reading an official StyleGAN2-ADA / StyleGAN3 training pickle.
///
/// The pickle is a dict (`G`, `D`, `G_ema`, `augment_pipe`,
/// `training_set_kwargs`). Each network is a `torch_utils.persistence`
/// object whose `state` holds `_parameters`, `_buffers`, `_modules`,
/// `_non_persistent_buffers_set`, plain attributes and `_init_kwargs`; the
/// state-dict names join the module path with the tensor's name
/// (`synthesis.b8.conv0.weight`).
extension Checkpoint {
  /// Reads the network `network` from the pickle in `bytes`.
  static func read(pickle bytes: [UInt8], network: Network) throws -> Checkpoint {
    var machine = PickleMachine(cursor: ByteCursor(bytes))
    let root = try machine.load()

    guard let networks = root.dictValue else {
      throw CheckpointProblem.unexpectedLayout(
        detail: "the pickle holds \(root.kind), not a dict of networks")
    }
    guard let value = networks[network.rawValue] else {
      let names = networks.stringEntries.map(\.key)
      let values = networks.stringEntries.map(\.value)
      if !values.isEmpty, values.allSatisfy({ if case .tensor = $0 { true } else { false } }) {
        throw CheckpointProblem.unsupportedFamily(
          looksLike: "a bare state dict of tensors, which does not record the configuration")
      }
      throw CheckpointProblem.missingNetwork(name: network.rawValue, available: names)
    }
    guard case .persistent(let meta) = value else {
      throw CheckpointProblem.unexpectedLayout(
        detail: "\(network.rawValue) is \(value.kind), not a persistent network object")
    }

    let family = try detectFamily(meta)
    guard let state = meta["state"]?.dictValue else {
      throw CheckpointProblem.unexpectedLayout(detail: "\(network.rawValue) has no state")
    }
    let config = try GeneratorConfig(family: family, state: state)

    var references: [String: TensorReference] = [:]
    try collectTensors(state, prefix: "", depth: 0, into: &references)
    var tensors: [String: Tensor] = [:]
    tensors.reserveCapacity(references.count)
    for (name, reference) in references {
      tensors[name] = try Tensor(reference, in: bytes, name: name)
    }
    return Checkpoint(config: config, tensors: tensors)
  }

  /// Walks a module's state and its submodules, collecting parameters and
  /// persistent buffers under their state-dict names.
  private static func collectTensors(
    _ state: PickleDict, prefix: String, depth: Int,
    into tensors: inout [String: TensorReference]
  ) throws {
    guard depth < 64 else {
      throw CheckpointProblem.unexpectedLayout(detail: "modules nest more than 64 levels deep")
    }
    var nonPersistent: Set<String> = []
    if case .set(let names) = state["_non_persistent_buffers_set"] {
      nonPersistent = Set(names.items.compactMap(\.stringValue))
    }
    for group in ["_parameters", "_buffers"] {
      guard let entries = state[group]?.dictValue else {
        throw CheckpointProblem.unexpectedLayout(detail: "module '\(prefix)' has no \(group)")
      }
      for (name, value) in entries.stringEntries {
        switch value {
        case .tensor(let reference):
          if group == "_buffers" && nonPersistent.contains(name) { continue }
          tensors[prefix + name] = reference
        case .none:
          continue
        default:
          throw CheckpointProblem.unexpectedLayout(
            detail: "\(prefix + name) is \(value.kind), not a tensor")
        }
      }
    }
    guard let modules = state["_modules"]?.dictValue else {
      throw CheckpointProblem.unexpectedLayout(detail: "module '\(prefix)' has no _modules")
    }
    for (name, value) in modules.stringEntries {
      switch value {
      case .persistent(let meta):
        guard let child = meta["state"]?.dictValue else {
          throw CheckpointProblem.unexpectedLayout(detail: "module \(prefix + name) has no state")
        }
        try collectTensors(child, prefix: prefix + name + ".", depth: depth + 1, into: &tensors)
      case .none:
        continue
      default:
        throw CheckpointProblem.unexpectedLayout(
          detail: "module \(prefix + name) is \(value.kind)")
      }
    }
  }

  /// Tells StyleGAN2 from StyleGAN3 (-T or -R) by the network's structure,
  /// and names the family of anything else.
  private static func detectFamily(_ meta: PickleDict) throws -> GeneratorConfig.Family {
    let className = meta["class_name"]?.stringValue ?? "?"
    let source = meta["module_src"]?.stringValue ?? ""
    let state = meta["state"]?.dictValue
    let modules = state?["_modules"]?.dictValue

    func childMeta(_ dict: PickleDict?, _ name: String) -> PickleDict? {
      if case .persistent(let meta) = dict?[name] { return meta }
      return nil
    }
    func modulesOf(_ meta: PickleDict?) -> PickleDict? {
      meta?["state"]?.dictValue?["_modules"]?.dictValue
    }

    if source.contains("SuperresGenerator") || className == "SuperresGenerator" {
      throw CheckpointProblem.unsupportedFamily(looksLike: "a StyleGAN-XL generator")
    }
    let synthesis = childMeta(modules, "synthesis")
    let synthesisClass = synthesis?["class_name"]?.stringValue ?? "?"
    if synthesisClass.hasPrefix("Fastgan") || source.contains("FastganSynthesis") {
      throw CheckpointProblem.unsupportedFamily(
        looksLike: "a Projected GAN (FastGAN) generator")
    }
    guard className == "Generator", childMeta(modules, "mapping") != nil, synthesis != nil
    else {
      throw CheckpointProblem.unsupportedFamily(
        looksLike: "a network of class '\(className)' without StyleGAN's mapping and "
          + "synthesis networks")
    }
    let mappingModules = modulesOf(childMeta(modules, "mapping"))
    for (name, _) in mappingModules?.stringEntries ?? []
    where !(name == "embed" || name.hasPrefix("fc")) {
      throw CheckpointProblem.unsupportedFamily(
        looksLike: "a StyleGAN variant with a custom mapping network (it has '\(name)')")
    }

    let synthesisModules = modulesOf(synthesis)
    let names = synthesisModules?.stringEntries.map(\.key) ?? []
    if names.contains("b4") {
      return .styleGAN2
    }
    if names.contains("input") {
      // -R: radial filters and 1 × 1 convolutions.
      let kwargs = state?["_init_kwargs"]?.dictValue
      if case .bool(true) = kwargs?["use_radial_filters"] { return .styleGAN3R }
      if kwargs?["conv_kernel"]?.intValue == 1 { return .styleGAN3R }
      for name in names where name.hasPrefix("L") {
        let layer = childMeta(synthesisModules, name)?["state"]?.dictValue
        if case .bool(true) = layer?["down_radial"] { return .styleGAN3R }
      }
      return .styleGAN3T
    }
    throw CheckpointProblem.unsupportedFamily(
      looksLike: "a generator whose synthesis network ('\(synthesisClass)') has neither "
        + "StyleGAN2 blocks nor a StyleGAN3 input layer")
  }
}

extension Tensor {
  /// Reads a tensor view from its storage's bytes, converting to float32.
  ///
  /// The view must lie inside its storage: every index
  /// `offset + Σ index_d · stride_d` is checked before anything is read.
  init(_ reference: TensorReference, in bytes: [UInt8], name: String) throws {
    let shape = reference.shape
    let strides = reference.strides
    let storage = reference.storage
    func problem(_ detail: String) -> CheckpointProblem {
      .badTensorData(name: name, detail: detail)
    }
    guard shape.allSatisfy({ $0 >= 0 }), strides.allSatisfy({ $0 >= 0 }),
      reference.offset >= 0
    else { throw problem("has a negative size, stride or offset") }

    var count = 1
    var lastIndex = reference.offset
    for (size, stride) in zip(shape, strides) {
      let product = count.multipliedReportingOverflow(by: size)
      guard !product.overflow else { throw problem("has too many elements") }
      count = product.partialValue
      if size > 0 {
        let step = (size - 1).multipliedReportingOverflow(by: stride)
        let sum = lastIndex.addingReportingOverflow(step.partialValue)
        guard !step.overflow, !sum.overflow else { throw problem("has too large a stride") }
        lastIndex = sum.partialValue
      }
    }
    guard count == 0 || (lastIndex < storage.count && count <= storage.count) else {
      throw problem(
        "its view of shape \(shape) reaches past its storage of \(storage.count) elements")
    }

    let contiguous = strides == Tensor.contiguousStrides(shape)
    let scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { raw in
        let data = UnsafeRawBufferPointer(rebasing: raw[storage.data])
        if contiguous && storage.dtype == .float32 {
          // Checkpoints are little-endian, like every host Swift runs on here.
          let start = reference.offset * 4
          UnsafeMutableRawBufferPointer(buffer).copyMemory(
            from: UnsafeRawBufferPointer(rebasing: data[start..<start + count * 4]))
        } else {
          var index = [Int](repeating: 0, count: shape.count)
          for element in 0..<count {
            var position = reference.offset
            for axis in 0..<shape.count { position += index[axis] * strides[axis] }
            buffer[element] = storage.dtype.float(in: data, at: position)
            var axis = shape.count - 1
            while axis >= 0 {
              index[axis] += 1
              if index[axis] < shape[axis] { break }
              index[axis] = 0
              axis -= 1
            }
          }
        }
      }
      initialized = count
    }
    self.init(shape: shape, scalars: scalars)
  }

  /// Row-major strides of `shape`.
  static func contiguousStrides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var step = 1
    for axis in stride(from: shape.count - 1, through: 0, by: -1) {
      strides[axis] = step
      step *= shape[axis]
    }
    return strides
  }
}

extension TorchDType {
  /// Element `index` of little-endian data of this type, as float32.
  func float(in data: UnsafeRawBufferPointer, at index: Int) -> Float {
    switch self {
    case .float32:
      return Float(bitPattern: data.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
    case .float16:
      return halfToFloat(data.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self))
    case .bfloat16:
      let bits = data.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)
      return Float(bitPattern: UInt32(bits) << 16)
    case .float64:
      return Float(data.loadUnaligned(fromByteOffset: index * 8, as: Double.self))
    case .int64:
      return Float(data.loadUnaligned(fromByteOffset: index * 8, as: Int64.self))
    case .int32:
      return Float(data.loadUnaligned(fromByteOffset: index * 4, as: Int32.self))
    case .int16:
      return Float(data.loadUnaligned(fromByteOffset: index * 2, as: Int16.self))
    case .int8:
      return Float(data.loadUnaligned(fromByteOffset: index, as: Int8.self))
    case .uint8, .bool:
      return Float(data[index])
    }
  }
}
