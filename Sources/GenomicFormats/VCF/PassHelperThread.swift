import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The second thread of one ``VCFParallelPass``: a thread of its own that runs the same job each
/// time it is started, until it is stopped and joined.
///
/// A plain thread rather than a dispatch queue: handing a run to a queue allocates a dispatch
/// continuation on the caller's thread that is freed into the queue thread's cache, so every run
/// left one allocation behind (harmless, but it defeated libFuzzer's leak heuristic, which then
/// ran a full leak scan per input), and the pass could return while the queue still held its
/// last block. Here starting a run is one semaphore signal, and ``stop()`` returns only when the
/// thread has exited.
final class PassHelperThread: Sendable {
    /// Signalled once per run, and once more by `stop()`.
    private let start = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private let job: @Sendable () -> Void
    private let handle: Mutex<pthread_t?> = Mutex(nil)

    /// Starts the thread, which then waits for ``run()``; `nil` when no thread can be created.
    /// `job` runs on the thread once per ``run()``.
    init?(job: @escaping @Sendable () -> Void) {
        self.job = job
        // The thread owns a reference until it exits.
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Darwin)
            var created: pthread_t?
            let status = pthread_create(
                &created, nil,
                { context in
                    Unmanaged<PassHelperThread>.fromOpaque(context).takeRetainedValue().loop()
                    return nil
                }, context)
            let thread = created
        #else
            var created = pthread_t()
            let status = pthread_create(
                &created, nil,
                { context in
                    Unmanaged<PassHelperThread>.fromOpaque(context!).takeRetainedValue().loop()
                    return nil
                }, context)
            let thread: pthread_t? = created
        #endif
        guard status == 0, let thread else {
            Unmanaged<PassHelperThread>.fromOpaque(context).release()
            return nil
        }
        handle.withLock { $0 = thread }
    }

    private func loop() {
        while true {
            start.wait()
            if stopping.load(ordering: .acquiring) { return }
            job()
        }
    }

    /// Starts one run of the job. The caller learns of its end through the job itself.
    func run() { start.signal() }

    /// Lets the thread finish the run in progress and end, without waiting for it (a thread
    /// running at idle priority may take a while to be scheduled again just to exit). Call once,
    /// after the last ``run()``, instead of ``stop()``.
    func stopWithoutWaiting() {
        guard let thread = handle.withLock({ $0.take() }) else { return }
        stopping.store(true, ordering: .releasing)
        start.signal()
        pthread_detach(thread)
    }

    /// Lets the thread finish the run in progress, then ends it and waits until it has exited.
    /// Call once, after the last ``run()``.
    func stop() {
        guard let thread = handle.withLock({ $0.take() }) else { return }
        stopping.store(true, ordering: .releasing)
        start.signal()
        pthread_join(thread, nil)
    }
}
