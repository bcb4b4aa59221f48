#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One VCF data line, decoded lazily.
///
/// The record owns a copy of the line's bytes and the offsets of its tab separators; the reader
/// refills the same buffers for every line, so reading allocates nothing once the buffers have
/// grown to the longest line. CHROM, POS, REF and ALT are cheap; INFO values, FORMAT keys and
/// sample values are found and decoded only when asked for, typed by the header.
///
/// `VCFRecord` has value semantics: storing a copy and reading on into the original leaves the
/// copy intact (the reader then pays one buffer allocation).
public struct VCFRecord: Sendable {
    /// The line's bytes (without terminator) in `bytes[0..<length]`; the array only grows, so
    /// refilling it allocates nothing once it fits the longest line.
    @usableFromInline var bytes: [UInt8] = []
    /// Number of valid bytes in `bytes`.
    @usableFromInline var length = 0
    /// Byte offsets of the tab characters separating the columns, in `tabs[0..<tabCount]`
    /// (sized like `bytes`, so it never needs to grow while a line is scanned).
    @usableFromInline var tabs: [Int32] = []
    /// Number of valid entries in `tabs`.
    @usableFromInline var tabCount = 0
    /// The header this record was read under (declares types, samples and version).
    public internal(set) var header: VCFHeader
    /// The file name, for errors.
    public internal(set) var path: String = ""
    /// The 1-based line number in the file.
    public internal(set) var lineNumber: Int = 0
    /// 1-based position (POS).
    public internal(set) var position: Int = 0

    static let emptyHeader = VCFHeader()

    /// An empty record to read into.
    public init() { header = Self.emptyHeader }

    /// Parses one data line under `header` (for tests and for building records by hand).
    public init(line: String, header: VCFHeader, path: String = "<record>", lineNumber: Int = 1) throws {
        self.header = header
        var line = line
        let error = line.withUTF8 { utf8 in
            load(UnsafeRawBufferPointer(utf8), header: header, path: path, lineNumber: lineNumber)
        }
        if let error { throw error }
    }

    /// Copies a line in and locates its columns; returns an error when the line is malformed.
    mutating func load(
        _ line: UnsafeRawBufferPointer, header: VCFHeader, path: String, lineNumber: Int
    ) -> FormatError? {
        guard copy(line, header: header, path: path, lineNumber: lineNumber) else { return tooLongError() }
        let count = line.count
        tabCount = bytes.withUnsafeBytes { buffer in
            tabs.withUnsafeMutableBufferPointer { tabs in
                guard let base = buffer.baseAddress else { return 0 }
                return VCFTabScan.locateTabs(base, count: count, into: tabs.baseAddress!)
            }
        }
        return checkColumns()
    }

    /// ``load(_:header:path:lineNumber:)`` for a line whose tabs were already located
    /// (`lineTabs`: their offsets in the line, all of them).
    mutating func load(
        _ line: UnsafeRawBufferPointer, tabs lineTabs: UnsafeBufferPointer<Int32>, header: VCFHeader,
        path: String, lineNumber: Int
    ) -> FormatError? {
        guard copy(line, header: header, path: path, lineNumber: lineNumber) else { return tooLongError() }
        if let source = lineTabs.baseAddress, lineTabs.count > 0 {
            tabs.withUnsafeMutableBufferPointer {
                $0.baseAddress!.update(from: source, count: lineTabs.count)
            }
        }
        tabCount = lineTabs.count
        return checkColumns()
    }

    /// Copies the line's bytes in (growing the buffers); `false` when it is too long to index.
    private mutating func copy(
        _ line: UnsafeRawBufferPointer, header: VCFHeader, path: String, lineNumber: Int
    ) -> Bool {
        if self.header.storage !== header.storage { self.header = header }
        if self.path != path { self.path = path }
        self.lineNumber = lineNumber
        if line.count >= Int(Int32.max) {
            length = 0
            tabCount = 0
            return false
        }
        if bytes.count < line.count {
            let capacity = Swift.max(line.count, bytes.count * 2, 256)
            bytes = [UInt8](repeating: 0, count: capacity)
            tabs = [Int32](repeating: 0, count: capacity)
        }
        length = line.count
        let count = line.count
        bytes.withUnsafeMutableBytes { destination in
            if count > 0 { destination.baseAddress!.copyMemory(from: line.baseAddress!, byteCount: count) }
        }
        return true
    }

    private func tooLongError() -> FormatError { recordError(nil, "line too long") }

    /// The checks every record passes once its columns are located.
    private mutating func checkColumns() -> FormatError? {
        let samples = header.sampleNames.count
        switch withRawLine({ Self.checkColumns($0, sampleCount: samples) }) {
        case .success(let parsedPosition):
            position = parsedPosition
            return nil
        case .failure(.columnCount(let columns)) where samples > 0:
            return recordError(
                nil,
                "expected \(9 + samples) tab-separated columns (8 fixed, FORMAT, \(samples) samples), found \(columns)"
            )
        case .failure(.columnCount(let columns)):
            return recordError(nil, "expected 8 tab-separated columns, found \(columns)")
        case .failure(.chromosome):
            return recordError("CHROM", "expected a chromosome name, found an empty column")
        case .failure(.position):
            return recordError("POS", "expected a non-negative integer, found '\(columnString(1))'")
        case .failure(.reference):
            return recordError("REF", "expected reference bases, found an empty column")
        case .failure(.alternates):
            return recordError("ALT", "expected alternate alleles or '.', found an empty column")
        }
    }

    /// What is wrong with a line's columns (see ``checkColumns(_:sampleCount:)``).
    enum ColumnProblem: Error {
        /// Not 8 or 9 columns without samples, not 9 + samples with them (the count found).
        case columnCount(Int)
        case chromosome, position, reference, alternates
    }

    /// The checks every record passes, on a line's located columns: its POS, or the first problem
    /// (the pass checks a line this way before handing it to a worker uncopied).
    static func checkColumns(_ line: VCFRawLine, sampleCount: Int) -> Result<Int, ColumnProblem> {
        let columns = line.columnCount
        if sampleCount > 0 ? columns != 9 + sampleCount : columns != 8 && columns != 9 {
            return .failure(.columnCount(columns))
        }
        if line.bounds(0).isEmpty { return .failure(.chromosome) }
        guard let position = VCFByteParsing.integer(line.buffer(line.bounds(1))), position >= 0 else {
            return .failure(.position)
        }
        if line.bounds(3).isEmpty { return .failure(.reference) }
        if line.bounds(4).isEmpty { return .failure(.alternates) }
        return .success(position)
    }

    func recordError(_ field: String?, _ message: String) -> FormatError {
        FormatError(.record, file: path, line: lineNumber, field: field, message: message)
    }

    func valueError(_ field: String, expected: String, found bytes: UnsafeRawBufferPointer) -> FormatError {
        FormatError(
            .value, file: path, line: lineNumber, field: field,
            message: "expected \(expected), found '\(String(decoding: bytes, as: UTF8.self))'")
    }

    // MARK: Columns

    /// Number of tab-separated columns.
    public var columnCount: Int { tabCount + 1 }

    @inline(__always)
    func columnBounds(_ column: Int) -> Range<Int> {
        let start = column == 0 ? 0 : Int(tabs[column - 1]) + 1
        let end = column < tabCount ? Int(tabs[column]) : length
        return start..<end
    }

    @inline(__always)
    func columnLength(_ column: Int) -> Int { columnBounds(column).count }

    /// Calls `body` with the bytes of a column (0 = CHROM … 7 = INFO, 8 = FORMAT, 9… samples).
    @inline(__always)
    public func withColumn<R>(_ column: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let bounds = columnBounds(column)
        return try bytes.withUnsafeBytes { buffer in
            try body(UnsafeRawBufferPointer(rebasing: buffer[bounds]))
        }
    }

    func columnString(_ column: Int) -> String {
        withColumn(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// The whole line as text.
    public var line: String { String(decoding: bytes[0..<length], as: UTF8.self) }

    // MARK: Fixed fields

    /// CHROM as text (allocates; use `withChromosome` on hot paths).
    public var chromosome: String { columnString(0) }
    /// Calls `body` with the CHROM bytes.
    public func withChromosome<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withColumn(0, body)
    }
    /// The ID column split on `;`, empty when it is `.`.
    public var identifiers: [String] {
        let text = columnString(2)
        return text == "." ? [] : text.split(separator: ";").map(String.init)
    }
    /// REF as text.
    public var reference: String { columnString(3) }
    /// Calls `body` with the REF bytes.
    public func withReference<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withColumn(3, body)
    }
    /// Calls `body` with the raw ALT column bytes (comma-separated alleles).
    public func withAlternateAlleles<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withColumn(4, body)
    }

    /// The number of ALT alleles (0 when ALT is `.`).
    public var alternateAlleleCount: Int {
        withColumn(4) { alt in
            if VCFByteParsing.isMissing(alt) { return 0 }
            var commas = 0
            for byte in alt where byte == UInt8(ascii: ",") { commas += 1 }
            return commas + 1
        }
    }

    /// Calls `body` with the bytes of ALT allele `index` (0-based among ALT alleles).
    public func withAlternateAllele<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows
        -> R?
    {
        try withColumn(4) { alt in
            guard !VCFByteParsing.isMissing(alt),
                let piece = VCFByteParsing.piece(index, of: alt, separatedBy: 44)
            else { return nil }
            return try body(piece)
        }
    }

    /// Calls `body` with each ALT allele's bytes in order (not called when ALT is `.`).
    public func forEachAlternateAllele(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try withColumn(4) { alt in
            if VCFByteParsing.isMissing(alt) { return }
            try VCFByteParsing.forEachPiece(of: alt, separatedBy: 44, body)
        }
    }

    /// The ALT alleles as values (allocates).
    public var alternateAlleles: [VCFAllele] {
        var alleles: [VCFAllele] = []
        forEachAlternateAllele { alleles.append(VCFAllele(text: String(decoding: $0, as: UTF8.self))) }
        return alleles
    }

    /// The kind of ALT allele `index`, or `nil` when there is no such allele.
    public func alternateAlleleKind(_ index: Int) -> VCFAllele.Kind? {
        withAlternateAllele(index) { VCFAllele.kind(of: $0) }
    }

    /// QUAL, or `nil` when missing (`.`).
    public func quality() throws -> Double? {
        try withColumn(5) { bytes in
            if VCFByteParsing.isMissing(bytes) { return nil }
            guard let value = VCFByteParsing.float(bytes) else {
                throw valueError("QUAL", expected: "a number or '.'", found: bytes)
            }
            return value
        }
    }

    /// FILTER codes; empty when FILTER is `.` (not filtered / not applied).
    public var filters: [String] {
        let text = columnString(6)
        return text == "." ? [] : text.split(separator: ";").map(String.init)
    }

    /// ``filters`` joined with `;` (`PASS`, `LowQual;germline`, empty for `.`), read in place: the
    /// column as written unless it has empty names to drop.
    public var filterText: String {
        withColumn(6) { column in
            if VCFByteParsing.isMissing(column) { return "" }
            let semicolon = UInt8(ascii: ";")
            var clean = column.first != semicolon && column.last != semicolon
            if clean, column.count > 2 {
                for index in 1..<column.count
                where column[index] == semicolon && column[index - 1] == semicolon {
                    clean = false
                    break
                }
            }
            if clean { return String(decoding: column, as: UTF8.self) }
            return String(decoding: column, as: UTF8.self).split(separator: ";").joined(separator: ";")
        }
    }

    /// Whether FILTER is exactly `PASS`.
    public var isPass: Bool { withColumn(6) { VCFByteParsing.equals($0, literal: "PASS") } }

    /// Whether FILTER names a failed filter (neither `PASS` nor `.`).
    public var isFiltered: Bool {
        withColumn(6) { !VCFByteParsing.equals($0, literal: "PASS") && !VCFByteParsing.isMissing($0) }
    }

    /// The last position the record covers: INFO `END` when present, else POS + len(REF) − 1.
    public func endPosition() throws -> Int {
        if let end = try infoInteger("END") { return end }
        // POS may be any non-negative Int; a POS near Int.max must not trap here.
        let (end, overflow) = position.addingReportingOverflow(withReference { $0.count } - 1)
        if overflow {
            throw FormatError(
                .value, file: path, line: lineNumber, field: "POS",
                message: "POS \(position) plus the REF length exceeds the largest supported position")
        }
        return end
    }

    /// Number of sample columns present.
    public var sampleCount: Int { max(0, columnCount - 9) }
}
