import OncoDomain
import OncoRules

/// Therapy options reached by one or more rules with the same effect, with the tier for the
/// sample's tumour type and a plain explanation.
public struct MatchedTherapy: Hashable, Sendable {
    /// The rule that gives the match its tier (the best supporting rule).
    public var rule: Rule
    /// Every rule that reached these therapies with this effect, the tier-giving rule first.
    public var supportingRules: [Rule]
    /// The therapy options (the tier-giving rule's, minus any withheld for the tumour type).
    public var therapies: [TherapyOption]
    /// The alterations that made the biomarkers hold, in a stable order (empty for TMB, MSI, HRD
    /// and wild-type matches).
    public var alterations: [MatchedAlteration]
    public var tier: AMPTier
    /// ESCAT tier for this tumour, when the rule states one (I/II become III-A off-label).
    public var escat: ESCATTier?
    public var isOnLabel: Bool
    /// The most specific rung that fired for the tier-giving rule.
    public var level: MatchLevel
    /// One or two plain sentences.
    public var explanation: String
    /// Limits of the match (unknown origin, coverage assumptions), also folded into the explanation.
    public var caveats: [String]
    /// What the tier-giving rule's alteration-free criteria found: `TMB 11.13 mut/Mb`,
    /// `MSI-high status`, `KRAS and NRAS wild type`; empty when only alterations matched.
    public var biomarkerFindings: [String] = []
    /// For a sensitivity match, the rules of reported resistance or reduced-sensitivity matches
    /// that name one of its therapy options (see the caveats); empty otherwise.
    public var conflictingRuleIDs: [String] = []

    public init(
        rule: Rule, supportingRules: [Rule], therapies: [TherapyOption], alterations: [MatchedAlteration],
        tier: AMPTier, escat: ESCATTier?, isOnLabel: Bool, level: MatchLevel, explanation: String,
        caveats: [String]
    ) {
        self.rule = rule
        self.supportingRules = supportingRules
        self.therapies = therapies
        self.alterations = alterations
        self.tier = tier
        self.escat = escat
        self.isOnLabel = isOnLabel
        self.level = level
        self.explanation = explanation
        self.caveats = caveats
    }

    public var effect: Effect { rule.effect }
    public var category: TherapyCategory { rule.category }
    /// The tier-giving rule's own AMP level for its stated tumour types.
    public var ampLevel: AMPLevel { rule.evidence.ampLevel }
    public var supportingRuleIDs: [String] { supportingRules.map(\.id) }
    /// The genes through which the alterations matched (``MatchedAlteration/gene``), sorted.
    public var genes: [String] { Set(alterations.map(\.gene)).sorted() }
    /// Whether every alteration matched on its principal transcript.
    public var isPrincipalTranscript: Bool { alterations.allSatisfy(\.isPrincipalTranscript) }
}
