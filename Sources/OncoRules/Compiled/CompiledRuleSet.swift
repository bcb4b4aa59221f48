/// A rule set indexed for matching: candidate rules are looked up by the genes present in a sample
/// and by biomarker kind, so the matcher never scans rules that cannot apply.
public struct CompiledRuleSet: Sendable {
    /// The source set.
    public let ruleSet: RuleSet
    /// Rule indexes (into `ruleSet.rules`) per gene the biomarker needs present.
    private let ruleIndexesByGene: [String: [Int]]
    private let ruleIndexesByBiomarker: [Criterion.BiomarkerKind: [Int]]
    private let wildTypeRuleIndexes: [Int]

    /// Every gene any rule names (including under `not`, `wild_type`, and the MMR genes when an
    /// `mmr` criterion is used): the variant index needs to keep only these.
    public let mentionedGenes: Set<String>

    public init(_ ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        var byGene: [String: [Int]] = [:]
        var byBiomarker: [Criterion.BiomarkerKind: [Int]] = [:]
        var wildType: [Int] = []
        var mentioned: Set<String> = []
        for (index, rule) in ruleSet.rules.enumerated() {
            for gene in rule.biomarker.positiveGenes { byGene[gene, default: []].append(index) }
            for kind in rule.biomarker.positiveBiomarkerKinds { byBiomarker[kind, default: []].append(index) }
            if rule.biomarker.hasPositiveWildType { wildType.append(index) }
            mentioned.formUnion(rule.biomarker.allGenes)
        }
        ruleIndexesByGene = byGene
        ruleIndexesByBiomarker = byBiomarker
        wildTypeRuleIndexes = wildType
        mentionedGenes = mentioned
    }

    /// All rules, in set order.
    public var rules: [Rule] { ruleSet.rules }

    /// Rules whose biomarker needs an alteration of `gene` present (in set order).
    public func rules(forGene gene: String) -> [Rule] {
        (ruleIndexesByGene[gene] ?? []).map { ruleSet.rules[$0] }
    }

    /// Candidate rules for the genes present in a sample, each once, in set order.
    public func candidateRules(forGenes genes: some Sequence<String>) -> [Rule] {
        var indexes: Set<Int> = []
        for gene in genes { indexes.formUnion(ruleIndexesByGene[gene] ?? []) }
        return indexes.sorted().map { ruleSet.rules[$0] }
    }

    /// Rules that use TMB, MSI, MMR or HRD outside `not`, each once, in set order.
    public var biomarkerRules: [Rule] {
        Set(ruleIndexesByBiomarker.values.joined()).sorted().map { ruleSet.rules[$0] }
    }

    /// Rules that use one biomarker kind outside `not`.
    public func biomarkerRules(_ kind: Criterion.BiomarkerKind) -> [Rule] {
        (ruleIndexesByBiomarker[kind] ?? []).map { ruleSet.rules[$0] }
    }

    /// Rules that use `wild_type` outside `not`: they must be evaluated on every sample.
    public var wildTypeRules: [Rule] { wildTypeRuleIndexes.map { ruleSet.rules[$0] } }

    /// Activating hotspot codons per gene.
    public var hotspots: [String: [CodonPosition]] { ruleSet.hotspots }

    /// Genes that index at least one rule, sorted.
    public var indexedGenes: [String] { ruleIndexesByGene.keys.sorted() }
}
