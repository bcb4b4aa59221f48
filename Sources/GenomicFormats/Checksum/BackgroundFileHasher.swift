import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The SHA-256 of a regular file, computed on a thread of its own while the caller does other
/// work, paused while the caller needs every core, and advanced by the caller's threads in the
/// moments they would otherwise wait.
///
/// `oncomatch match` hashes its input this way: while the rule set loads, while the rules are
/// matched and while the report model is built, one core would otherwise sit idle; during the
/// parallel parse, which keeps both busy, the hasher's thread waits, and the parse's threads hash
/// a small block whenever one of them would wait for the other (``hashBlockIfIdle()``). Hashing
/// the stored bytes inside the parse instead cost the run 4–6% of its time on the 1M-record
/// benchmark.
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
/// parseOnAllCores(path, whileWaiting: { hasher?.hashBlockIfIdle() ?? false })
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
        var cancelled = false
        var outcome: Result<String, FormatError>?
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

    /// The block the hasher's own thread reads and hashes at a time: it stays in the core's L2
    /// cache between the copy `read(2)` makes and the hashing (a MiB did not: the hash then read
    /// every byte back from L3).
    static let threadBlockSize = 128 << 10
    /// The block ``hashBlockIfIdle()`` hashes: about 25 µs, short enough that the thread it
    /// borrows is back soon when the work it waited for arrives.
    static let idleBlockSize = 32 << 10

    private let path: String
    private let descriptor: Int32
    private let identity: Identity
    private let control = Mutex(Control())
    private let progress: Mutex<Progress>
    /// Wakes the thread from a pause.
    private let gate = DispatchSemaphore(value: 0)
    /// Signalled once the thread has an outcome.
    private let done = DispatchSemaphore(value: 0)
    private let thread: Mutex<PassHelperThread?> = Mutex(nil)

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
        guard let thread = PassHelperThread(job: { [self] in hash() }) else {
            close(descriptor)
            return nil
        }
        self.thread.withLock { $0 = thread }
        thread.run()
    }

    deinit {
        close(descriptor)
    }

    /// Makes the thread wait, from the end of the block it is hashing, until ``resume()``.
    public func pause() {
        control.withLock { $0.paused = true }
    }

    /// Lets a paused thread go on.
    public func resume() {
        let wake = control.withLock { control -> Bool in
            control.paused = false
            defer { control.waiting = false }
            return control.waiting
        }
        if wake { gate.signal() }
    }

    /// Hashes the next small block of the file on the calling thread, unless another thread is
    /// hashing one (it never waits) or the file is all hashed; whether it hashed a block.
    ///
    /// For a thread with nothing else to do for a moment (a parse thread waiting for the other):
    /// call it until it returns `false` or the awaited work is there.
    public func hashBlockIfIdle() -> Bool {
        progress.withLockIfAvailable { progress in
            Self.hashBlock(of: &progress, from: descriptor, path: path, size: Self.idleBlockSize)
        } ?? false
    }

    /// Waits for the hash (resuming the thread if paused) and returns it as 64 lowercase hex
    /// digits; throws a `FormatError` when the file could not be read or changed since the
    /// hasher opened it. Ends the thread.
    public func result() throws -> String {
        resume()
        done.wait()
        done.signal()  // later calls return the same outcome
        thread.withLock { $0.take() }?.stop()
        let outcome = control.withLock { $0.outcome! }
        var status = stat()
        if case .success = outcome, stat(path, &status) != 0 || Identity(status) != identity {
            throw FormatError(
                .io, file: path, message: "the file changed while it was being read; read it again")
        }
        return try outcome.get()
    }

    /// Stops the thread without a result (the caller gave up).
    public func cancel() {
        control.withLock { $0.cancelled = true }
        resume()
        done.wait()
        done.signal()
        thread.withLock { $0.take() }?.stop()
    }

    /// The thread's job: hashes the file a block at a time, honouring pauses.
    private func hash() {
        let outcome = Result { () throws(FormatError) in try hashFile() }
        control.withLock { $0.outcome = outcome }
        done.signal()
    }

    private func hashFile() throws(FormatError) -> String {
        while true {
            let (mustWait, cancelled) = control.withLock { control -> (Bool, Bool) in
                if control.paused && !control.cancelled { control.waiting = true }
                return (control.waiting, control.cancelled)
            }
            if cancelled { throw FormatError(.io, file: path, message: "hashing cancelled") }
            if mustWait {
                gate.wait()
                continue
            }
            let more = progress.withLock { progress in
                Self.hashBlock(of: &progress, from: descriptor, path: path, size: Self.threadBlockSize)
            }
            if !more { break }
        }
        let (digest, bytesHashed, failure) = progress.withLock { progress in
            (progress.hash.hexDigest, progress.bytesHashed, progress.failure)
        }
        if let failure { throw failure }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Identity(status) == identity, bytesHashed == identity.size
        else {
            throw FormatError(
                .io, file: path, message: "the file changed while it was being read; read it again")
        }
        return digest
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
