/// One therapy option group reached in one sample: the matches of a report that name the same
/// therapies with the same effect, merged, with the best (first-ranked) tier.
public struct CohortTherapyRow: Sendable, Equatable {
    /// The therapy options, e.g. `["dabrafenib + trametinib"]`.
    public var therapies: [String]
    /// `sensitivity`, `resistance` or `reduced-sensitivity`.
    public var effect: String
    public var category: String
    /// The best AMP/ASCO/CAP tier for this tumour among the merged matches.
    public var ampTier: String
    public var escat: String?
    /// Whether the best-tier match is on label for the sample's tumour type.
    public var onLabel: Bool
    public var genes: [String]
    /// Supporting alterations as short labels (`BRAF V600E`, `ERBB2 amplification`), then what
    /// alteration-free criteria found (`HRD-positive status`, `TMB 12.00 mut/Mb`), in report order.
    public var alterations: [String]
    /// Every rule reaching the group (best rule first), without duplicates.
    public var ruleIds: [String]

    public init(
        therapies: [String], effect: String, category: String, ampTier: String, escat: String?, onLabel: Bool,
        genes: [String], alterations: [String], ruleIds: [String]
    ) {
        self.therapies = therapies
        self.effect = effect
        self.category = category
        self.ampTier = ampTier
        self.escat = escat
        self.onLabel = onLabel
        self.genes = genes
        self.alterations = alterations
        self.ruleIds = ruleIds
    }

    /// The report's matches grouped by (therapies, effect), in report order (which ranks tiers
    /// first, so the first match of a group holds its best tier).
    public static func rows(from matches: [TherapyMatch]) -> [CohortTherapyRow] {
        var rows: [CohortTherapyRow] = []
        var rowOfKey: [[String]: Int] = [:]
        for match in matches {
            let key = match.therapies + ["\u{0}", match.effect]
            let labels = match.alterations.map(label) + match.biomarkerFindings
            let rules = [match.ruleId] + match.supportingRuleIds
            if let index = rowOfKey[key] {
                rows[index].genes = merged(rows[index].genes, match.genes)
                rows[index].alterations = merged(rows[index].alterations, labels)
                rows[index].ruleIds = merged(rows[index].ruleIds, rules)
                continue
            }
            rowOfKey[key] = rows.count
            rows.append(
                CohortTherapyRow(
                    therapies: match.therapies, effect: match.effect, category: match.category,
                    ampTier: match.ampTier, escat: match.escat, onLabel: match.onLabel,
                    genes: merged([], match.genes), alterations: merged([], labels),
                    ruleIds: merged([], rules)))
        }
        return rows
    }

    /// `gene` and the most specific description the report has (protein change, HGVSc, genomic
    /// allele, class); `FIVE::THREE fusion` for a fusion.
    static func label(_ alteration: AlterationSummary) -> String {
        alteration.label(
            detail: alteration.proteinChange ?? alteration.hgvsc ?? alteration.genomicText
                ?? alteration.variantClass)
    }

    private static func merged(_ existing: [String], _ more: [String]) -> [String] {
        var result = existing
        var seen = Set(existing)
        for item in more where seen.insert(item).inserted { result.append(item) }
        return result
    }
}
