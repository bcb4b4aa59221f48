/// One therapy rule: a biomarker in some tumour types predicts an effect of some therapies.
public struct Rule: Hashable, Sendable, Identifiable {
    /// Unique across the rule set, `[A-Za-z0-9._-]+`.
    public var id: String
    public var title: String
    /// ISO date of the rule's last review.
    public var reviewed: String
    public var biomarker: Criterion
    public var tumourTypes: TumourTypeSelector
    /// Alternatives; each option may combine several drugs.
    public var therapies: [TherapyOption]
    public var category: TherapyCategory
    public var effect: Effect
    public var evidence: Evidence
    /// Curator notes (not shown to clinicians).
    public var notes: String?
    /// Where the rule was defined, when loaded from a file.
    public var location: RuleFileLocation?

    public init(
        id: String, title: String, reviewed: String, biomarker: Criterion, tumourTypes: TumourTypeSelector,
        therapies: [TherapyOption], category: TherapyCategory, effect: Effect, evidence: Evidence,
        notes: String? = nil, location: RuleFileLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.reviewed = reviewed
        self.biomarker = biomarker
        self.tumourTypes = tumourTypes
        self.therapies = therapies
        self.category = category
        self.effect = effect
        self.evidence = evidence
        self.notes = notes
        self.location = location
    }

    /// Genes the rule's biomarker needs present (see ``Criterion/positiveGenes``), sorted.
    public var genes: [String] { biomarker.positiveGenes.sorted() }
}
