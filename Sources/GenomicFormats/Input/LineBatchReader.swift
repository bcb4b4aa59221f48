#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a plain, gzip or BGZF text input first line by line (as ``LineReader`` does, for a
/// header), then in batches of whole lines copied into a caller's buffer, so that other threads
/// can split and parse the batches while the next one is read.
///
/// `nextLine()` follows ``LineReader/nextLine()`` exactly (terminators, `\r\n`, line numbers,
/// length limit, binary input rejected). `nextBatch(into:)` then hands out the rest of the input:
/// each batch ends just after a newline (except the last, which may end with a line without
/// one), and no line is split between batches. Lines in batches are not counted here: whoever
/// splits a batch counts them (see ``LineBatchReader/Batch``).
final class LineBatchReader {
    /// A growable byte buffer holding one batch of whole lines.
    ///
    /// Not thread-safe by itself: its owner hands it to one thread at a time.
    final class Batch {
        private(set) var storage: UnsafeMutableRawBufferPointer
        /// Bytes of `storage` in use.
        fileprivate(set) var count = 0

        init(capacity: Int) {
            storage = .allocate(byteCount: max(capacity, 64), alignment: 64)
        }

        deinit { storage.deallocate() }

        /// The batch's bytes.
        var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage.baseAddress, count: count) }

        fileprivate func reserve(_ needed: Int) {
            if needed <= storage.count { return }
            let bigger = UnsafeMutableRawBufferPointer.allocate(
                byteCount: max(needed, storage.count * 2), alignment: 64)
            if count > 0 { bigger.baseAddress!.copyMemory(from: storage.baseAddress!, byteCount: count) }
            storage.deallocate()
            storage = bigger
        }

        fileprivate func append(_ start: UnsafeRawPointer, _ byteCount: Int) {
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
    private let carry = Batch(capacity: 64 << 10)
    private var exhausted = false
    private var checkedStart = false

    init(
        path: String, maximumLineLength: Int,
        inflateThreads: Int = DecompressingReader.defaultInflateThreads
    ) throws {
        self.path = path
        self.maximumLineLength = max(1, maximumLineLength)
        reader = try DecompressingReader(path: path, inflateThreads: inflateThreads)
    }

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

    /// Fills `batch` with the next whole lines (the pending start of a line, then the current
    /// chunk's bytes up to its last newline). Returns `false` at the end of the input.
    ///
    /// A line longer than the limit throws a `.lineTooLong` error whose `line` is `nil`: only
    /// the caller, who counts the lines of earlier batches, knows its number.
    func nextBatch(into batch: Batch) throws -> Bool {
        batch.count = 0
        while true {
            if chunkPosition < chunkEnd, let chunkStart {
                let start = chunkStart + chunkPosition
                let remaining = chunkEnd - chunkPosition
                if let newline = Self.lastNewline(start, remaining) {
                    let length = newline + 1
                    batch.reserve(carry.count + length)
                    batch.append(UnsafeRawPointer(carry.storage.baseAddress!), carry.count)
                    batch.append(start, length)
                    carry.count = 0
                    chunkPosition += length
                    return true
                }
                try appendToCarry(start, remaining, nextLine: nil)
                chunkPosition = chunkEnd
            }
            if try !loadChunk() {
                if carry.count == 0 { return false }
                batch.append(UnsafeRawPointer(carry.storage.baseAddress!), carry.count)
                carry.count = 0
                return true
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
