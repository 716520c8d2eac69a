import Dispatch

/// Runs `body(0)`, …, `body(count − 1)` spread over the machine's cores
/// (`DispatchQueue.concurrentPerform`), returning when all have finished.
///
/// The iterations must write to disjoint memory.
func parallelFor(_ count: Int, _ body: (Int) -> Void) {
  if count <= 0 {
    return
  }
  if count == 1 {
    body(0)
    return
  }
  // The iterations touch disjoint memory (the caller's promise), so the
  // closure may run on several threads although the compiler cannot see it.
  withoutActuallyEscaping(body) { body in
    let shared = UncheckedSendable(value: body)
    DispatchQueue.concurrentPerform(iterations: count) { shared.value($0) }
  }
}

/// A value handed to other threads on the caller's guarantee that they use
/// it without data races.
private struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
}

/// Runs `body(range)` over `count` items split into one contiguous chunk per
/// core (and a few more for balance).
func parallelChunks(_ count: Int, minimumChunk: Int = 1, _ body: (Range<Int>) -> Void) {
  let chunks = max(1, min(count / max(minimumChunk, 1), 2 * BLAS.coreCount))
  let size = (count + chunks - 1) / chunks
  parallelFor(chunks) { chunk in
    let start = chunk * size
    let end = min(start + size, count)
    if start < end {
      body(start..<end)
    }
  }
}
