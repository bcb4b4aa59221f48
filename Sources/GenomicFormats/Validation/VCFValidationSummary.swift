/// What `VCFValidator` found in one file.
public struct VCFValidationSummary: Sendable, Hashable {
    /// The file path as given.
    public var file: String
    /// The `##fileformat` version, when it could be read.
    public var version: VCFVersion?
    /// Lines read (header and records).
    public var lines: Int
    /// Data records seen (well-formed or not).
    public var records: Int
    /// Errors found (warnings included when they are promoted).
    public var errors: Int
    /// Warnings found (zero when warnings are promoted to errors).
    public var warnings: Int

    public init(
        file: String, version: VCFVersion? = nil, lines: Int = 0, records: Int = 0, errors: Int = 0,
        warnings: Int = 0
    ) {
        self.file = file
        self.version = version
        self.lines = lines
        self.records = records
        self.errors = errors
        self.warnings = warnings
    }

    /// Whether the file conforms (no error).
    public var isValid: Bool { errors == 0 }

    /// `file: valid (VCFv4.2, 12 records, 0 errors, 3 warnings)`.
    public var description: String {
        let verdict = isValid ? "valid" : "INVALID"
        let versionText = version.map { "\($0), " } ?? ""
        let recordsText = records == 1 ? "1 record" : "\(records) records"
        let errorsText = errors == 1 ? "1 error" : "\(errors) errors"
        let warningsText = warnings == 1 ? "1 warning" : "\(warnings) warnings"
        return "\(file): \(verdict) (\(versionText)\(recordsText), \(errorsText), \(warningsText))"
    }
}
