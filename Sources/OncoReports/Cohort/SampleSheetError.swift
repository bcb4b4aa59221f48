/// A problem in a sample sheet or clinical table, located by file, line and column.
///
/// Its description reads `file:line: column: message` (the column part only when one column is
/// at fault), like the format library's errors.
public struct SampleSheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    /// The column's header name, when one column is at fault.
    public var column: String?
    public var message: String

    public init(file: String, line: Int, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        text += ": "
        if let column { text += "\(column): " }
        return text + message
    }
}
