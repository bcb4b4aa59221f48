import CZlib

/// A plain (non-BGZF) gzip stream of one or more members, inflated with zlib on the caller's
/// thread.
///
/// zlib is reset at every member end so concatenated members are all read; an input that ends
/// inside a member is reported as truncated rather than silently cut short.
final class GzipChunkSource: DecompressedChunkSource {
    private let input: RawInput
    private let stream: UnsafeMutablePointer<z_stream>
    private let inputBuffer: UnsafeMutableRawBufferPointer
    private let outputBuffer: UnsafeMutableRawBufferPointer
    /// Whether bytes of a member have been fed to zlib since the last member end.
    private var insideMember = false
    private var finished = false
    private var pendingError: FormatError?
    /// Compressed bytes handed to zlib before the current input buffer.
    private var consumedBeforeBuffer = 0
    private var bufferFill = 0

    init(input: RawInput, inputSize: Int = 256 << 10, outputSize: Int = 1 << 20) throws {
        self.input = input
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        inputBuffer = .allocate(byteCount: inputSize, alignment: 64)
        outputBuffer = .allocate(byteCount: outputSize, alignment: 64)
        // 15 + 32: a 32 KiB window, gzip or zlib header detected automatically.
        let status = oncomatch_inflateInit2(stream, 15 + 32)
        if status != Z_OK {
            stream.deallocate()
            inputBuffer.deallocate()
            outputBuffer.deallocate()
            throw FormatError(
                .compression, file: input.name, message: "cannot initialise zlib (status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        inputBuffer.deallocate()
        outputBuffer.deallocate()
    }

    func nextChunk() throws -> UnsafeRawBufferPointer? {
        if let pendingError { throw pendingError }
        if finished { return nil }
        let output = outputBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        stream.pointee.next_out = output
        stream.pointee.avail_out = UInt32(outputBuffer.count)
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0 {
                if input.reachedEnd {
                    if insideMember {
                        pendingError = FormatError(
                            .compression, file: input.name,
                            message: "gzip stream is truncated: the input ends inside a gzip member "
                                + "(after \(compressedOffset) compressed bytes)")
                    } else {
                        finished = true
                    }
                    break
                }
                consumedBeforeBuffer += bufferFill
                bufferFill = try input.read(into: inputBuffer.baseAddress!, count: inputBuffer.count)
                stream.pointee.next_in = inputBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
                stream.pointee.avail_in = UInt32(bufferFill)
                continue
            }
            let startsMember = !insideMember
            let offsetBefore = compressedOffset
            insideMember = true
            let status = inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_STREAM_END:
                insideMember = false
                inflateReset(stream)
            case Z_OK, Z_BUF_ERROR:
                // Z_BUF_ERROR: no progress possible until more input or output space; the loop
                // supplies whichever is missing.
                break
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                let message =
                    startsMember && offsetBefore > 0
                    ? "unexpected data after the gzip member ending at compressed byte \(offsetBefore) "
                        + "(\(detail))"
                    : "corrupt gzip data near compressed byte \(compressedOffset): \(detail)"
                pendingError = FormatError(.compression, file: input.name, message: message)
            }
            if pendingError != nil { break }
        }
        let produced = outputBuffer.count - Int(stream.pointee.avail_out)
        if produced == 0 {
            if let pendingError { throw pendingError }
            return finished ? nil : UnsafeRawBufferPointer(start: outputBuffer.baseAddress, count: 0)
        }
        return UnsafeRawBufferPointer(start: outputBuffer.baseAddress, count: produced)
    }

    private var compressedOffset: Int { consumedBeforeBuffer + bufferFill - Int(stream.pointee.avail_in) }
}
