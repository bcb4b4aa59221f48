import OncoDomain
import OncoRules

/// Builds one near-miss per alteration (in a gene the rules mention) that contributed to no
/// match, with a concrete reason from the criteria tried; and one per matched alteration that a
/// rule explicitly excludes for this tumour type.
///
/// Reasons, closest miss first: the rule held but the tumour type kept it back; part of a
/// combined rule held; FILTER; qualifiers (origin, VAF, depth, zygosity); missing annotation;
/// otherwise what the alteration is and what the rules need. Alterations annotated as non-coding
/// on every transcript of their genes (intronic, UTR…) are not listed, nor are copy-number LOH
/// events of genes no rule asks LOH of (LOH spans many genes and matters as a second hit).
struct NearMissReasoner {
    let view: ProfileView
    let evaluator: CriterionEvaluator
    let outcomes: [RuleOutcome]
    let withheld: [WithheldHit]
    let matchedIDs: Set<Int>
    let mentionedGenes: Set<String>
    let hotspots: [String: [CodonPosition]]

    func findings() -> [NearMissFinding] {
        var findings: [NearMissFinding] = []
        for (id, alteration) in view.alterations.enumerated() {
            if let finding = finding(id: id, alteration: alteration) { findings.append(finding) }
        }
        // Keys computed once per finding, not once per comparison.
        return findings.map { ($0, AlterationText.sortKey($0.alteration)) }
            .sorted { ($0.0.gene, $0.0.label, $0.0.reason, $0.1) < ($1.0.gene, $1.0.label, $1.0.reason, $1.1) }
            .map(\.0)
    }

    private func finding(id: Int, alteration: Alteration) -> NearMissFinding? {
        let genes = alteration.genes.filter { mentionedGenes.contains($0) }.sorted()
        guard !genes.isEmpty else { return nil }
        let gene = genes.contains(alteration.gene) ? alteration.gene : genes[0]
        if alteration.kind == .smallVariant && view.isAnnotated && !alteration.transcripts.isEmpty
            && genes.allSatisfy({ gene in
                alteration.transcripts(forGene: gene).allSatisfy { $0.variantClass == .nonCoding }
            })
        {
            return nil
        }
        if case .copyNumber(.lossOfHeterozygosity) = alteration.kind, !matchedIDs.contains(id),
            !rulesAskLOH(of: gene)
        {
            return nil
        }
        let label = AlterationText.label(alteration, gene: gene)
        func make(_ reason: String, _ ruleIDs: [String]) -> NearMissFinding {
            NearMissFinding(
                gene: gene, label: label, reason: reason, ruleIDs: sortedRuleIDs(ruleIDs),
                alteration: alteration)
        }
        let withheldHere = withheld.filter { hit in
            hit.outcome.evaluation.hits.contains { $0.alterationID == id }
        }
        if matchedIDs.contains(id) {
            let explicit = withheldHere.filter(\.isExplicitExclusion)
            guard !explicit.isEmpty else { return nil }
            return make(Self.joinedReasons(explicit.map(\.reason)), explicit.map(\.outcome.rule.id))
        }
        if !withheldHere.isEmpty {
            return make(
                Self.joinedReasons(withheldHere.map(\.reason)), withheldHere.map(\.outcome.rule.id))
        }
        return leafReason(id: id, alteration: alteration, genes: Set(genes), gene: gene, make: make)
    }

    private func leafReason(
        id: Int, alteration: Alteration, genes: Set<String>, gene: String,
        make: (String, [String]) -> NearMissFinding
    ) -> NearMissFinding? {
        var ruleIDs: [String] = []
        var partial: [String] = []
        var failures: [LeafFailure] = []
        var proteinAlternatives: [String] = []
        var otherAlternatives: [String] = []
        var alleleAlternatives: [String] = []
        for outcome in outcomes {
            let leaves = CriterionLeaves.positiveAlterationLeaves(outcome.rule.biomarker).filter {
                !$0.positiveGenes.isDisjoint(with: genes)
            }
            guard !leaves.isEmpty else { continue }
            ruleIDs.append(outcome.rule.id)
            for leaf in leaves {
                let result = evaluator.leaf(leaf)
                if result.satisfiedIDs.contains(id) {
                    guard !outcome.holds else { continue }
                    var text = "meets \(leaf) but \(outcome.rule.id) needs \(outcome.rule.biomarker)"
                    if !outcome.evaluation.unknownReasons.isEmpty {
                        text += " (\(outcome.evaluation.unknownReasons.joined(separator: "; ")))"
                    }
                    partial.append(text)
                    continue
                }
                if let failure = result.failures[id] { failures.append(failure) }
                let alternatives = RequirementText.alternatives(leaf, hotspots: hotspots)
                switch leaf {
                case .protein: proteinAlternatives += alternatives
                case .allele: alleleAlternatives += alternatives
                default: otherAlternatives += alternatives
                }
            }
        }
        let wildTypeRules = outcomes.filter { outcome in
            CriterionLeaves.wildTypeGenes(outcome.rule.biomarker).contains { gene in
                genes.contains(gene) && evaluator.breaksWildType(alteration, gene: gene)
            }
        }
        let wildTypeNote =
            wildTypeRules.isEmpty
            ? "" : "; it rules out the wild type that \(ListText.joined(wildTypeRules.map(\.rule.id))) needs"
        let allRuleIDs = ruleIDs + wildTypeRules.map(\.rule.id)
        if !partial.isEmpty {
            return make(ListText.unique(partial).joined(separator: "; "), allRuleIDs)
        }
        if let filter = failures.filter({ $0.kind == .filter }).min(), let text = filter.text {
            return make(text, allRuleIDs)
        }
        let qualifiers = ListText.unique(failures.filter { $0.kind == .qualifier }.compactMap(\.text))
        if !qualifiers.isEmpty {
            return make(qualifiers.joined(separator: "; ") + wildTypeNote, allRuleIDs)
        }
        let hasProtein = AlterationText.annotation(of: alteration, gene: gene)?.proteinChange != nil
        var alternatives = ListText.unique(proteinAlternatives + otherAlternatives)
        // `a loss-of-function alteration (germline)` says nothing `a loss-of-function alteration` does not.
        let unqualified = alternatives
        alternatives.removeAll { phrase in unqualified.contains { phrase.hasPrefix($0 + " (") } }
        if !hasProtein || alternatives.isEmpty { alternatives += ListText.unique(alleleAlternatives) }
        let needs = alternatives.isEmpty ? "no rule names it" : "rules need \(ListText.joined(alternatives))"
        let classPhrase = AlterationText.classPhrase(alteration, gene: gene)
        if alteration.kind == .smallVariant
            && (!view.isAnnotated || failures.contains { $0.kind == .unannotated })
        {
            return make(
                "not annotated (no CSQ/ANN): protein-level rules not evaluated; \(needs)" + wildTypeNote,
                allRuleIDs)
        }
        let notes = ListText.unique(failures.compactMap { $0.kind == .mismatch ? $0.text : nil })
        let noteText = notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))"
        return make("\(classPhrase); \(needs)\(noteText)\(wildTypeNote)", allRuleIDs)
    }

    private func sortedRuleIDs(_ ids: [String]) -> [String] {
        let order = Dictionary(outcomes.map { ($0.rule.id, $0.position) }, uniquingKeysWith: min)
        return ListText.unique(ids).sorted { (order[$0] ?? 0, $0) < (order[$1] ?? 0, $1) }
    }

    /// Whether a candidate rule of `gene` has a `copy_number: { state: loh }` criterion for it.
    private func rulesAskLOH(of gene: String) -> Bool {
        func asks(_ criterion: Criterion) -> Bool {
            switch criterion {
            case .copyNumber(let name, let state): name == gene && state == .loh
            case .all(let children), .any(let children): children.contains(where: asks)
            case .not(let child): asks(child)
            default: false
            }
        }
        return outcomes.contains { asks($0.rule.biomarker) }
    }

    /// Reasons joined with `; `, each clause once (several rules often withhold the same option).
    static func joinedReasons(_ reasons: [String]) -> String {
        var seen: Set<String> = []
        var clauses: [String] = []
        for reason in reasons {
            for clause in reason.components(separatedBy: "; ") where seen.insert(clause).inserted {
                clauses.append(clause)
            }
        }
        return clauses.joined(separator: "; ")
    }
}
