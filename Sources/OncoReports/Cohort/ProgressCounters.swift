import Synchronization

/// Counters a cohort run updates from its workers: failures, reused rows, and the first error in
/// sheet order.
final class ProgressCounters: Sendable {
    private struct State {
        var failed = 0
        var reused = 0
        var firstError: (index: Int, error: any Error)?
    }

    private let state = Mutex(State())

    var failed: Int { state.withLock { $0.failed } }
    var reused: Int { state.withLock { $0.reused } }
    /// The failing sample with the lowest sheet index, and its error.
    var firstError: (index: Int, error: any Error)? { state.withLock { $0.firstError } }

    func failedOne() { state.withLock { $0.failed += 1 } }
    func reusedOne() { state.withLock { $0.reused += 1 } }

    func recordError(index: Int, error: any Error) {
        state.withLock { state in
            if let first = state.firstError, first.index < index { return }
            state.firstError = (index, error)
        }
    }
}
