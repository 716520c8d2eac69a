/// The globals a checkpoint pickle may name, each read as a data
/// constructor; every other global is refused.
///
/// The allow-list covers what the official StyleGAN2-ADA and StyleGAN3
/// training loops write, across PyTorch and NumPy versions (NumPy 2 moved
/// `numpy.core` to `numpy._core`).
enum PickleGlobal: Equatable {
  /// `torch_utils.persistence._reconstruct_persistent_obj(meta)`.
  case persistentObject
  /// `collections.OrderedDict`.
  case orderedDict
  /// `dnnlib.util.EasyDict`, a dict with attribute access.
  case easyDict
  /// `builtins.set`.
  case set
  /// `builtins.frozenset`.
  case frozenset
  /// `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, …)`.
  case rebuildTensor
  /// `torch._utils._rebuild_parameter(tensor, requires_grad, hooks)`.
  case rebuildParameter
  /// `torch.storage._load_from_bytes(bytes)`: a legacy `torch.save` stream.
  case loadFromBytes
  /// `numpy.core.multiarray.scalar(dtype, bytes)`.
  case numpyScalar
  /// `numpy.dtype(code, align, copy)`.
  case numpyDType
  /// `numpy.core.multiarray._reconstruct(ndarray, shape, typecode)`.
  case numpyReconstruct
  /// `numpy.ndarray`, the class argument of ``numpyReconstruct``.
  case numpyNDArray
  /// A storage class such as `torch.FloatStorage`, naming an element type.
  case storageType(TorchDType)

  /// Resolves `module.name` against the allow-list.
  init?(module: String, name: String) {
    let numpyCore = module == "numpy.core.multiarray" || module == "numpy._core.multiarray"
    switch (module, name) {
    case ("torch_utils.persistence", "_reconstruct_persistent_obj"): self = .persistentObject
    case ("collections", "OrderedDict"): self = .orderedDict
    case ("dnnlib.util", "EasyDict"): self = .easyDict
    case ("builtins", "set"), ("__builtin__", "set"): self = .set
    case ("builtins", "frozenset"), ("__builtin__", "frozenset"): self = .frozenset
    case ("torch._utils", "_rebuild_tensor_v2"): self = .rebuildTensor
    case ("torch._utils", "_rebuild_parameter"): self = .rebuildParameter
    case ("torch.storage", "_load_from_bytes"): self = .loadFromBytes
    case ("numpy", "dtype"): self = .numpyDType
    case ("numpy", "ndarray"): self = .numpyNDArray
    case (_, "scalar") where numpyCore: self = .numpyScalar
    case (_, "_reconstruct") where numpyCore: self = .numpyReconstruct
    case ("torch", _), ("torch.cuda", _):  // storages saved from a GPU read the same
      guard let dtype = TorchDType(storageClass: name) else { return nil }
      self = .storageType(dtype)
    default: return nil
    }
  }

  /// The constructor's Python name, for messages.
  var name: String {
    switch self {
    case .persistentObject: return "torch_utils.persistence._reconstruct_persistent_obj"
    case .orderedDict: return "collections.OrderedDict"
    case .easyDict: return "dnnlib.util.EasyDict"
    case .set: return "builtins.set"
    case .frozenset: return "builtins.frozenset"
    case .rebuildTensor: return "torch._utils._rebuild_tensor_v2"
    case .rebuildParameter: return "torch._utils._rebuild_parameter"
    case .loadFromBytes: return "torch.storage._load_from_bytes"
    case .numpyScalar: return "numpy.core.multiarray.scalar"
    case .numpyDType: return "numpy.dtype"
    case .numpyReconstruct: return "numpy.core.multiarray._reconstruct"
    case .numpyNDArray: return "numpy.ndarray"
    case .storageType(let dtype): return "torch.\(dtype.storageClass)"
    }
  }
}

/// The element types a torch storage can hold.
enum TorchDType: String, CaseIterable, Sendable {
  case float32, float16, bfloat16, float64, int64, int32, int16, int8, uint8, bool

  /// The legacy storage class, `FloatStorage` for float32.
  var storageClass: String {
    switch self {
    case .float32: return "FloatStorage"
    case .float16: return "HalfStorage"
    case .bfloat16: return "BFloat16Storage"
    case .float64: return "DoubleStorage"
    case .int64: return "LongStorage"
    case .int32: return "IntStorage"
    case .int16: return "ShortStorage"
    case .int8: return "CharStorage"
    case .uint8: return "ByteStorage"
    case .bool: return "BoolStorage"
    }
  }

  /// Finds the element type of a storage class name.
  init?(storageClass: String) {
    guard let match = TorchDType.allCases.first(where: { $0.storageClass == storageClass })
    else { return nil }
    self = match
  }

  /// Bytes per element.
  var size: Int {
    switch self {
    case .float64, .int64: return 8
    case .float32, .int32: return 4
    case .float16, .bfloat16, .int16: return 2
    case .int8, .uint8, .bool: return 1
    }
  }
}

/// A storage from a legacy `torch.save` stream: raw little-endian elements
/// in the file's buffer.
struct TorchStorage {
  let dtype: TorchDType
  /// The element data, as a range into the file's buffer.
  let data: Range<Int>
  /// The number of elements.
  var count: Int { data.count / dtype.size }
}
