import Foundation

/// How the StyleGAN3 kernels split work across the cores.
enum StyleGAN3Parallel {
  /// Concurrent workers to split channels over: the active processor count.
  static var workers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// A pointer shared by workers that touch disjoint parts of its memory.
  struct Pointer<Element>: @unchecked Sendable {
    /// The shared address.
    let pointer: UnsafeMutablePointer<Element>

    /// Shares a mutable address.
    init(_ pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }

    /// Shares a read-only address; workers only read through it.
    init(_ pointer: UnsafePointer<Element>) {
      self.pointer = UnsafeMutablePointer(mutating: pointer)
    }
  }
}
