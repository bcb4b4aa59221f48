/// One positive piece of evidence behind a criterion: an alteration (with the transcript it
/// matched on) or a biomarker / wild-type state.
struct LeafHit: Hashable, Sendable {
    /// Index into ``ProfileView/alterations``; `nil` for TMB, MSI, HRD and wild-type hits.
    var alterationID: Int?
    var transcriptIndex: Int?
    /// The gene the criterion named and the alteration satisfied (`RET` for a CCDC6::RET fusion
    /// matching "RET fusion"); `nil` for TMB, MSI, HRD and wild-type hits.
    var gene: String?
    var level: MatchLevel
    /// What fired, as the rule names it: `BRAF V600E`, `TMB ≥ 10 mut/Mb`.
    var requirement: String
    /// A statement of the observed value for biomarker hits (`TMB 15.00 mut/Mb`).
    var observation: String?
    var caveats: [String]
}

/// Why one alteration did not satisfy a leaf criterion, closest miss first.
struct LeafFailure: Hashable, Sendable, Comparable {
    enum Kind: Int, Hashable, Sendable, Comparable {
        /// It would match, but its FILTER is not PASS.
        case filter
        /// It would match, but origin, VAF, depth or zygosity fall short.
        case qualifier
        /// It has no annotation for the gene, so protein-level criteria could not be tried.
        case unannotated
        /// It is not what the criterion names.
        case mismatch

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var kind: Kind
    /// A plain phrase for filter and qualifier failures, or a note on a mismatch.
    var text: String?

    static func < (lhs: LeafFailure, rhs: LeafFailure) -> Bool {
        (lhs.kind, lhs.text ?? "") < (rhs.kind, rhs.text ?? "")
    }
}

/// The outcome of one leaf criterion over the whole profile.
struct LeafResult: Sendable {
    var truth: Truth
    var hits: [LeafHit]
    /// Per alteration (of the leaf's genes) that did not satisfy it.
    var failures: [Int: LeafFailure]
    /// Why the leaf is `unknown`, when it is.
    var unknownReason: String?

    /// Alterations among the hits.
    var satisfiedIDs: Set<Int> { Set(hits.compactMap(\.alterationID)) }
}

/// The outcome of a whole criterion tree.
struct Evaluation: Sendable {
    var truth: Truth
    /// Positive evidence (empty unless `truth` is `.yes`).
    var hits: [LeafHit]
    /// Why parts could not be evaluated, each once.
    var unknownReasons: [String]
}
