import FuzzSupport
import GenomicFormats

#if canImport(Glibc)
    import Glibc
#endif

/// Feeds the input, as if it were a file, through the input layer: compression sniffing (plain,
/// gzip of one or several members, BGZF), inflation with its CRC32/ISIZE/truncation checks, line
/// framing and the line-length limit. Two readings must agree:
///
/// - `DecompressingReader` with inline inflation gives the reference stream (or an error);
/// - `LineReader` (inline, or with one inflating worker thread) must return exactly the lines of
///   that stream (`\n` or `\r\n` ends, last line without a newline), each within the limit, and
///   may only stop early with `lineTooLong` on a line that really is too long, with the binary
///   refusal when the stream really starts with NUL bytes or BCF, or with the very error of the
///   reference reading.
///
/// The line limit and the thread count come from the input's size, so its first bytes stay free
/// for the magic numbers the sniffing reads. One input size in four reads with a worker thread
/// (a BGZF worker ring costs about 7 MB of buffers per reader, slow under ASan).
let lineLimits = [8, 100, 4096, 1 << 20]
/// Decompressed bytes read per input at most (a 32 KiB deflate stream can inflate to 32 MiB):
/// enough to cross the readers' 1 MiB chunk boundary (plain, gzip). Lines past it are not read.
let streamCap = 5 << 18
/// Lines checked per input at most: a megabyte of newlines is a million lines, each costing a
/// trip through instrumented code, and adds nothing to a thousand.
let lineCap = 5000
let inputName = "fuzz-input"

/// The reference reading: every decompressed byte, or those before the first error.
struct ReferenceStream {
    var bytes: [UInt8] = []
    var error: FormatError?
    var compression: InputCompression?
    var capped = false
}

func readReference(_ input: [UInt8]) -> ReferenceStream {
    var result = ReferenceStream()
    let sniffed = input.withUnsafeBytes {
        InputCompression.detect(prefix: UnsafeRawBufferPointer(rebasing: $0.prefix(512)))
    }
    if sniffed == .plain {
        // Plain bytes are their own stream (and a reader costs a 1 MiB buffer: slow under ASan).
        result.compression = .plain
        result.bytes = input
        result.capped = input.count > streamCap
        return result
    }
    do {
        let reader = try DecompressingReader(bytes: input, name: inputName, inflateThreads: 0)
        result.compression = reader.compression
        result.bytes.reserveCapacity(64 << 10)
        while let chunk = try reader.nextChunk() {
            // Typed, so the append is one memcpy rather than a byte loop.
            result.bytes.append(
                contentsOf: UnsafeBufferPointer(
                    start: chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), count: chunk.count))
            if result.bytes.count > streamCap {
                result.capped = true
                break
            }
        }
        if result.error == nil, !result.capped, (try? reader.nextChunk()) != nil {
            fatalError("DecompressingReader returned a chunk after its end")
        }
    } catch let error as FormatError {
        result.error = error
    } catch {
        fatalError("DecompressingReader threw a non-FormatError: \(error)")
    }
    return result
}

/// Checks that `line` is the stream's line starting at `position` and returns where the next
/// line starts.
func match(_ line: UnsafeRawBufferPointer, in stream: [UInt8], at position: Int, number: Int) -> Int {
    var next = position + line.count
    let same =
        next <= stream.count
        && (line.isEmpty
            || stream.withUnsafeBytes {
                memcmp($0.baseAddress! + position, line.baseAddress!, line.count) == 0
            })
    guard same else {
        fatalError("line \(number) (\(line.count) bytes) differs from the stream at byte \(position)")
    }
    if next < stream.count, stream[next] == 0x0D, next + 1 == stream.count || stream[next + 1] == 0x0A {
        next += 1
    }
    if next < stream.count {
        guard stream[next] == 0x0A else {
            fatalError("line \(number) ends at byte \(next) of the stream, which is not a line end")
        }
        next += 1
    }
    return next
}

/// The length of the stream's line starting at `position`, a trailing `\r` excluded.
func lineLength(in stream: [UInt8], at position: Int) -> Int {
    let end = stream.withUnsafeBytes { bytes -> Int in
        guard position < bytes.count,
            let newline = memchr(bytes.baseAddress! + position, 0x0A, bytes.count - position)
        else { return bytes.count }
        return bytes.baseAddress!.distance(to: UnsafeRawPointer(newline))
    }
    var length = end - position
    if length > 0, stream[end - 1] == 0x0D { length -= 1 }
    return length
}

/// The libFuzzer entry point: one input per call, always returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = inputArray(data, size)
    let limit = lineLimits[size % lineLimits.count]
    let threads = (size / lineLimits.count) % 4 == 1 ? 1 : 0
    let reference = readReference(input)
    let lines: LineReader
    do {
        lines = try LineReader(
            bytes: input, name: inputName, maximumLineLength: limit, inflateThreads: threads)
    } catch {
        fatalError("LineReader(bytes:) threw although DecompressingReader did not: \(error)")
    }
    if let compression = reference.compression, lines.compression != compression {
        fatalError("LineReader sniffed \(lines.compression), DecompressingReader \(compression)")
    }
    var position = 0
    var count = 0
    var seen = 0
    let checking = !reference.capped
    do {
        while let line = try lines.nextLine() {
            count += 1
            seen += line.count + 1
            if lines.lineNumber != count { fatalError("line number \(lines.lineNumber), expected \(count)") }
            if line.count > limit {
                fatalError("line \(count) has \(line.count) bytes, over the limit \(limit)")
            }
            // A capped reference holds only the first `streamCap` bytes: check the lines inside it.
            if reference.capped, position + line.count + 2 > reference.bytes.count { return 0 }
            position = match(line, in: reference.bytes, at: position, number: count)
            if seen > streamCap || count >= lineCap { return 0 }
        }
        if checking {
            if let error = reference.error {
                fatalError("LineReader ended cleanly where DecompressingReader failed: \(error)")
            }
            if position != reference.bytes.count {
                fatalError("LineReader ended at byte \(position) of a \(reference.bytes.count)-byte stream")
            }
        }
        if (try? lines.nextLine()) != nil { fatalError("LineReader returned a line after its end") }
    } catch let error as FormatError {
        if error.file != inputName { fatalError("error names file '\(error.file)'") }
        _ = error.description
        guard checking else { return 0 }
        switch error.kind {
        case .lineTooLong:
            if error.line != count + 1 {
                fatalError("lineTooLong on line \(String(describing: error.line)), expected \(count + 1)")
            }
            let length = lineLength(in: reference.bytes, at: position)
            if length <= limit {
                fatalError("lineTooLong for line \(count + 1) of \(length) bytes (limit \(limit))")
            }
        case .io:
            let prefix = reference.bytes.prefix(64 << 10)
            let hasNUL = prefix.withUnsafeBytes { !$0.isEmpty && memchr($0.baseAddress!, 0, $0.count) != nil }
            let binary = hasNUL || (prefix.starts(with: [0x42, 0x43, 0x46]) && prefix.count >= 4)
            if count != 0 || !binary { fatalError("unexpected I/O error after \(count) lines: \(error)") }
        case .compression:
            if error != reference.error {
                fatalError(
                    "LineReader failed with '\(error)', DecompressingReader with '\(String(describing: reference.error))'"
                )
            }
        default:
            fatalError("unexpected error kind from LineReader: \(error)")
        }
        // A reader that failed must keep failing or end, never crash.
        _ = try? lines.nextLine()
    } catch {
        fatalError("LineReader threw a non-FormatError: \(error)")
    }
    return 0
}

runFuzzer(fuzz)
