#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The undecoded bytes of an input: a file, standard input (`-`), or an in-memory array.
///
/// Reads loop over short reads (pipes deliver at most a pipe buffer at a time), so a read
/// returns fewer bytes than asked only at the end of the input.
final class RawInput {
    /// The name used in error messages (the path as given, `-` for standard input).
    let name: String
    private var descriptor: Int32
    private let ownsDescriptor: Bool
    private let memory: [UInt8]
    /// Bytes already read by `peek` and not yet handed out by `read`.
    private var peeked: [UInt8] = []
    private var peekedOffset = 0
    private var memoryOffset = 0
    /// Whether a read has seen the end of the input.
    private(set) var reachedEnd = false
    /// The input's size in bytes when known before reading (in memory, or a regular file);
    /// `nil` for a pipe. Only a hint for sizing buffers: the reads decide where the input ends.
    private(set) var sizeHint: Int?
    /// The SHA-256 of the bytes read so far, when asked for (bytes are hashed as they arrive,
    /// while they are in cache, instead of in a second read of the file).
    private var hasher: SHA256?

    /// Starts hashing every byte read from now on; call before the first read or peek.
    func computeChecksum() { hasher = SHA256() }

    /// The hex SHA-256 of the whole input: reads (and hashes) whatever the consumer left unread.
    /// `nil` unless `computeChecksum()` was called.
    func finishChecksum() throws -> String? {
        guard hasher != nil else { return nil }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { scratch.deallocate() }
        peeked = []
        peekedOffset = 0
        while !reachedEnd {
            _ = try read(into: scratch.baseAddress!, count: scratch.count)
        }
        return hasher?.hexDigest
    }

    init(path: String) throws {
        name = path
        memory = []
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 {
                throw FormatError(.io, file: path, message: "cannot open: \(RawInput.errorText())")
            }
            ownsDescriptor = true
            var status = stat()
            if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw FormatError(.io, file: path, message: "cannot read: is a directory")
            }
            if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
                sizeHint = Int(status.st_size)
            }
            #if os(Linux)
                _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
            #endif
        }
    }

    init(bytes: [UInt8], name: String) {
        self.name = name
        memory = bytes
        sizeHint = bytes.count
        descriptor = -1
        ownsDescriptor = false
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads up to `count` bytes without consuming them: later `read` calls return them first.
    func peek(upTo count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { try read(into: $0.baseAddress!, count: count) }
        bytes.removeSubrange(got...)
        peeked = bytes
        peekedOffset = 0
        reachedEnd = false
        return bytes
    }

    /// Fills `destination` with up to `count` bytes; fewer only at the end of the input.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws -> Int {
        var total = 0
        if peekedOffset < peeked.count {
            let take = min(count, peeked.count - peekedOffset)
            peeked.withUnsafeBytes {
                destination.copyMemory(from: $0.baseAddress! + peekedOffset, byteCount: take)
            }
            peekedOffset += take
            total = take
            if peekedOffset == peeked.count {
                peeked = []
                peekedOffset = 0
            }
        }
        if descriptor < 0 {
            let take = min(count - total, memory.count - memoryOffset)
            if take > 0 {
                memory.withUnsafeBytes {
                    (destination + total).copyMemory(from: $0.baseAddress! + memoryOffset, byteCount: take)
                }
                hasher?.update(UnsafeRawBufferPointer(start: destination + total, count: take))
                memoryOffset += take
                total += take
            }
            if total < count { reachedEnd = true }
            return total
        }
        while total < count {
            let got = systemRead(descriptor, destination + total, count - total)
            if got < 0 {
                if errno == EINTR { continue }
                throw FormatError(.io, file: name, message: "read failed: \(RawInput.errorText())")
            }
            if got == 0 {
                reachedEnd = true
                break
            }
            hasher?.update(UnsafeRawBufferPointer(start: destination + total, count: got))
            total += got
        }
        return total
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

/// `read(2)`, named apart from `RawInput.read` so the call inside the class is unambiguous.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
