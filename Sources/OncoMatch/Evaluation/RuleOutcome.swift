import OncoRules

/// One candidate rule evaluated on the profile, with its tumour-type fit.
struct RuleOutcome: Sendable {
    var rule: Rule
    /// Position of the rule in its set (for a stable order).
    var position: Int
    var evaluation: Evaluation
    var fit: TumourTypeFit

    var holds: Bool { evaluation.truth == .yes }
}

/// A rule whose biomarker holds and which is reported, before merging.
struct ReportableHit: Sendable {
    var outcome: RuleOutcome
    var therapies: [TherapyOption]
    var tier: AMPTier
    var escat: ESCATTier?
    /// The alterations that made it hold, in content order, each with its content key
    /// (``AlterationText/sortKey(_:)``, worked out once: merging orders by it again).
    let matchedAlterations: [MatchedAlteration]
    let sortKeys: [String]
    var level: MatchLevel
    var explanation: String
    var caveats: [String]
    /// The alphabetically first gene among the matched alterations (empty when none), kept
    /// rather than worked out at each comparison of a sort.
    let firstGene: String

    init(
        outcome: RuleOutcome, therapies: [TherapyOption], tier: AMPTier, escat: ESCATTier?,
        matchedAlterations: [(alteration: MatchedAlteration, sortKey: String)], level: MatchLevel,
        explanation: String, caveats: [String]
    ) {
        self.outcome = outcome
        self.therapies = therapies
        self.tier = tier
        self.escat = escat
        self.matchedAlterations = matchedAlterations.map(\.alteration)
        sortKeys = matchedAlterations.map(\.sortKey)
        self.level = level
        self.explanation = explanation
        self.caveats = caveats
        firstGene = matchedAlterations.lazy.map(\.alteration.gene).min() ?? ""
    }

    var rule: Rule { outcome.rule }
    var isOnLabel: Bool { outcome.fit == .onLabel }

    /// Report order: tier, AMP level, evidence source strength, gene, rule id.
    static func precedes(_ lhs: ReportableHit, _ rhs: ReportableHit) -> Bool {
        let left = lhs.rule.evidence
        let right = rhs.rule.evidence
        if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
        if left.ampLevel != right.ampLevel { return left.ampLevel < right.ampLevel }
        if left.source != right.source { return left.source < right.source }
        if lhs.firstGene != rhs.firstGene { return lhs.firstGene < rhs.firstGene }
        return lhs.rule.id < rhs.rule.id
    }
}

/// A rule whose biomarker holds but which the tumour type keeps from being reported.
struct WithheldHit: Sendable {
    var outcome: RuleOutcome
    var reason: String
    /// Whether the rule explicitly excludes the tumour type (shown even when the alteration
    /// matched elsewhere).
    var isExplicitExclusion: Bool
}
