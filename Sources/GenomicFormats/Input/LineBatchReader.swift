#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a plain, gzip or BGZF text input first line by line (as ``LineReader`` does, for a
/// header), then in runs of whole lines, mostly in place in the decompressed chunks, so that threads
/// can split and parse them in place.
///
/// `nextLine()` follows ``LineReader/nextLine()`` exactly (terminators, `\r\n`, line numbers,
/// length limit, binary input rejected). `nextLines()` then hands out the rest of the input as
/// runs of whole lines: no line is split between runs.
final class LineBatchReader {
    /// A growable byte buffer (the start of a line that continues in a later chunk).
    private final class Buffer {
        private(set) var storage: UnsafeMutableRawBufferPointer
        /// Bytes of `storage` in use.
        var count = 0

        init(capacity: Int) {
            storage = .allocate(byteCount: max(capacity, 64), alignment: 64)
        }

        deinit { storage.deallocate() }

        /// The bytes in use.
        var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage.baseAddress, count: count) }

        func reserve(_ needed: Int) {
            if needed <= storage.count { return }
            let bigger = UnsafeMutableRawBufferPointer.allocate(
                byteCount: max(needed, storage.count * 2), alignment: 64)
            if count > 0 { bigger.baseAddress!.copyMemory(from: storage.baseAddress!, byteCount: count) }
            storage.deallocate()
            storage = bigger
        }

        func append(_ start: UnsafeRawPointer, _ byteCount: Int) {
            if byteCount == 0 { return }
            reserve(count + byteCount)
            (storage.baseAddress! + count).copyMemory(from: start, byteCount: byteCount)
            count += byteCount
        }
    }

    /// The path as given (`-` means standard input).
    let path: String
    /// Lines longer than this many bytes (terminator excluded) are an error.
    let maximumLineLength: Int
    /// The 1-based number of the line last returned by `nextLine()`, 0 before the first.
    private(set) var lineNumber = 0

    private let reader: DecompressingReader
    private var chunkStart: UnsafeRawPointer?
    private var chunkPosition = 0
    private var chunkEnd = 0
    /// The start of a line whose end is in a later chunk.
    private let carry = Buffer(capacity: 64 << 10)
    /// Whether `carry` holds a line handed out by `nextLines()` (emptied at the next call).
    private var headHandedOut = false
    private var exhausted = false
    private var checkedStart = false

    init(
        path: String, maximumLineLength: Int,
        inflateThreads: Int = DecompressingReader.defaultInflateThreads, cooperativeInflation: Bool = false,
        computesChecksum: Bool = false
    ) throws {
        self.path = path
        self.maximumLineLength = max(1, maximumLineLength)
        reader = try DecompressingReader(
            path: path, inflateThreads: inflateThreads, cooperativeInflation: cooperativeInflation,
            computesChecksum: computesChecksum)
    }

    /// Set for BGZF input opened with `cooperativeInflation`: the caller's other threads inflate
    /// batches ahead through it (see ``DecompressingReader``).
    var cooperativeInflation: CooperativeInflation? { reader.cooperativeInflation }

    /// The hex SHA-256 of the stored input (see ``DecompressingReader/checksum()``).
    func checksum() throws -> String? { try reader.checksum() }

    /// The next line without its terminator, or `nil` at end of input; valid until the next call.
    func nextLine() throws -> UnsafeRawBufferPointer? {
        while true {
            if chunkPosition < chunkEnd, let chunkStart {
                let start = chunkStart + chunkPosition
                let remaining = chunkEnd - chunkPosition
                if let newline = memchr(start, 0x0A, remaining) {
                    let length = start.distance(to: UnsafeRawPointer(newline))
                    chunkPosition += length + 1
                    if carry.count == 0 { return try finishLine(start, length) }
                    try appendToCarry(start, length, nextLine: lineNumber + 1)
                    return try takeCarry()
                }
                try appendToCarry(start, remaining, nextLine: lineNumber + 1)
                chunkPosition = chunkEnd
            }
            if try !loadChunk() {
                if carry.count > 0 { return try takeCarry() }
                return nil
            }
        }
    }

    /// The next run of whole lines, in place, or `nil` at the end of the input: `head` is the
    /// line begun in earlier chunks, completed with its newline (empty when the current chunk
    /// starts a line), `body` the following whole lines of the current chunk, in place. The
    /// last line of the input may lack a newline. Both stay valid until the next call.
    ///
    /// Lines are not counted here (whoever splits them counts them), and a line longer than the
    /// limit that spans chunks throws a `.lineTooLong` error whose `line` is `nil`: only the
    /// caller knows its number.
    func nextLines() throws -> (head: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer)? {
        if headHandedOut {
            carry.count = 0
            headHandedOut = false
        }
        while true {
            if chunkPosition < chunkEnd, let chunkStart {
                var start = chunkStart + chunkPosition
                var remaining = chunkEnd - chunkPosition
                if carry.count > 0 {
                    guard let newline = memchr(start, 0x0A, remaining) else {
                        try appendToCarry(start, remaining, nextLine: nil)
                        chunkPosition = chunkEnd
                        continue
                    }
                    let length = start.distance(to: UnsafeRawPointer(newline)) + 1
                    // The newline is included: the limit is checked when the line is split.
                    carry.append(start, length)
                    headHandedOut = true
                    start += length
                    remaining -= length
                    chunkPosition += length
                }
                let bodyCount = Self.lastNewline(start, remaining).map { $0 + 1 } ?? 0
                if !headHandedOut && bodyCount == 0 {
                    try appendToCarry(start, remaining, nextLine: nil)
                    chunkPosition = chunkEnd
                    continue
                }
                chunkPosition += bodyCount
                // Bytes after the body stay in the chunk; the next call moves them to `carry`.
                return (carry.bytes, UnsafeRawBufferPointer(start: start, count: bodyCount))
            }
            if try !loadChunk() {
                if carry.count == 0 { return nil }
                headHandedOut = true
                return (carry.bytes, UnsafeRawBufferPointer(start: nil, count: 0))
            }
        }
    }

    /// The offset of the last `\n` in `start[0..<count]` (a backward scan: lines are short
    /// next to chunks, so it stops soon).
    @inline(__always)
    private static func lastNewline(_ start: UnsafeRawPointer, _ count: Int) -> Int? {
        let bytes = start.assumingMemoryBound(to: UInt8.self)
        var index = count - 1
        while index >= 0 {
            if bytes[index] == 0x0A { return index }
            index -= 1
        }
        return nil
    }

    /// Makes the next decompressed chunk current; `false` at the end of the input.
    private func loadChunk() throws -> Bool {
        if exhausted { return false }
        guard let chunk = try reader.nextChunk() else {
            exhausted = true
            chunkStart = nil
            chunkPosition = 0
            chunkEnd = 0
            return false
        }
        if !checkedStart, chunk.count > 0 {
            checkedStart = true
            try rejectBinary(chunk)
        }
        chunkStart = chunk.baseAddress
        chunkPosition = 0
        chunkEnd = chunk.count
        return true
    }

    @inline(__always)
    private func finishLine(_ start: UnsafeRawPointer, _ length: Int) throws -> UnsafeRawBufferPointer {
        lineNumber += 1
        var count = length
        if count > 0, start.load(fromByteOffset: count - 1, as: UInt8.self) == 0x0D { count -= 1 }
        if count > maximumLineLength { throw lineTooLong(lineNumber) }
        return UnsafeRawBufferPointer(start: start, count: count)
    }

    private func takeCarry() throws -> UnsafeRawBufferPointer {
        let count = carry.count
        carry.count = 0
        return try finishLine(UnsafeRawPointer(carry.storage.baseAddress!), count)
    }

    private func appendToCarry(_ start: UnsafeRawPointer, _ count: Int, nextLine: Int?) throws {
        // One byte more than the limit leaves room for a `\r` before the `\n`.
        if carry.count + count > maximumLineLength + 1 { throw lineTooLong(nextLine) }
        carry.append(start, count)
    }

    /// The error for a line longer than the limit (as ``LineReader`` words it).
    func lineTooLong(_ line: Int?) -> FormatError {
        FormatError(
            .lineTooLong, file: path, line: line,
            message: "line longer than \(maximumLineLength) bytes (the limit; is this a text file?)")
    }

    /// Text never holds NUL bytes; say so early instead of yielding garbage lines.
    private func rejectBinary(_ chunk: UnsafeRawBufferPointer) throws {
        if chunk.count >= 4, chunk[0] == 0x42, chunk[1] == 0x43, chunk[2] == 0x46,
            chunk[3] == 2 || chunk[3] == 1
        {
            throw FormatError(
                .io, file: path,
                message: "this is a BCF (binary VCF) file, not text; convert it with `bcftools view -Ov`")
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
