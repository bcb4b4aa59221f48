#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the lines of a plain (uncompressed) file that start in one byte range, with `pread` into
/// a buffer of its own, so that several readers can share one file on separate threads.
///
/// Line semantics are those of ``LineReader``: lines end at `\n`, a trailing `\r` is dropped, a
/// last line without a newline is returned, lines longer than `maximumLineLength` are an error.
/// A line starting in the range is returned whole even when it ends past the range. The range
/// must start at the beginning of a line.
final class MAFRangeLineReader {
    let path: String
    let maximumLineLength: Int
    /// The 1-based number of the line last returned.
    private(set) var lineNumber: Int

    private let descriptor: Int32
    /// Lines starting at or after this offset are not returned.
    private let end: Int
    private var buffer: UnsafeMutableRawBufferPointer
    /// File offset of `buffer[0]`.
    private var bufferOffset: Int
    /// Next unread byte of `buffer`.
    private var position = 0
    /// Bytes of `buffer` holding file data.
    private var filled = 0
    private var reachedEndOfFile = false

    /// Opens `path` to read the lines starting in `range`; the first is line `firstLineNumber`.
    init(path: String, range: Range<Int>, firstLineNumber: Int, maximumLineLength: Int) throws {
        self.path = path
        self.maximumLineLength = max(1, maximumLineLength)
        lineNumber = firstLineNumber - 1
        end = range.upperBound
        bufferOffset = range.lowerBound
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            throw FormatError(.io, file: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        buffer = .allocate(byteCount: min(1 << 20, self.maximumLineLength + 2), alignment: 64)
    }

    deinit {
        buffer.deallocate()
        close(descriptor)
    }

    /// File offset of the next line's first byte.
    var offset: Int { bufferOffset + position }

    /// The next line starting in the range, without its terminator, or `nil`; valid until the
    /// next call.
    func nextLine() throws -> UnsafeRawBufferPointer? {
        guard offset < end else { return nil }
        while true {
            let start = UnsafeRawPointer(buffer.baseAddress!) + position
            let remaining = filled - position
            if remaining > 0, let newline = memchr(start, 0x0A, remaining) {
                let length = start.distance(to: UnsafeRawPointer(newline))
                position += length + 1
                return try finishLine(start, length)
            }
            if reachedEndOfFile {
                guard remaining > 0 else { return nil }
                position = filled
                return try finishLine(start, remaining)
            }
            // One byte more than the limit leaves room for a `\r` before the `\n`.
            if remaining > maximumLineLength + 1 { throw lineTooLong(lineNumber + 1) }
            try refill()
        }
    }

    /// Moves the unread bytes to the front (growing the buffer when they fill it) and reads more.
    private func refill() throws {
        let remaining = filled - position
        if position > 0 {
            if remaining > 0 {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + position, byteCount: remaining)
            }
            bufferOffset += position
            position = 0
            filled = remaining
        }
        if filled == buffer.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(
                byteCount: min(buffer.count * 2, maximumLineLength + 2), alignment: 64)
            bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled)
            buffer.deallocate()
            buffer = bigger
        }
        while true {
            let count = pread(
                descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(bufferOffset + filled))
            if count < 0 {
                if errno == EINTR { continue }
                throw FormatError(
                    .io, file: path, message: "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { reachedEndOfFile = true }
            filled += count
            return
        }
    }

    /// Counts a line and strips a trailing `\r`.
    private func finishLine(_ start: UnsafeRawPointer, _ length: Int) throws -> UnsafeRawBufferPointer {
        lineNumber += 1
        var count = length
        if count > 0, start.load(fromByteOffset: count - 1, as: UInt8.self) == 0x0D { count -= 1 }
        if count > maximumLineLength { throw lineTooLong(lineNumber) }
        return UnsafeRawBufferPointer(start: start, count: count)
    }

    private func lineTooLong(_ line: Int) -> FormatError {
        FormatError(
            .lineTooLong, file: path, line: line,
            message: "line longer than \(maximumLineLength) bytes (the limit; is this a text file?)")
    }

    /// The number of `\n` bytes in `range` of the file at `path`.
    static func countNewlines(path: String, in range: Range<Int>) throws -> Int {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            throw FormatError(.io, file: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        var offset = range.lowerBound
        var newlines = 0
        while offset < range.upperBound {
            let count = pread(
                descriptor, buffer.baseAddress!, min(buffer.count, range.upperBound - offset), off_t(offset))
            if count < 0 {
                if errno == EINTR { continue }
                throw FormatError(
                    .io, file: path, message: "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            var cursor = UnsafeRawPointer(buffer.baseAddress!)
            var left = count
            while left > 0, let newline = memchr(cursor, 0x0A, left) {
                newlines += 1
                let next = UnsafeRawPointer(newline) + 1
                left -= cursor.distance(to: next)
                cursor = next
            }
            offset += count
        }
        return newlines
    }
}
