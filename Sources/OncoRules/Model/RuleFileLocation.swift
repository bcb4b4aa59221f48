/// A position in a rule file: 1-based line and column, as YAML reports them.
public struct RuleFileLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file path as given to the loader (or resolved from an `include`).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
