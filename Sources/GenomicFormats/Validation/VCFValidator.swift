/// Checks a VCF file against the specification (4.1–4.5), line by line, without stopping at the
/// first problem: header structure and declarations, column syntax, allele alphabets, typed INFO
/// and FORMAT values against their declarations (or the reserved definitions), value counts
/// (`A`, `R`, `G` per sample ploidy), genotypes, and record order.
///
/// It reuses the reader's pieces (`LineReader`, `VCFHeaderBuilder`, `VCFMetaLine`, `VCFRecord`,
/// `VCFByteParsing`, `VCFGenotype`) and reports each finding as a `VCFDiagnostic` through a
/// callback, so memory stays flat however many problems a file has.
///
/// ```swift
/// let summary = try VCFValidator.validate(path: "calls.vcf") { print($0) }
/// if !summary.isValid { … }
/// ```
public final class VCFValidator {
    /// The file name used in diagnostics.
    public let path: String
    public let options: VCFValidationOptions

    enum Phase { case firstLine, header, body, stopped }

    let report: (VCFDiagnostic) -> Void
    var phase = Phase.firstLine
    var builder: VCFHeaderBuilder
    var header: VCFHeader?
    /// The version rules are applied for (4.2 when `##fileformat` is missing or unreadable).
    var version = VCFVersion.v4_2
    var declaredVersion: VCFVersion?
    var summary: VCFValidationSummary
    var record = VCFRecord()

    // Header bookkeeping.
    var infoDeclarations: [String: VCFMetaLine] = [:]
    var formatDeclarations: [String: VCFMetaLine] = [:]
    var filterIDs: Set<String> = []
    var alternateAlleleIDs: Set<String> = []
    var contigIDs: Set<String> = []

    // Body bookkeeping.
    var currentChromosome: [UInt8]? = nil
    var previousPosition = 0
    var finishedChromosomes: Set<[UInt8]> = []
    /// Normalised allele changes of recent records on the current contig, by start position.
    var variantsByPosition: [Int: Set<[UInt8]>] = [:]
    var warnedKeys: Set<String> = []
    var sawBlankLine = false

    /// Prepares to validate a file named `path`; `report` receives every diagnostic in order.
    public init(
        path: String, options: VCFValidationOptions = VCFValidationOptions(),
        report: @escaping (VCFDiagnostic) -> Void
    ) {
        self.path = path
        self.options = options
        self.report = report
        builder = VCFHeaderBuilder(path: path, strict: false)
        summary = VCFValidationSummary(file: path)
    }

    /// Validates the file at `path` (plain or as far as `LineReader` decompresses). Throws a
    /// `FormatError` only when the file cannot be read; problems in its content are diagnostics.
    public static func validate(
        path: String, options: VCFValidationOptions = VCFValidationOptions(),
        report: (VCFDiagnostic) -> Void
    ) throws -> VCFValidationSummary {
        let lines = try LineReader(path: path, maximumLineLength: options.maximumLineLength)
        return try withoutActuallyEscaping(report) { report in
            // The validator does not outlive this call, so the closure never escapes.
            let validator = VCFValidator(path: path, options: options, report: report)
            do {
                while let line = try lines.nextLine() {
                    validator.consume(line, lineNumber: lines.lineNumber)
                }
            } catch let error as FormatError where error.kind == .lineTooLong {
                validator.emit(.error, line: error.line, field: nil, error.message)
            }
            return validator.finish()
        }
    }

    /// Validates VCF text held in memory (tests, small inputs); returns the summary and every
    /// diagnostic.
    public static func validate(
        text: String, path: String = "<text>", options: VCFValidationOptions = VCFValidationOptions()
    ) -> (summary: VCFValidationSummary, diagnostics: [VCFDiagnostic]) {
        var diagnostics: [VCFDiagnostic] = []
        let validator = VCFValidator(path: path, options: options) { diagnostics.append($0) }
        var lineNumber = 0
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        if text.utf8.last == 0x0A { lines.removeLast() }
        for line in lines {
            lineNumber += 1
            var bytes = Array(line)
            if bytes.last == 0x0D { bytes.removeLast() }
            bytes.withUnsafeBytes { validator.consume($0, lineNumber: lineNumber) }
        }
        let summary = validator.finish()
        return (summary, diagnostics)
    }

    /// Checks one line (without its terminator).
    public func consume(_ line: UnsafeRawBufferPointer, lineNumber: Int) {
        summary.lines = lineNumber
        switch phase {
        case .stopped:
            return
        case .firstLine:
            phase = .header
            checkFirstLine(line, lineNumber: lineNumber)
        case .header:
            consumeHeaderLine(line, lineNumber: lineNumber)
        case .body:
            consumeBodyLine(line, lineNumber: lineNumber)
        }
    }

    /// Ends the file and returns what was found.
    public func finish() -> VCFValidationSummary {
        switch phase {
        case .firstLine:
            emit(
                .error, line: nil, field: nil,
                "empty file: expected '##fileformat=VCFv4.x' and a '#CHROM' line")
        case .header:
            emit(
                .error, line: summary.lines, field: "#CHROM",
                "missing '#CHROM' header line (the file ended before it)")
        case .body, .stopped:
            break
        }
        phase = .stopped
        summary.version = declaredVersion
        return summary
    }

    /// Reports a finding, promoting warnings when asked and counting it.
    func emit(_ severity: VCFDiagnostic.Severity, line: Int?, field: String?, _ message: String) {
        let severity = options.warningsAsErrors ? .error : severity
        if severity == .error { summary.errors += 1 } else { summary.warnings += 1 }
        report(VCFDiagnostic(severity, file: path, line: line, field: field, message: message))
    }

    /// Reports a warning once per `key` per file (undeclared tags would otherwise repeat on
    /// every record).
    func warnOnce(_ key: String, line: Int, field: String?, _ message: String) {
        if warnedKeys.insert(key).inserted { emit(.warning, line: line, field: field, message) }
    }
}
