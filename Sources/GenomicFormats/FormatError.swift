/// An error in an input file, located as precisely as the reader knows it.
///
/// Every error raised by the format layer is a `FormatError`, so callers can report
/// `file:line: message` without knowing which parser failed.
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is, for programmatic handling.
    public enum Kind: String, Sendable, Equatable {
        /// The file could not be opened or read.
        case io
        /// The compressed stream is damaged, truncated or not what its header says.
        case compression
        /// A line is longer than the configured limit.
        case lineTooLong
        /// The header is missing, malformed or out of order.
        case header
        /// A data line is malformed (wrong column count, bad field syntax).
        case record
        /// A typed value does not match its header declaration.
        case value
    }

    public var kind: Kind
    /// The file path as given by the user (`-` for standard input).
    public var file: String
    /// 1-based line number, when known.
    public var line: Int?
    /// The column or field name (e.g. `POS`, `INFO/DP`, `FORMAT/AD`), when known.
    public var field: String?
    /// What was wrong and what was expected.
    public var message: String

    public init(
        _ kind: Kind, file: String, line: Int? = nil, field: String? = nil, message: String
    ) {
        self.kind = kind
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field: message`, omitting unknown parts.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "\(field): " }
        return text + message
    }
}
