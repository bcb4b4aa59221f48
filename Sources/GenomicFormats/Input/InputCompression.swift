/// How an input's bytes are stored, as detected from its first bytes (never from its name).
public enum InputCompression: String, Sendable, Equatable, CustomStringConvertible {
    /// Uncompressed text.
    case plain
    /// gzip (RFC 1952), one or several members, that is not BGZF.
    case gzip
    /// Blocked gzip (SAM/BAM specification §4.1): gzip members of at most 64 KiB carrying a
    /// `BC` extra subfield with the block size, ending with an empty end-of-file block.
    case bgzf

    public var description: String { rawValue }

    /// Classifies a stream from its first bytes (at least the first 18 for a BGZF verdict;
    /// fewer bytes give `.gzip` or `.plain`).
    public static func detect(prefix: UnsafeRawBufferPointer) -> InputCompression {
        guard prefix.count >= 2, prefix[0] == 0x1F, prefix[1] == 0x8B else { return .plain }
        if case .header = BGZFBlockHeader.inspect(prefix, at: 0) { return .bgzf }
        return .gzip
    }
}
