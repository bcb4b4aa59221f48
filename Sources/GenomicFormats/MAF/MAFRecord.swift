/// One MAF data row: a view over the line, read column by column on demand.
///
/// Valid until the reader's next `nextRecord()`. String accessors allocate; `bytes(_:)` does not.
/// Empty values and `.` read as `nil`.
public struct MAFRecord {
    /// The raw line.
    public let line: UnsafeRawBufferPointer
    /// The file's column layout.
    public let layout: MAFLayout
    /// The 1-based line number in the file.
    public let lineNumber: Int
    private let fieldStarts: UnsafeBufferPointer<Int>

    init(
        line: UnsafeRawBufferPointer, fieldStarts: UnsafeBufferPointer<Int>, layout: MAFLayout,
        lineNumber: Int
    ) {
        self.line = line
        self.fieldStarts = fieldStarts
        self.layout = layout
        self.lineNumber = lineNumber
    }

    // MARK: Generic access

    /// Column number `index` (0-based) as written, possibly empty.
    public func bytes(at index: Int) -> UnsafeRawBufferPointer? {
        guard index >= 0, index < layout.columnNames.count else { return nil }
        return UnsafeRawBufferPointer(rebasing: line[fieldStarts[index]..<(fieldStarts[index + 1] - 1)])
    }

    /// A known column as written, or `nil` when the file lacks it.
    public func bytes(_ column: MAFColumn) -> UnsafeRawBufferPointer? {
        layout.index(of: column).flatMap(bytes(at:))
    }

    /// A known column as a `String`; `nil` when the file lacks it or the value is empty or `.`.
    public func string(_ column: MAFColumn) -> String? {
        guard let index = layout.index(of: column) else { return nil }
        return string(at: index)
    }

    /// Any column by its header name; `nil` when the file lacks it or the value is empty or `.`.
    public func otherColumn(named name: String) -> String? {
        guard let index = layout.index(ofColumn: name) else { return nil }
        return string(at: index)
    }

    /// A known column as an integer; `nil` when the file lacks it or the value is empty or `.`.
    ///
    /// - Throws: `FormatError.value` (file, line, column) when the value is not an integer.
    public func integer(_ column: MAFColumn) throws -> Int? {
        guard let value = bytes(column), !Self.isMissing(value) else { return nil }
        guard let number = AnnotationBytes.parseInteger(value) else {
            throw FormatError(
                .value, file: layout.path, line: lineNumber, field: column.rawValue,
                message: "expected an integer, found '\(String(decoding: value, as: UTF8.self))'")
        }
        return number
    }

    private func string(at index: Int) -> String? {
        guard let value = bytes(at: index), !Self.isMissing(value) else { return nil }
        return String(decoding: value, as: UTF8.self)
    }

    private static func isMissing(_ value: UnsafeRawBufferPointer) -> Bool {
        value.isEmpty || (value.count == 1 && value[0] == 0x2E)
    }

    // MARK: Typed columns

    /// `Hugo_Symbol`.
    public var hugoSymbol: String? { string(.hugoSymbol) }
    /// `Chromosome`.
    public var chromosome: String? { string(.chromosome) }
    /// `Start_Position` (1-based).
    public var startPosition: Int? { get throws { try integer(.startPosition) } }
    /// `End_Position` (1-based, inclusive).
    public var endPosition: Int? { get throws { try integer(.endPosition) } }
    /// `Variant_Classification` (`Missense_Mutation`, `Frame_Shift_Del`, …).
    public var variantClassification: String? { string(.variantClassification) }
    /// `Variant_Type` (`SNP`, `DNP`, `INS`, `DEL`, …).
    public var variantType: String? { string(.variantType) }
    /// `Reference_Allele` (`-` for an insertion).
    public var referenceAllele: String? { string(.referenceAllele) }
    /// `Tumor_Seq_Allele1`.
    public var tumorSeqAllele1: String? { string(.tumorSeqAllele1) }
    /// `Tumor_Seq_Allele2` (the variant allele; `-` for a deletion).
    public var tumorSeqAllele2: String? { string(.tumorSeqAllele2) }
    /// `Tumor_Sample_Barcode`.
    public var tumorSampleBarcode: String? { string(.tumorSampleBarcode) }
    /// `Matched_Norm_Sample_Barcode`.
    public var matchedNormalSampleBarcode: String? { string(.matchedNormSampleBarcode) }
    /// `HGVSc`.
    public var hgvsc: String? { string(.hgvsc) }
    /// `HGVSp`.
    public var hgvsp: String? { string(.hgvsp) }
    /// `HGVSp_Short` (`p.V600E`).
    public var hgvspShort: String? { string(.hgvspShort) }
    /// `Transcript_ID`.
    public var transcriptID: String? { string(.transcriptID) }
    /// `t_depth`.
    public var tumorDepth: Int? { get throws { try integer(.tumorDepth) } }
    /// `t_ref_count`.
    public var tumorReferenceCount: Int? { get throws { try integer(.tumorReferenceCount) } }
    /// `t_alt_count`.
    public var tumorAlternateCount: Int? { get throws { try integer(.tumorAlternateCount) } }
    /// `n_depth`.
    public var normalDepth: Int? { get throws { try integer(.normalDepth) } }
    /// `n_ref_count`.
    public var normalReferenceCount: Int? { get throws { try integer(.normalReferenceCount) } }
    /// `n_alt_count`.
    public var normalAlternateCount: Int? { get throws { try integer(.normalAlternateCount) } }
}
