/// The evidence behind a rule.
public struct Evidence: Hashable, Sendable {
    /// AMP/ASCO/CAP level for the rule's tumour types.
    public var ampLevel: AMPLevel
    /// ESCAT tier, when the curator assigned one.
    public var escat: ESCATTier?
    /// The strongest kind of source.
    public var source: EvidenceSource
    /// Citations (never empty in a loaded rule).
    public var references: [Reference]
    /// One or two clinician-facing sentences.
    public var statement: String
    /// Whether a curator could not fully verify the item; reports show it.
    public var uncertain: Bool

    public init(
        ampLevel: AMPLevel, escat: ESCATTier? = nil, source: EvidenceSource, references: [Reference],
        statement: String, uncertain: Bool = false
    ) {
        self.ampLevel = ampLevel
        self.escat = escat
        self.source = source
        self.references = references
        self.statement = statement
        self.uncertain = uncertain
    }
}
