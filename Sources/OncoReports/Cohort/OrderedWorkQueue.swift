import Dispatch
import Synchronization

/// Runs `count` independent jobs on a fixed number of Dispatch workers and keeps each result at
/// its job's index, so the caller sees results in input order whatever the thread count.
///
/// Workers take the next job index under a lock; CPU-bound work runs on Dispatch (not the shared
/// async pool). When ``Control/stop`` is requested, workers finish the job they hold and take no
/// more; since indices are handed out in order, every job before a stopping job has completed.
struct OrderedWorkQueue<Result: Sendable>: Sendable {
    /// What a job returns: its result, and whether the queue should stop taking jobs.
    struct Outcome: Sendable {
        var result: Result
        var stop: Bool
    }

    /// Mutable state shared by the workers, behind one lock.
    private struct State: ~Copyable {
        var next = 0
        var completed = 0
        var stopped = false
        var results: [Result?]
    }

    /// Holds the state for the duration of one ``run(count:threads:job:completed:)``; the
    /// `Mutex` makes the box safely shareable between the workers.
    private final class Shared: Sendable {
        let state: Mutex<State>
        init(count: Int) { state = Mutex(State(results: Array(repeating: nil, count: count))) }
    }

    let threads: Int

    init(threads: Int) {
        self.threads = max(1, threads)
    }

    /// Runs `job(index)` for every index in `0..<count` (fewer when a job asks to stop) and returns
    /// the results by index (`nil` for jobs never started). `completed(done)` is called under the
    /// lock after each job, in completion order.
    func run(
        count: Int, job: @escaping @Sendable (Int) -> Outcome,
        completed: @escaping @Sendable (Int, Result) -> Void
    ) -> [Result?] {
        let shared = Shared(count: count)
        let workers = min(threads, max(count, 1))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index: Int? = shared.state.withLock { state in
                    guard !state.stopped, state.next < count else { return nil }
                    defer { state.next += 1 }
                    return state.next
                }
                guard let index else { return }
                let outcome = job(index)
                shared.state.withLock { state in
                    state.results[index] = outcome.result
                    state.completed += 1
                    if outcome.stop { state.stopped = true }
                    completed(state.completed, outcome.result)
                }
            }
        }
        return shared.state.withLock { $0.results }
    }
}
