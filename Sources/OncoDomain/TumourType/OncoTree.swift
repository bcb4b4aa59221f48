/// The OncoTree tumour-type ontology (release 2025-10-03, CC BY 4.0, shipped as a resource).
///
/// INTERIM DECLARATION: the domain-primitives work implements loading and queries while keeping
/// this public interface.
public struct OncoTree: Sendable {
    /// One tumour type.
    public struct Node: Sendable, Hashable {
        public var code: String
        public var name: String
        public var mainType: String?
        public var tissue: String?
        public var parent: String?
        public var level: Int
    }

    /// The release identifier, e.g. `oncotree_2025_10_03`.
    public var version: String

    /// The tree shipped with the package.
    public static func bundled() throws -> OncoTree {
        OncoTree(version: "oncotree_2025_10_03")
    }

    /// The node for `code` (case-insensitive), or `nil`.
    public func node(_ code: String) -> Node? { nil }

    /// Codes from the parent up to the root (`TISSUE` excluded).
    public func ancestors(of code: String) -> [String] { [] }

    /// Every code below `code`.
    public func descendants(of code: String) -> [String] { [] }

    /// Whether `code` is `ancestor` or one of its descendants.
    public func isSameOrDescendant(_ code: String, of ancestor: String) -> Bool { false }

    /// Whether `code` belongs to the haematological tissues (myeloid, lymphoid).
    public func isHaematological(_ code: String) -> Bool { false }

    /// Known codes close to an unknown one (for error messages), best first.
    public func closeMatches(for code: String, limit: Int = 5) -> [String] { [] }
}

/// The groups knowledge bases use instead of a tumour type.
public enum TumourTypeBucket: String, Sendable, CaseIterable {
    case allSolid = "all-solid"
    case allHaematological = "all-haematological"
    case any = "any"
}
