/// One finding of `VCFValidator`: where it is, how serious it is and what was expected.
public struct VCFDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable {
        /// The file breaks a rule of the VCF specification.
        case error
        /// Allowed by the specification but suspicious or unportable (undeclared keys, unsorted
        /// records, reserved tags redefined, …).
        case warning
    }

    public var severity: Severity
    /// The file path as given.
    public var file: String
    /// 1-based line number, when the finding belongs to a line.
    public var line: Int?
    /// The column or field (`POS`, `INFO/DP`, `FORMAT/GT`, `##INFO`), when known.
    public var field: String?
    /// What is wrong and what was expected.
    public var message: String

    public init(_ severity: Severity, file: String, line: Int?, field: String?, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: error: field: message`, omitting unknown parts.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": \(severity.rawValue): "
        if let field { text += "\(field): " }
        return text + message
    }
}
