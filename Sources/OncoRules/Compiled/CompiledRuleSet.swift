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

    /// Whether some criterion (under `not` too) accepts the `non-coding` class. Only then can an
    /// alteration annotated as non-coding on every transcript (intronic, UTR, up- or downstream,
    /// without an HGVSp) meet a criterion other than an exact allele, so only then does the
    /// variant index need to keep such alterations.
    public let acceptsNonCodingAlterations: Bool

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
        acceptsNonCodingAlterations = ruleSet.rules.contains { Self.acceptsNonCoding($0.biomarker) }
    }

    private static func acceptsNonCoding(_ criterion: Criterion) -> Bool {
        switch criterion {
        case .codon(let codon): codon.classes.contains(.nonCoding)
        case .range(let range): range.classes.contains(.nonCoding)
        case .exon(let exon): exon.classes.contains(.nonCoding)
        case .gene(let gene): gene.alterationClass == .variantClass(.nonCoding)
        case .all(let parts), .any(let parts): parts.contains(where: acceptsNonCoding)
        case .not(let inner): acceptsNonCoding(inner)
        case .allele, .protein, .copyNumber, .fusion, .tmb, .msi, .mmr, .hrd, .wildType: false
        }
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
