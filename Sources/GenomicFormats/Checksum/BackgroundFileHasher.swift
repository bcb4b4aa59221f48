import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The SHA-256 of a regular file, computed on a thread of its own while the caller does other
/// work, and in only the idle moments of the cores while the caller needs them all.
///
/// `oncomatch match` hashes its input this way: while the rule set loads, one core would
/// otherwise sit idle. During the parallel parse, which keeps both busy, the caller pauses the
/// hasher: on Linux its thread then runs at idle priority (`SCHED_IDLE`), so it hashes only when
/// a parse thread waits for the other or for input, and any other thread preempts it at once;
/// elsewhere (or if that is refused) it waits. After the parse the thread returns to normal
/// priority if the system lets it; ``result()`` hashes whatever is left on the calling thread.
/// On the 1M-record benchmark the 88 MB input is then hashed during the parse, which a rule set
/// naming no gene (nothing else to do after the parse) finishes ~60 ms sooner for; with the
/// default rules the parse takes about as much longer as the work after it is shortened.
///
/// The file is read a second time (through `read(2)`, from the page cache), so the hasher checks
/// that it hashed the file the parse read: the file's device, inode, size and modification time
/// must not change from the moment the hasher opens it to the moment ``result()`` is asked for
/// (after the parse), and the bytes hashed must be its size. Anything else is an error, never a
/// checksum of other bytes.
///
/// ```swift
/// let hasher = BackgroundFileHasher(path: path)   // nil: not a regular file; hash it inline
/// hasher?.pause()
/// parseOnAllCores(path)
/// hasher?.resume()
/// let sha256 = try hasher?.result()
/// ```
///
/// Call ``result()`` or ``cancel()`` once: either ends the thread.
public final class BackgroundFileHasher: Sendable {
    /// What identifies the file's content without reading it.
    struct Identity: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int(status.st_size)
            #if canImport(Darwin)
                modifiedSeconds = Int(status.st_mtimespec.tv_sec)
                modifiedNanoseconds = Int(status.st_mtimespec.tv_nsec)
            #else
                modifiedSeconds = Int(status.st_mtim.tv_sec)
                modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
            #endif
        }
    }

    private struct Control {
        var paused = false
        /// The thread is waiting on `gate` for a resume.
        var waiting = false
        /// Set by ``result()`` or ``cancel()``: the thread stops at its next block.
        var retired = false
    }

    /// The hash so far, advanced a block at a time by whichever thread holds it.
    private struct Progress: ~Copyable {
        var hash = SHA256()
        var bytesHashed = 0
        /// Set once the end of the file is reached or a read failed.
        var finished = false
        var failure: FormatError?
        /// Where blocks are read to (``threadBlockSize`` bytes).
        let buffer: UnsafeMutableRawBufferPointer

        deinit { buffer.deallocate() }
    }

    /// The block read and hashed at a time by the hasher's thread and by ``result()``: it stays
    /// in the core's L2 cache between the copy `read(2)` makes and the hashing (a MiB did not:
    /// the hash then read every byte back from L3).
    static let threadBlockSize = 128 << 10

    private let path: String
    private let descriptor: Int32
    private let identity: Identity
    private let control = Mutex(Control())
    private let progress: Mutex<Progress>
    /// Wakes the thread from a pause.
    private let gate = DispatchSemaphore(value: 0)
    private let thread: Mutex<PassHelperThread?> = Mutex(nil)
    /// The outcome, once ``result()`` or ``cancel()`` has settled it (later calls return it).
    private let outcome = Mutex<Result<String, FormatError>?>(nil)

    /// Starts hashing `path`; `nil` when it is not a regular file that can be opened (standard
    /// input, a pipe, a directory…) or no thread can be created: hash it while reading it then.
    public init?(path: String) {
        // Looked at before opening: opening a pipe (a named one, `/dev/stdin`) would block for a
        // writer, or take its data from the parse.
        var status = stat()
        guard path != "-", stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return nil
        }
        self.path = path
        self.descriptor = descriptor
        self.identity = Identity(status)
        progress = Mutex(
            Progress(
                buffer: UnsafeMutableRawBufferPointer.allocate(byteCount: Self.threadBlockSize, alignment: 64)
            ))
        // The thread holds the hasher until the job ends.
        guard let thread = PassHelperThread(job: { [self] in hashOnThread() }) else {
            close(descriptor)
            return nil
        }
        self.thread.withLock { $0 = thread }
        thread.run()
    }

    deinit {
        close(descriptor)
    }

    /// Keeps the thread from taking a core the caller needs, from the end of the block it is
    /// hashing until ``resume()``: it hashes at idle priority where the system has one, else waits.
    public func pause() {
        control.withLock { $0.paused = true }
    }

    /// Lets the thread hash at normal priority again (or, if the system keeps it at idle
    /// priority, go on there: ``result()`` does what is left).
    public func resume() {
        let wake = control.withLock { control -> Bool in
            control.paused = false
            defer { control.waiting = false }
            return control.waiting
        }
        if wake { gate.signal() }
    }

    /// Whether the whole file has been read (and hashed, or failed): ``result()`` then only
    /// checks that the file did not change.
    public var isFinished: Bool { progress.withLock { $0.finished } }

    /// The hash as 64 lowercase hex digits: stops the thread at the end of its block and hashes
    /// what is left of the file on the calling thread. Throws a `FormatError` when the file could
    /// not be read or changed since the hasher opened it.
    public func result() throws -> String {
        try settle(hashingTheRest: true).get()
    }

    /// Stops the thread without a result (the caller gave up).
    public func cancel() {
        _ = settle(hashingTheRest: false)
    }

    /// Retires the thread and works out the outcome once (later calls return the same).
    private func settle(hashingTheRest: Bool) -> Result<String, FormatError> {
        if let settled = outcome.withLock({ $0 }) { return settled }
        control.withLock { $0.retired = true }
        resume()
        // Waits at most for the thread's current block.
        let settled = progress.withLock { progress -> Result<String, FormatError> in
            guard hashingTheRest else {
                return .failure(FormatError(.io, file: path, message: "hashing cancelled"))
            }
            while Self.hashBlock(of: &progress, from: descriptor, path: path, size: Self.threadBlockSize) {}
            if let failure = progress.failure { return .failure(failure) }
            var status = stat()
            guard fstat(descriptor, &status) == 0, Identity(status) == identity,
                progress.bytesHashed == identity.size, stat(path, &status) == 0, Identity(status) == identity
            else {
                return .failure(
                    FormatError(
                        .io, file: path, message: "the file changed while it was being read; read it again"))
            }
            return .success(progress.hash.hexDigest)
        }
        let first = outcome.withLock { stored -> Result<String, FormatError> in
            if let stored { return stored }
            stored = settled
            return settled
        }
        // The thread ends by itself at its next check; at idle priority it may not be scheduled
        // for a while, so nobody waits for it.
        thread.withLock { $0.take() }?.stopWithoutWaiting()
        return first
    }

    /// The thread's job: hashes the file a block at a time until it is all hashed or the
    /// hasher is settled, at idle priority (or waiting) while paused.
    private func hashOnThread() {
        var atIdlePriority = false
        /// The system would not let the thread back to normal priority.
        var keptAtIdlePriority = false
        while true {
            let (paused, retired) = control.withLock { control -> (Bool, Bool) in
                (control.paused, control.retired)
            }
            if retired { return }
            if paused && !atIdlePriority {
                if Self.setIdlePriority(true) {
                    atIdlePriority = true
                } else {
                    // No idle priority here: wait for the resume.
                    let mustWait = control.withLock { control -> Bool in
                        if control.paused && !control.retired { control.waiting = true }
                        return control.waiting
                    }
                    if mustWait { gate.wait() }
                    continue
                }
            } else if !paused && atIdlePriority && !keptAtIdlePriority {
                // Back to normal priority when the system allows it (it may not for an
                // unprivileged user); otherwise go on at idle priority: ``result()`` does the rest.
                if Self.setIdlePriority(false) { atIdlePriority = false } else { keptAtIdlePriority = true }
            }
            let more = progress.withLock { progress in
                Self.hashBlock(of: &progress, from: descriptor, path: path, size: Self.threadBlockSize)
            }
            if !more { return }
        }
    }

    /// Moves the calling thread to the idle scheduling class (Linux `SCHED_IDLE`: it runs only
    /// when a core would otherwise be idle) or back to the normal one; whether that was done.
    private static func setIdlePriority(_ idle: Bool) -> Bool {
        #if os(Linux)
            var parameters = sched_param()
            // SCHED_IDLE (5) is not exported to Swift; SCHED_OTHER is 0.
            return sched_setscheduler(0, idle ? 5 : 0, &parameters) == 0
        #else
            return false
        #endif
    }

    /// Reads up to `size` bytes of the file and adds them to the hash; whether there may be more
    /// (false once the end is reached or a read failed, which ends the hashing with an error).
    private static func hashBlock(
        of progress: inout Progress, from descriptor: Int32, path: String, size: Int
    ) -> Bool {
        guard !progress.finished else { return false }
        while true {
            let count = read(descriptor, progress.buffer.baseAddress!, min(size, progress.buffer.count))
            if count < 0 {
                if errno == EINTR { continue }
                progress.failure = FormatError(
                    .io, file: path, message: "read failed: \(String(cString: strerror(errno)))")
                progress.finished = true
                return false
            }
            if count == 0 {
                progress.finished = true
                return false
            }
            progress.bytesHashed += count
            progress.hash.update(UnsafeRawBufferPointer(start: progress.buffer.baseAddress, count: count))
            return true
        }
    }
}
