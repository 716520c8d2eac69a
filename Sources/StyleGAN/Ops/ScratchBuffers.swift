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
