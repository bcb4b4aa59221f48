import OncoRules

/// What the candidate rules ask of the alterations of one set of genes, worked out once per match
/// and shared by every alteration of those genes that reaches the near-miss reasoning: the rules
/// considered, their positive alteration leaves with the main pass's results and requirement
/// texts, the wild-type rules on those genes, and the `rules need …` phrase for an alteration
/// that satisfies none of the leaves (by far the most common case).
///
/// A class: thousands of alterations share a few plans, and handing one around then costs a
/// reference, not a copy of every field.
final class NearMissGenePlan: Sendable {
    /// One positive alteration leaf of one candidate rule, naming a gene of the set.
    struct Entry: Sendable {
        /// How the requirement phrases of the leaf are ranked in `rules need …`.
        enum Category: Sendable {
            case protein
            case allele
            case other
        }

        /// Index into the reasoner's outcomes.
        var outcomeIndex: Int
        var ruleHolds: Bool
        var leaf: Criterion
        var result: LeafResult
        /// Alterations among the leaf's hits.
        var satisfiedIDs: Set<Int>
        /// What the leaf accepts (``RequirementText/alternatives(_:hotspots:)``).
        var alternatives: [String]
        var category: Category
    }

    /// A rule with a `wild_type` criterion on some genes of the set.
    struct WildTypeCandidate: Sendable {
        var outcomeIndex: Int
        /// Its wild-type genes that are in the set, in criterion order.
        var genes: [String]
    }

    /// Leaves in outcome order, then in criterion order within a rule.
    let entries: [Entry]
    /// Rules with at least one entry, in outcome order.
    let ruleIDs: [String]
    /// The same in rule-set order, as near-misses list them.
    let sortedRuleIDs: [String]
    let wildTypeCandidates: [WildTypeCandidate]
    /// `rules need …` (or `no rule names it`) for an alteration that satisfies no entry, when its
    /// annotation for the gene has a protein change.
    let needsWithProteinChange: String
    /// The same, when it has none (allele requirements are then named too).
    let needsWithoutProteinChange: String

    /// - Parameters:
    ///   - references: (outcome, leaf) positions of the leaves naming a gene of the set, sorted.
    ///   - leavesByOutcome: each outcome's positive alteration leaves.
    ///   - wildTypeGenesByOutcome: each outcome's `wild_type` genes outside `not`.
    ///   - rulePositions: each rule's position in its set.
    init(
        genes: [String], references: [(outcome: Int, leaf: Int)], outcomes: [RuleOutcome],
        leavesByOutcome: [[Criterion]], wildTypeGenesByOutcome: [[String]], rulePositions: [String: Int],
        evaluator: CriterionEvaluator, hotspots: [String: [CodonPosition]]
    ) {
        var entries: [Entry] = []
        var ruleIDs: [String] = []
        entries.reserveCapacity(references.count)
        for reference in references {
            let leaf = leavesByOutcome[reference.outcome][reference.leaf]
            // Cached by the evaluator: every positive leaf was evaluated in the main pass.
            let result = evaluator.leaf(leaf)
            let category: Entry.Category =
                switch leaf {
                case .protein: .protein
                case .allele: .allele
                default: .other
                }
            if entries.last?.outcomeIndex != reference.outcome {
                ruleIDs.append(outcomes[reference.outcome].rule.id)
            }
            entries.append(
                Entry(
                    outcomeIndex: reference.outcome, ruleHolds: outcomes[reference.outcome].holds, leaf: leaf,
                    result: result, satisfiedIDs: result.satisfiedIDs,
                    alternatives: RequirementText.alternatives(leaf, hotspots: hotspots), category: category))
        }
        var wildTypeCandidates: [WildTypeCandidate] = []
        for (outcomeIndex, wildTypeGenes) in wildTypeGenesByOutcome.enumerated() where !wildTypeGenes.isEmpty
        {
            let inSet = wildTypeGenes.filter(genes.contains)
            if !inSet.isEmpty {
                wildTypeCandidates.append(WildTypeCandidate(outcomeIndex: outcomeIndex, genes: inSet))
            }
        }
        self.entries = entries
        self.ruleIDs = ruleIDs
        sortedRuleIDs = NearMissReasoner.sortedRuleIDs(ruleIDs, positions: rulePositions)
        self.wildTypeCandidates = wildTypeCandidates
        needsWithProteinChange = Self.needs(entries, hasProteinChange: true)
        needsWithoutProteinChange = Self.needs(entries, hasProteinChange: false)
    }

    /// `rules need V600E, V600K or a missense change at G469` from the entries an alteration did
    /// not satisfy: protein and other requirements first (a qualified phrase dropped when its
    /// unqualified form is there); allele requirements added when the alteration has no protein
    /// change or nothing else is named.
    static func needs(_ entries: some Sequence<Entry>, hasProteinChange: Bool) -> String {
        var proteinAlternatives: [String] = []
        var otherAlternatives: [String] = []
        var alleleAlternatives: [String] = []
        for entry in entries {
            switch entry.category {
            case .protein: proteinAlternatives += entry.alternatives
            case .allele: alleleAlternatives += entry.alternatives
            case .other: otherAlternatives += entry.alternatives
            }
        }
        var alternatives = ListText.unique(proteinAlternatives + otherAlternatives)
        // `a loss-of-function alteration (germline)` says nothing `a loss-of-function alteration` does not.
        let unqualified = alternatives
        alternatives.removeAll { phrase in unqualified.contains { phrase.hasPrefix($0 + " (") } }
        if !hasProteinChange || alternatives.isEmpty { alternatives += ListText.unique(alleleAlternatives) }
        return alternatives.isEmpty ? "no rule names it" : "rules need \(ListText.joined(alternatives))"
    }
}
