#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A per-process scratch file on tmpfs (`/dev/shm` when present) that each fuzz input is written
/// to, because the readers work on paths.
public struct ScratchFile: Sendable {
    /// The file's path.
    public let path: String

    /// A scratch path named after `harness`, the process id and `suffix`.
    public init(harness: String, suffix: String) {
        var directory = "/dev/shm"
        if access(directory, W_OK) != 0 { directory = "/tmp" }
        path = "\(directory)/oncomatch-fuzz-\(harness)-\(getpid())\(suffix)"
    }

    /// Replaces the file's contents with `size` bytes at `data`.
    public func replaceContents(with data: UnsafePointer<UInt8>?, _ size: Int) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot create \(path)")
        var written = 0
        while written < size, let data {
            let n = write(fd, data + written, size - written)
            precondition(n > 0, "cannot write \(path)")
            written += n
        }
        close(fd)
    }
}

/// The input as a buffer (empty when libFuzzer passes a null pointer).
public func inputBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
}

/// The input copied into an array (one `memcpy`: building it from the raw buffer's elements would
/// copy byte by byte through instrumented code).
public func inputArray(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
