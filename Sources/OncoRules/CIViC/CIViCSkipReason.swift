/// Why a CIViC predictive evidence item was not turned into a rule.
public enum CIViCSkipReason: String, Hashable, Sendable, CaseIterable, Comparable {
    /// `evidence_status` present and not `accepted`.
    case notAccepted = "not-accepted"
    /// `evidence_direction` is `Does Not Support`.
    case doesNotSupport = "does-not-support"
    /// `evidence_direction` is empty or unknown.
    case missingDirection = "missing-direction"
    /// Clinical significance other than sensitivity/response, resistance or reduced sensitivity
    /// (e.g. `Adverse Response`, `N/A`).
    case unsupportedSignificance = "unsupported-significance"
    /// Evidence level outside A–E.
    case unsupportedLevel = "unsupported-level"
    /// No therapy named.
    case noTherapy = "no-therapy"
    /// Several therapies without an interaction type (the 2018 layout has no such column), or a
    /// `Sequential` interaction: the options cannot be stated faithfully.
    case ambiguousTherapies = "ambiguous-therapies"
    /// The disease has no OncoTree mapping (see `civic_disease_to_oncotree.tsv`).
    case unmappedDisease = "unmapped-disease"
    /// Expression, methylation, phosphorylation or serum-level profiles: not expressible from variants.
    case expressionProfile = "expression-profile"
    /// A variant name the rule language cannot express faithfully.
    case unsupportedProfile = "unsupported-profile"
    /// Items with the same biomarker, tumour types and a shared therapy but contradicting effects:
    /// the side with the weaker AMP level is left out (both sides when equal).
    case conflictingEvidence = "conflicting-evidence"

    public static func < (lhs: CIViCSkipReason, rhs: CIViCSkipReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
