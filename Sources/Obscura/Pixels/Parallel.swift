import Dispatch
import Foundation

/// Runs `body(0 ..< iterations)` spread over the machine's cores
/// (`DispatchQueue.concurrentPerform`).
///
/// The pixel loops share raw pointers into one image and write disjoint
/// rows or columns, which the compiler cannot prove safe; this function is
/// the one place that vouches for it.
func parallelFor(_ iterations: Int, _ body: (Int) -> Void) {
  guard iterations > 1 else {
    if iterations == 1 { body(0) }
    return
  }
  withoutActuallyEscaping(body) { body in
    let box = UncheckedSendable(body)
    DispatchQueue.concurrentPerform(iterations: iterations) { box.value($0) }
  }
}

/// The number of bands to split `count` rows into for ``parallelFor(_:_:)``.
func bandCount(_ count: Int) -> Int {
  max(1, min(count, ProcessInfo.processInfo.activeProcessorCount * 4))
}

private struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
