import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary report files being written right now, so that an interrupted run (SIGINT,
/// SIGTERM) removes them before it exits: completed reports stay, half-written ones never appear
/// under their final names (``ReportFileWriter`` renames atomically), and no `.NAME.tmp-PID-N`
/// files are left behind.
public enum TemporaryFileRegistry {
    /// Paths are kept as C strings so the signal path only calls `unlink(2)`.
    nonisolated(unsafe) private static var paths: [String: [CChar]] = [:]
    private static let lock = ReportMutex()
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    nonisolated(unsafe) private static var counter = 0

    /// Creates `.NAME.tmp-PID-N` beside `path` (mode 0600, `O_EXCL`) and registers it, both under
    /// the lock, so an interrupt either sees the file registered or stops it from being created.
    static func createTemporaryFile(for path: String, directory: String, name: String) -> (Int32, String)? {
        lock.withLock {
            for _ in 0..<100 {
                counter += 1
                let candidate = "\(directory)/.\(name).tmp-\(getpid())-\(counter)"
                let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL, 0o600)
                if descriptor >= 0 {
                    paths[candidate] = Array(candidate.utf8CString)
                    return (descriptor, candidate)
                }
                if errno != EEXIST { return nil }
            }
            return nil
        }
    }

    static func unregister(_ path: String) {
        lock.withLock { _ = paths.removeValue(forKey: path) }
    }

    /// Removes the registered files; exposed for tests.
    public static func removeAll() {
        lock.withLock { unlinkAll() }
    }

    private static func unlinkAll() {
        for (_, bytes) in paths { bytes.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) } }
        paths.removeAll()
    }

    /// Installs SIGINT and SIGTERM handlers that remove in-flight temporary files and exit with
    /// 128 + the signal number (130 for SIGINT), as a shell expects. Call once, from a command.
    public static func installInterruptCleanup() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    // Keep the lock until exit: no temporary file can be created after this.
                    lock.lock()
                    unlinkAll()
                    _exit(128 + signalNumber)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}

/// A minimal mutex over `pthread_mutex_t`, so this target needs no Foundation.
final class ReportMutex: @unchecked Sendable {
    // Safety: the mutex is allocated once, never moved, and only used through lock/unlock.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
