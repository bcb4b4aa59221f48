#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a text file line by line without allocating per line.
///
/// INTERIM IMPLEMENTATION (plain files only); the input layer replaces the internals with
/// compression sniffing (plain / gzip / BGZF) while keeping this public interface.
public final class LineReader {
    /// The path as given (`-` means standard input).
    public let path: String
    /// The 1-based number of the line last returned by `nextLine()`, 0 before the first.
    public private(set) var lineNumber: Int = 0
    /// Lines longer than this many bytes are an error rather than an out-of-memory.
    public let maximumLineLength: Int

    private var fd: Int32
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var atEOF = false

    /// Opens `path` (`-` for standard input).
    public init(path: String, maximumLineLength: Int = 16 << 20) throws {
        self.path = path
        self.maximumLineLength = maximumLineLength
        if path == "-" {
            fd = 0
        } else {
            fd = open(path, O_RDONLY)
            if fd < 0 {
                throw FormatError(
                    .io, file: path, message: "cannot open: \(String(cString: strerror(errno)))")
            }
        }
        buffer = .allocate(byteCount: 1 << 20, alignment: 64)
    }

    deinit {
        if fd > 0 { close(fd) }
        buffer.deallocate()
    }

    /// The next line without its terminator (`\n` or `\r\n`), or `nil` at end of input.
    /// The bytes are valid until the next call.
    public func nextLine() throws -> UnsafeRawBufferPointer? {
        while true {
            if start < end, let base = buffer.baseAddress,
                let nl = memchr(base + start, 0x0A, end - start)
            {
                let lineEnd = base.distance(to: nl)
                var contentEnd = lineEnd
                if contentEnd > start && buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                let line = UnsafeRawBufferPointer(rebasing: buffer[start..<contentEnd])
                start = lineEnd + 1
                lineNumber += 1
                return line
            }
            if atEOF {
                if start < end {
                    var contentEnd = end
                    if buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                    let line = UnsafeRawBufferPointer(rebasing: buffer[start..<contentEnd])
                    start = end
                    lineNumber += 1
                    return line
                }
                return nil
            }
            try fill()
        }
    }

    private func fill() throws {
        if start > 0 {
            let count = end - start
            if count > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: count) }
            start = 0
            end = count
        }
        if end == buffer.count {
            if buffer.count >= maximumLineLength {
                throw FormatError(
                    .lineTooLong, file: path, line: lineNumber + 1,
                    message: "line longer than \(maximumLineLength) bytes")
            }
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 64)
            bigger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<end]))
            buffer.deallocate()
            buffer = bigger
        }
        let n = read(fd, buffer.baseAddress! + end, buffer.count - end)
        if n < 0 {
            throw FormatError(.io, file: path, message: "read failed: \(String(cString: strerror(errno)))")
        }
        if n == 0 { atEOF = true } else { end += n }
    }
}
