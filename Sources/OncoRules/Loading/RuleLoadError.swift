/// Loading failed: every problem found, in file order.
public struct RuleLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// At least one diagnostic.
    public var diagnostics: [RuleDiagnostic]

    public init(diagnostics: [RuleDiagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
