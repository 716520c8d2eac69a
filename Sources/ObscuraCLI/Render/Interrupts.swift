import Dispatch
import Foundation
import Obscura

/// Stops a render cleanly on SIGINT or SIGTERM: removes the temporary files
/// of the exports in flight, then exits with status 128 + the signal number.
///
/// The signals are ignored and delivered to a dispatch source instead, so
/// the handler runs as ordinary code on a dispatch thread, where taking the
/// registry's lock is safe.
enum Interrupts {
  /// The sources, kept alive for the life of the process.
  private nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []

  /// Run first when a signal arrives: `run` stops its render worker here,
  /// which removes its own temporary files.
  nonisolated(unsafe) static var beforeExit: (() -> Void)?

  /// Set as the handler starts; the process is about to exit.
  nonisolated(unsafe) static var stopping: sig_atomic_t = 0

  /// Installs the handler for `signals` (`signal(2)` with `SIG_IGN`, then
  /// `DispatchSource.makeSignalSource`).
  static func install(_ signals: [Int32] = [SIGINT, SIGTERM]) {
    for number in signals {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        stopping = 1
        beforeExit?()
        let registry = TemporaryFileRegistry.shared
        registry.removeAll(closing: true)
        // A write that registered just before the registry closed may create
        // its file a moment later; a second pass removes that one too.
        usleep(50_000)
        registry.removeAll(closing: true)
        _exit(128 + number)
      }
      source.resume()
      sources.append(source)
    }
  }
}
