import Foundation

/// One therapy option of a rule: a single drug, or a combination given together.
public struct TherapyOption: Hashable, Sendable, CustomStringConvertible {
    /// Generic (INN) names, lowercase, in the order written.
    public var drugs: [String]

    public init(drugs: [String]) { self.drugs = drugs }

    /// Parses `a + b` into its drugs (trimmed); empty parts are kept as empty strings so a
    /// validator can report them.
    public init(parsing text: String) {
        drugs = text.split(separator: "+", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Whether the option combines several drugs.
    public var isCombination: Bool { drugs.count > 1 }

    /// `a + b`, as written in rule files.
    public var description: String { drugs.joined(separator: " + ") }
}
