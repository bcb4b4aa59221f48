#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a plain, gzip or BGZF text input line by line without allocating per line.
///
/// Lines are found with `memchr` in the decompressed chunks of a ``DecompressingReader`` and
/// returned in place; only a line that straddles two chunks is copied (into a buffer that grows
/// up to `maximumLineLength`). `\r\n` endings are accepted; a last line without a newline is
/// returned. Inputs that are binary rather than text (a NUL byte near the start, or BCF) are
/// rejected with a clear error.
public final class LineReader {
    /// The path as given (`-` means standard input), or the name of an in-memory input.
    public let path: String
    /// The 1-based number of the line last returned by `nextLine()`, 0 before the first.
    public var lineNumber: Int { currentLineNumber }
    /// Lines longer than this many bytes are an error rather than an out-of-memory.
    public let maximumLineLength: Int

    // Mutable state is private, behind public getters: a `public private(set)` stored property
    // could be accessed from other modules, so the optimizer keeps a run-time exclusivity check
    // on every write; for private stored properties it can prove there is no conflict.
    private var currentLineNumber = 0
    private let reader: DecompressingReader
    private var chunkStart: UnsafeRawPointer?
    private var chunkPosition = 0
    private var chunkEnd = 0
    private var carry: UnsafeMutableRawBufferPointer
    private var carryCount = 0
    private var exhausted = false
    private var checkedStart = false

    /// How the input is stored (detected from its first bytes).
    public var compression: InputCompression { reader.compression }

    /// Opens `path` (`-` for standard input).
    /// - Parameters:
    ///   - maximumLineLength: the longest line accepted, in bytes (terminator excluded).
    ///   - inflateThreads: worker threads for BGZF blocks; 0 inflates on the caller's thread.
    public init(
        path: String, maximumLineLength: Int = 16 << 20,
        inflateThreads: Int = DecompressingReader.defaultInflateThreads
    ) throws {
        self.path = path
        self.maximumLineLength = max(1, maximumLineLength)
        reader = try DecompressingReader(path: path, inflateThreads: inflateThreads)
        carry = .allocate(byteCount: min(64 << 10, self.maximumLineLength + 1), alignment: 64)
    }

    /// Reads `bytes` (plain, gzip or BGZF) as if they were a file called `name`.
    public init(
        bytes: [UInt8], name: String, maximumLineLength: Int = 16 << 20,
        inflateThreads: Int = DecompressingReader.defaultInflateThreads
    ) throws {
        path = name
        self.maximumLineLength = max(1, maximumLineLength)
        reader = try DecompressingReader(bytes: bytes, name: name, inflateThreads: inflateThreads)
        carry = .allocate(byteCount: min(64 << 10, self.maximumLineLength + 1), alignment: 64)
    }

    deinit { carry.deallocate() }

    /// The next line without its terminator (`\n` or `\r\n`), or `nil` at end of input.
    /// The bytes are valid until the next call.
    public func nextLine() throws -> UnsafeRawBufferPointer? {
        while true {
            if chunkPosition < chunkEnd, let chunkStart {
                let start = chunkStart + chunkPosition
                let remaining = chunkEnd - chunkPosition
                if let newline = memchr(start, 0x0A, remaining) {
                    let length = start.distance(to: UnsafeRawPointer(newline))
                    chunkPosition += length + 1
                    if carryCount == 0 { return try finishLine(start, length) }
                    try appendToCarry(start, length)
                    return try takeCarry()
                }
                try appendToCarry(start, remaining)
                chunkPosition = chunkEnd
            }
            if exhausted { return nil }
            guard let chunk = try reader.nextChunk() else {
                exhausted = true
                chunkStart = nil
                chunkPosition = 0
                chunkEnd = 0
                if carryCount > 0 { return try takeCarry() }
                return nil
            }
            if !checkedStart, chunk.count > 0 {
                checkedStart = true
                try rejectBinary(chunk)
            }
            chunkStart = chunk.baseAddress
            chunkPosition = 0
            chunkEnd = chunk.count
        }
    }

    /// Counts a line and strips a trailing `\r`.
    @inline(__always)
    private func finishLine(_ start: UnsafeRawPointer, _ length: Int) throws -> UnsafeRawBufferPointer {
        currentLineNumber += 1
        let lineNumber = currentLineNumber
        var count = length
        if count > 0, start.load(fromByteOffset: count - 1, as: UInt8.self) == 0x0D { count -= 1 }
        if count > maximumLineLength { throw lineTooLong(lineNumber) }
        return UnsafeRawBufferPointer(start: start, count: count)
    }

    /// Returns the assembled line in `carry`; its bytes stay untouched until the next call.
    private func takeCarry() throws -> UnsafeRawBufferPointer {
        let count = carryCount
        carryCount = 0
        return try finishLine(UnsafeRawPointer(carry.baseAddress!), count)
    }

    private func appendToCarry(_ start: UnsafeRawPointer, _ count: Int) throws {
        let needed = carryCount + count
        // One byte more than the limit leaves room for a `\r` before the `\n`.
        if needed > maximumLineLength + 1 { throw lineTooLong(lineNumber + 1) }
        if needed > carry.count {
            let capacity = min(max(needed, carry.count * 2), maximumLineLength + 1)
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
            bigger.baseAddress!.copyMemory(from: carry.baseAddress!, byteCount: carryCount)
            carry.deallocate()
            carry = bigger
        }
        (carry.baseAddress! + carryCount).copyMemory(from: start, byteCount: count)
        carryCount = needed
    }

    private func lineTooLong(_ line: Int) -> FormatError {
        FormatError(
            .lineTooLong, file: path, line: line,
            message: "line longer than \(maximumLineLength) bytes (the limit; is this a text file?)")
    }

    /// Text never holds NUL bytes; say so early instead of yielding garbage lines.
    private func rejectBinary(_ chunk: UnsafeRawBufferPointer) throws {
        if chunk.count >= 3, chunk[0] == 0x42, chunk[1] == 0x43, chunk[2] == 0x46 {  // "BCF"
            if chunk.count >= 4, chunk[3] == 2 || chunk[3] == 1 {
                throw FormatError(
                    .io, file: path,
                    message: "this is a BCF (binary VCF) file, not text; convert it with `bcftools view -Ov`")
            }
        }
        let scanned = min(chunk.count, 64 << 10)
        if let nul = memchr(chunk.baseAddress!, 0, scanned) {
            let offset = chunk.baseAddress!.distance(to: UnsafeRawPointer(nul))
            throw FormatError(
                .io, file: path,
                message:
                    "not a text file: byte \(offset) of the \(reader.compression == .plain ? "" : "decompressed ")"
                    + "data is NUL (expected plain, gzip or BGZF text)")
        }
    }
}
