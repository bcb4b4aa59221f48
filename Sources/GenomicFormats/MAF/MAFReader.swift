#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the rows of a MAF (Mutation Annotation Format) file: GDC MAF, vcf2maf output, or a
/// minimal tab-separated table with MAF column names.
///
/// Lines starting with `#` before the column header (`#version 2.4`) are kept in `comments`;
/// blank lines are skipped. Columns are found by name. Rows are returned as lazy `MAFRecord`
/// views over the line buffer, valid until the next call to `nextRecord()`; reading a row
/// allocates nothing.
public final class MAFReader {
    /// The columns a MAF must have for oncology use: gene, position, alleles, sample.
    public static let requiredColumns: [MAFColumn] = [
        .hugoSymbol, .chromosome, .startPosition, .referenceAllele, .tumorSeqAllele2, .tumorSampleBarcode,
    ]
    /// The smallest useful set (vcf2maf's `minimalist_test_maf.tsv`: no gene symbol).
    public static let minimalColumns: [MAFColumn] = [
        .chromosome, .startPosition, .referenceAllele, .tumorSeqAllele2, .tumorSampleBarcode,
    ]

    /// The file path as given.
    public var path: String { layout.path }
    /// The `#` lines before the column header, without their line terminators.
    public let comments: [String]
    /// The column layout.
    public let layout: MAFLayout
    /// How the input is stored.
    public let compression: InputCompression

    /// Where the lines come from: a whole (possibly compressed) input, or the rows of one part
    /// of a plain file (``MAFFileParts``).
    private enum LineSource {
        case whole(LineReader)
        case part(MAFRangeLineReader)

        func nextLine() throws -> UnsafeRawBufferPointer? {
            switch self {
            case .whole(let reader): try reader.nextLine()
            case .part(let reader): try reader.nextLine()
            }
        }

        var lineNumber: Int {
            switch self {
            case .whole(let reader): reader.lineNumber
            case .part(let reader): reader.lineNumber
            }
        }
    }

    private let lines: LineSource
    /// Start offset of each field, plus one past the end of the line (`columnCount + 1` entries).
    private let fieldStarts: UnsafeMutableBufferPointer<Int>

    /// Opens `path` and reads up to the column header.
    ///
    /// - Throws: `FormatError` when the file cannot be read, has no column header, or lacks one of
    ///   `requiredColumns` (the error names the file, the header line and the column).
    public convenience init(
        path: String, requiredColumns: [MAFColumn] = MAFReader.requiredColumns,
        maximumLineLength: Int = 16 << 20
    ) throws {
        try self.init(
            lines: LineReader(path: path, maximumLineLength: maximumLineLength),
            requiredColumns: requiredColumns)
    }

    /// Reads a MAF from an open `LineReader` (plain or compressed), up to the column header.
    public init(lines: LineReader, requiredColumns: [MAFColumn] = MAFReader.requiredColumns) throws {
        self.lines = .whole(lines)
        compression = lines.compression
        var comments: [String] = []
        var header: [String]?
        while let line = try lines.nextLine() {
            if line.isEmpty { continue }
            if line[0] == 0x23 {
                comments.append(String(decoding: line, as: UTF8.self))
                continue
            }
            header = line.split(separator: 0x09, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            break
        }
        guard let header else {
            throw FormatError(
                .header, file: lines.path, line: lines.lineNumber,
                message: "no MAF column header (a tab-separated row of column names such as Hugo_Symbol)")
        }
        self.comments = comments
        layout = MAFLayout(path: lines.path, columnNames: header)
        for column in requiredColumns where !layout.contains(column) {
            throw FormatError(
                .header, file: lines.path, line: lines.lineNumber, field: column.rawValue,
                message: "required MAF column is missing from the column header")
        }
        fieldStarts = .allocate(capacity: header.count + 1)
    }

    /// Reads the rows of one part of a plain file whose header `layout` and `comments` are known.
    init(part lines: MAFRangeLineReader, layout: MAFLayout, comments: [String]) {
        self.lines = .part(lines)
        self.layout = layout
        self.comments = comments
        compression = .plain
        fieldStarts = .allocate(capacity: layout.columnNames.count + 1)
    }

    deinit {
        fieldStarts.deallocate()
    }

    /// The 1-based line number of the row last returned.
    public var lineNumber: Int { lines.lineNumber }

    /// The next data row, or `nil` at the end of the file. Valid until the next call.
    ///
    /// - Throws: `FormatError.record` when a row has a different number of columns than the header.
    public func nextRecord() throws -> MAFRecord? {
        while let line = try lines.nextLine() {
            if line.isEmpty || line[0] == 0x23 { continue }
            let expected = layout.columnNames.count
            var fields = 0
            var start = 0
            if let base = line.baseAddress {
                while start < line.count, let tab = memchr(base + start, 0x09, line.count - start) {
                    guard fields < expected - 1 else { return try wrongColumnCount(line) }
                    fieldStarts[fields] = start
                    fields += 1
                    start = base.distance(to: UnsafeRawPointer(tab)) + 1
                }
            }
            guard fields == expected - 1 else { return try wrongColumnCount(line) }
            fieldStarts[fields] = start
            fieldStarts[expected] = line.count + 1
            return MAFRecord(
                line: line, fieldStarts: UnsafeBufferPointer(fieldStarts), layout: layout,
                lineNumber: lines.lineNumber)
        }
        return nil
    }

    private func wrongColumnCount(_ line: UnsafeRawBufferPointer) throws -> MAFRecord? {
        let found = line.reduce(1) { $1 == 0x09 ? $0 + 1 : $0 }
        throw FormatError(
            .record, file: path, line: lines.lineNumber,
            message:
                "expected \(layout.columnNames.count) tab-separated columns as in the header, found \(found)")
    }
}
