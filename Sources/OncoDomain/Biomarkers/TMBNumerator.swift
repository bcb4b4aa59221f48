/// Which variants a tumour mutational burden counts.
public enum TMBNumerator: String, Hashable, Sendable, CaseIterable {
    /// Protein-altering coding variants: truncating (incl. canonical splice donor/acceptor and
    /// start loss), missense, in-frame insertions/deletions/delins, other coding. The default.
    case codingNonsynonymous = "coding-nonsynonymous"
    /// Every coding variant: the above plus synonymous.
    case allCoding = "all-coding"
    /// Missense variants only.
    case missenseOnly = "missense-only"

    /// Whether a variant of `variantClass` is counted.
    public func counts(_ variantClass: VariantClass) -> Bool {
        switch self {
        case .codingNonsynonymous: variantClass.isProteinAltering
        case .allCoding: variantClass.isProteinAltering || variantClass == .synonymous
        case .missenseOnly: variantClass == .missense
        }
    }

    /// A plain-words description for the formula string.
    public var phrase: String {
        switch self {
        case .codingNonsynonymous: "coding non-synonymous variants"
        case .allCoding: "coding variants (incl. synonymous)"
        case .missenseOnly: "missense variants"
        }
    }
}
