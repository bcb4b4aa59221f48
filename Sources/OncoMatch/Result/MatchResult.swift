/// Everything the matcher found for one sample: matches (sensitivity and resistance together),
/// near-misses and warnings, each in a deterministic order.
public struct MatchResult: Hashable, Sendable {
    public var sampleName: String
    /// The sample's OncoTree code.
    public var tumourType: String
    /// In report order: tier, AMP level, evidence source, gene, rule id.
    public var matches: [MatchedTherapy]
    /// Sorted by gene, then label.
    public var nearMisses: [NearMissFinding]
    /// Plain sentences, each once, in a fixed order.
    public var warnings: [String]
    /// Truncating variants in hereditary cancer genes that are or may be germline, by gene.
    public var germlineFindings: [GermlineFinding]

    public init(
        sampleName: String, tumourType: String, matches: [MatchedTherapy], nearMisses: [NearMissFinding],
        warnings: [String], germlineFindings: [GermlineFinding] = []
    ) {
        self.sampleName = sampleName
        self.tumourType = tumourType
        self.matches = matches
        self.nearMisses = nearMisses
        self.warnings = warnings
        self.germlineFindings = germlineFindings
    }
}
