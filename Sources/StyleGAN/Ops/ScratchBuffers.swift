import Foundation

/// Reusable scratch memory for the im2col and col2im matrices.
///
/// Each convolution needs tens of megabytes of scratch for a moment; taking
/// it from this pool instead of a fresh allocation avoids clearing it and
/// faulting its pages in on every layer. Buffers are handed out one per
/// caller, so generators may run on several threads at once.
final class ScratchBuffers: @unchecked Sendable {
  /// The pool the engine's ops share.
  static let shared = ScratchBuffers()

  private let lock = NSLock()
  private var free: [(pointer: UnsafeMutablePointer<Float>, capacity: Int)] = []

  /// Calls `body` with at least `count` uninitialised floats, returned to
  /// the pool afterwards.
  func withBuffer<Result>(_ count: Int, _ body: (UnsafeMutablePointer<Float>) -> Result)
    -> Result
  {
    var buffer = lock.withLock { () -> (UnsafeMutablePointer<Float>, Int)? in
      guard let index = free.indices.max(by: { free[$0].capacity < free[$1].capacity })
      else { return nil }
      return free.remove(at: index)
    }
    if let (pointer, capacity) = buffer, capacity < count {
      pointer.deallocate()
      buffer = nil
    }
    let (pointer, capacity) =
      buffer ?? (UnsafeMutablePointer<Float>.allocate(capacity: count), count)
    defer {
      lock.withLock { free.append((pointer, capacity)) }
    }
    return body(pointer)
  }
}

extension Tensor {
  /// A tensor whose elements the caller overwrites completely in
  /// `initialize` (no clearing first).
  static func filled(
    shape: [Int], _ initialize: (UnsafeMutableBufferPointer<Float>) -> Void
  ) -> Tensor {
    let count = shape.reduce(1, *)
    let scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      initialize(buffer)
      initialized = count
    }
    return Tensor(shape: shape, scalars: scalars)
  }
}
