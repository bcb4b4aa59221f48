/// How a `VCFReader` treats malformed input.
public struct VCFReaderOptions: Sendable, Hashable {
    /// Strict: the first malformed header line or record is thrown as a `FormatError`, and the
    /// header must start with `##fileformat`. Lenient (the default, used for matching): text
    /// before the header (such as a tool's log line) is skipped and counted in
    /// `VCFHeader.skippedLines`; malformed records are skipped, counted in `VCFReader.skipped`,
    /// and the first `maximumExamples` kept in `VCFReader.skippedExamples`.
    public var strict: Bool
    /// How many skipped-record errors to keep as examples in lenient mode.
    public var maximumExamples: Int
    /// Lines longer than this are an error.
    public var maximumLineLength: Int

    public init(strict: Bool = false, maximumExamples: Int = 10, maximumLineLength: Int = 64 << 20) {
        self.strict = strict
        self.maximumExamples = maximumExamples
        self.maximumLineLength = maximumLineLength
    }

    /// Stop at the first malformed line.
    public static let strict = VCFReaderOptions(strict: true)
    /// Skip and count malformed records (the default).
    public static let lenient = VCFReaderOptions(strict: false)
}
