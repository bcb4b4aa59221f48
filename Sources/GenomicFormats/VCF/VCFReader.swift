/// Reads a VCF file (plain, or compressed as far as `LineReader` supports) record by record.
///
/// ```swift
/// let reader = try VCFReader(path: "tumour.vcf.gz")
/// var record = VCFRecord()
/// while try reader.read(into: &record) {
///     if record.isPass, let depth = try record.infoInteger("DP") { … }
/// }
/// ```
///
/// Reading into the same record reuses its buffers: no allocation per record after warm-up.
public final class VCFReader {
    /// The parsed header.
    public let header: VCFHeader
    /// The options in force.
    public let options: VCFReaderOptions
    /// The path as given.
    public var path: String { lines.path }
    /// Malformed records skipped so far (lenient mode).
    public var skipped: Int { skippedCount }
    /// The first `options.maximumExamples` errors of skipped records.
    public private(set) var skippedExamples: [FormatError] = []
    /// Data records returned so far.
    public var recordsRead: Int { recordCount }

    private let lines: LineReader
    // Private stored counters behind the public getters: writes to private properties need no
    // run-time exclusivity check (see `LineReader`).
    private var skippedCount = 0
    private var recordCount = 0

    /// Opens `path` and parses its header.
    public init(path: String, options: VCFReaderOptions = .lenient) throws {
        self.options = options
        lines = try LineReader(path: path, maximumLineLength: options.maximumLineLength)
        var builder = VCFHeaderBuilder(path: path, strict: options.strict)
        while let line = try lines.nextLine() {
            if try builder.consume(line, lineNumber: lines.lineNumber) {
                header = try builder.finish(lineNumber: lines.lineNumber)
                return
            }
        }
        header = try builder.finish(lineNumber: lines.lineNumber)
    }

    /// Reads the next record into `record`. Returns `false` at end of file.
    ///
    /// In strict mode a malformed record throws; in lenient mode it is skipped and counted.
    /// I/O and decompression errors throw in both modes.
    public func read(into record: inout VCFRecord) throws -> Bool {
        while let line = try lines.nextLine() {
            if line.isEmpty { continue }
            let error: FormatError?
            if line[0] == UInt8(ascii: "#") {
                error = FormatError(
                    .record, file: lines.path, line: lines.lineNumber,
                    message: "header line after the '#CHROM' line")
            } else {
                error = record.load(line, header: header, path: lines.path, lineNumber: lines.lineNumber)
            }
            if let error {
                if options.strict { throw error }
                skippedCount += 1
                if skippedExamples.count < options.maximumExamples { skippedExamples.append(error) }
                continue
            }
            recordCount += 1
            return true
        }
        return false
    }
}
