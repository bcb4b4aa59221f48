#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The decompressed bytes of a plain, gzip or BGZF input, in order, in large chunks.
///
/// The compression is detected from the first bytes, never from the file name. BGZF blocks are
/// inflated with libdeflate on `inflateThreads` worker threads while the caller consumes earlier
/// chunks (the caller's thread inflates a batch itself when no worker has started it yet); other
/// gzip streams (one or several members) go through zlib, on one worker thread that runs a few
/// chunks ahead when `inflateThreads > 0`, else on the caller's thread.
/// Memory stays bounded (a fixed number of buffers of a few MiB) whatever the input size.
///
/// This is the layer below ``LineReader``; use it directly to scan or hash decompressed bytes.
public final class DecompressingReader {
    /// The name used in errors: the path as given (`-` for standard input) or the in-memory name.
    public let name: String
    /// How the input is stored.
    public let compression: InputCompression
    private let source: any DecompressedChunkSource
    private let input: RawInput
    /// Set for BGZF input opened with `cooperativeInflation`: the caller's threads inflate
    /// batches ahead through it.
    private(set) var cooperativeInflation: CooperativeInflation?

    /// Worker threads used for BGZF inflation unless told otherwise: two, or one on a single
    /// core. Measured on 2 cores (1M-record VCF, 588 MB): inline 0.55 s, one worker 0.55 s (the
    /// caller just waits for it), two workers 0.30 s. The caller's parsing is serial, and two
    /// inflating cores already outrun it, so more workers buy nothing.
    public static var defaultInflateThreads: Int {
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return cores >= 2 ? 2 : 1
    }

    /// Opens `path` (`-` for standard input).
    /// - Parameter inflateThreads: worker threads for BGZF blocks; 0 inflates on the caller's thread.
    /// - Parameter computesChecksum: hash the stored bytes while reading them (see `checksum()`).
    public convenience init(
        path: String, inflateThreads: Int = DecompressingReader.defaultInflateThreads,
        computesChecksum: Bool = false
    ) throws {
        try self.init(
            path: path, inflateThreads: inflateThreads, cooperativeInflation: false,
            computesChecksum: computesChecksum)
    }

    /// With `cooperativeInflation`, for a caller that inflates BGZF input ahead on its own
    /// threads (``CooperativeInflation``): BGZF then gets workers only for the cores beyond the
    /// caller's two; gzip and plain input are read as usual.
    convenience init(
        path: String, inflateThreads: Int, cooperativeInflation: Bool, computesChecksum: Bool
    ) throws {
        let input = try RawInput(path: path)
        if computesChecksum { input.computeChecksum() }
        try self.init(
            input: input, inflateThreads: inflateThreads, cooperativeInflation: cooperativeInflation)
    }

    /// Reads `bytes` as if they were a file called `name`.
    public convenience init(
        bytes: [UInt8], name: String, inflateThreads: Int = DecompressingReader.defaultInflateThreads
    ) throws {
        try self.init(input: RawInput(bytes: bytes, name: name), inflateThreads: inflateThreads)
    }

    init(input: RawInput, inflateThreads: Int, cooperativeInflation: Bool = false) throws {
        self.input = input
        name = input.name
        let prefix = try input.peek(upTo: 512)
        compression = prefix.withUnsafeBytes { InputCompression.detect(prefix: $0) }
        // Buffers are sized for large files; a small input (a tumour of a few records, a test,
        // a fuzzer's input) gets buffers in proportion, bounded below by 64 KiB (a BGZF block).
        let size = input.sizeHint
        func bounded(_ preferred: Int, scale: Int) -> Int {
            guard let size else { return preferred }
            let (scaled, overflow) = size.multipliedReportingOverflow(by: scale)
            return overflow ? preferred : min(preferred, max(64 << 10, scaled))
        }
        switch compression {
        case .plain: source = PlainChunkSource(input: input, chunkSize: bounded(1 << 20, scale: 1))
        case .gzip:
            // zlib is the bottleneck for plain gzip; with a worker to spare, inflate ahead.
            let output = bounded(1 << 20, scale: 8)
            let gzip = try GzipChunkSource(
                input: input, inputSize: bounded(256 << 10, scale: 1), outputSize: output)
            source = inflateThreads > 0 ? PrefetchingChunkSource(inner: gzip, chunkCapacity: output) : gzip
        case .bgzf:
            let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
            let bgzf = BGZFChunkSource(
                input: input,
                threads: cooperativeInflation ? min(inflateThreads, max(0, cores - 2)) : inflateThreads,
                cooperative: cooperativeInflation, compressedBatchSize: bounded(256 << 10, scale: 1),
                outputBatchSize: bounded(2 << 20, scale: 8))
            self.cooperativeInflation = bgzf.cooperativeInflation
            source = bgzf
        }
    }

    /// The hex SHA-256 of the stored (compressed) bytes of the whole input, hashed as they were
    /// read; anything left unread is read first. `nil` unless the reader was opened with
    /// `computesChecksum`. Call once, after the last chunk.
    public func checksum() throws -> String? { try input.finishChecksum() }

    /// The next decompressed bytes (possibly empty), or `nil` at the end of the input.
    /// The bytes stay valid until the next call.
    public func nextChunk() throws -> UnsafeRawBufferPointer? {
        try source.nextChunk()
    }
}
