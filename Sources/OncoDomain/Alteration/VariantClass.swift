/// The class of a small variant, derived from its Sequence Ontology consequence terms.
///
/// The spellings (raw values) are the ones used in rule files and JSON reports.
public enum VariantClass: String, Hashable, Sendable, CaseIterable, Comparable {
    /// stop_gained, frameshift_variant, splice_donor_variant, splice_acceptor_variant,
    /// start_lost, and stop_lost when configured so.
    case truncating
    case missense
    case inframeInsertion = "inframe-insertion"
    case inframeDeletion = "inframe-deletion"
    case inframeDelins = "inframe-delins"
    case spliceRegion = "splice-region"
    case synonymous
    /// Protein-altering but none of the above (e.g. stop_lost when not counted as truncating,
    /// protein_altering_variant, coding_sequence_variant).
    case otherCoding = "other-coding"
    case nonCoding = "non-coding"
    case structural

    /// Severity order: the most severe class first.
    public static func < (lhs: VariantClass, rhs: VariantClass) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The most severe class implied by a set of SO consequence terms.
    ///
    /// INTERIM: the domain-primitives work implements the full table.
    public static func classify(
        consequences: some Sequence<some StringProtocol>, stopLostIsTruncating: Bool = true
    ) -> VariantClass {
        .nonCoding
    }
}
