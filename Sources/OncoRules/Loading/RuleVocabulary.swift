import OncoDomain

/// What the loader validates names against: OncoTree codes and protein-change notation.
///
/// ``standard()`` uses the bundled OncoTree and ``ProteinChange/parse(_:)``; tests may inject a
/// smaller tree or parser.
public struct RuleVocabulary: Sendable {
    /// The canonical OncoTree code for a code as written (case-insensitive), or `nil` when unknown.
    public var canonicalTumourType: @Sendable (String) -> String?
    /// Known codes close to an unknown one, best first.
    public var closeTumourTypes: @Sendable (String) -> [String]
    /// Parses a protein change, or `nil` when malformed.
    public var parseProteinChange: @Sendable (String) -> ProteinChange?

    public init(
        canonicalTumourType: @escaping @Sendable (String) -> String?,
        closeTumourTypes: @escaping @Sendable (String) -> [String],
        parseProteinChange: @escaping @Sendable (String) -> ProteinChange? = { ProteinChange.parse($0) }
    ) {
        self.canonicalTumourType = canonicalTumourType
        self.closeTumourTypes = closeTumourTypes
        self.parseProteinChange = parseProteinChange
    }

    /// Validates against `tree` and the domain's protein parser.
    public init(oncoTree tree: OncoTree) {
        self.init(
            canonicalTumourType: { tree.node($0)?.code },
            closeTumourTypes: { tree.closeMatches(for: $0) })
    }

    /// The bundled OncoTree and the domain's protein parser.
    public static func standard() throws -> RuleVocabulary {
        RuleVocabulary(oncoTree: try OncoTree.bundled())
    }
}
