import GenomicFormats
import OncoDomain

/// A biomarker condition of a rule: one rung of the matching ladder, or a boolean combination.
public indirect enum Criterion: Hashable, Sendable {
    /// An exact genomic allele per build.
    case allele(Allele)
    /// Exact protein change(s).
    case protein(Protein)
    /// Any change at a codon, optionally limited to classes.
    case codon(Codon)
    /// Any change in a residue range, optionally limited to classes.
    case range(ResidueRange)
    /// An exon (optionally with its flanking splice sites), limited to classes.
    case exon(Exon)
    /// A gene-level alteration class.
    case gene(Gene)
    /// A copy-number state of a gene.
    case copyNumber(gene: String, state: CopyNumberRequirement)
    /// A fusion.
    case fusion(FusionPartners)
    /// Tumour mutational burden of at least `min` mutations per megabase.
    case tmb(min: Double)
    /// Microsatellite status.
    case msi(MSIRequirement)
    /// Mismatch-repair status.
    case mmr(MMRStatus)
    /// Homologous-recombination-deficiency status.
    case hrd(HRDRequirement)
    /// No protein-altering alteration in any of the genes.
    case wildType(genes: [String])
    /// Every sub-criterion holds.
    case all([Criterion])
    /// At least one sub-criterion holds.
    case any([Criterion])
    /// The sub-criterion does not hold.
    case not(Criterion)

    /// `allele: { gene, GRCh37, GRCh38 }`.
    public struct Allele: Hashable, Sendable {
        public var gene: String
        /// The allele in each build given (at least one).
        public var alleles: [GenomeBuild: GenomicAllele]
        public var qualifiers: AlterationQualifiers
        public init(
            gene: String, alleles: [GenomeBuild: GenomicAllele], qualifiers: AlterationQualifiers = .default
        ) {
            self.gene = gene
            self.alleles = alleles
            self.qualifiers = qualifiers
        }
    }

    /// `protein: { gene, change | changes }`.
    public struct Protein: Hashable, Sendable {
        public var gene: String
        /// The parsed changes (at least one).
        public var changes: [ProteinChange]
        /// The changes as written in the rule file, parallel to `changes`.
        public var notations: [String]
        public var qualifiers: AlterationQualifiers
        public init(
            gene: String, changes: [ProteinChange], notations: [String],
            qualifiers: AlterationQualifiers = .default
        ) {
            self.gene = gene
            self.changes = changes
            self.notations = notations
            self.qualifiers = qualifiers
        }
    }

    /// `codon: { gene, residue, classes }`.
    public struct Codon: Hashable, Sendable {
        public var gene: String
        public var residue: CodonPosition
        /// Allowed classes; empty means any protein-altering change.
        public var classes: [VariantClass]
        public var qualifiers: AlterationQualifiers
        public init(
            gene: String, residue: CodonPosition, classes: [VariantClass] = [],
            qualifiers: AlterationQualifiers = .default
        ) {
            self.gene = gene
            self.residue = residue
            self.classes = classes
            self.qualifiers = qualifiers
        }
    }

    /// `range: { gene, from, to, classes }`.
    public struct ResidueRange: Hashable, Sendable {
        public var gene: String
        public var from: Int
        public var to: Int
        /// Allowed classes; empty means any protein-altering change.
        public var classes: [VariantClass]
        public var qualifiers: AlterationQualifiers
        public init(
            gene: String, from: Int, to: Int, classes: [VariantClass] = [],
            qualifiers: AlterationQualifiers = .default
        ) {
            self.gene = gene
            self.from = from
            self.to = to
            self.classes = classes
            self.qualifiers = qualifiers
        }
    }

    /// `exon: { gene, exon, flanking_splice, classes }`.
    public struct Exon: Hashable, Sendable {
        public var gene: String
        public var exon: Int
        /// Whether the exon's flanking splice sites count as part of it.
        public var flankingSplice: Bool
        /// Allowed classes; empty means any protein-altering change.
        public var classes: [VariantClass]
        public var qualifiers: AlterationQualifiers
        public init(
            gene: String, exon: Int, flankingSplice: Bool = false, classes: [VariantClass] = [],
            qualifiers: AlterationQualifiers = .default
        ) {
            self.gene = gene
            self.exon = exon
            self.flankingSplice = flankingSplice
            self.classes = classes
            self.qualifiers = qualifiers
        }
    }

    /// `gene: { gene, class }`.
    public struct Gene: Hashable, Sendable {
        public var gene: String
        public var alterationClass: GeneAlterationClass
        public var qualifiers: AlterationQualifiers
        public init(
            gene: String, alterationClass: GeneAlterationClass, qualifiers: AlterationQualifiers = .default
        ) {
            self.gene = gene
            self.alterationClass = alterationClass
            self.qualifiers = qualifiers
        }
    }

    /// The biomarker kinds that are not tied to one gene's variants.
    public enum BiomarkerKind: String, Hashable, Sendable, CaseIterable, Comparable {
        case tmb, msi, mmr, hrd

        public static func < (lhs: BiomarkerKind, rhs: BiomarkerKind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The key of this criterion in rule files (`protein`, `copy_number`, `all`, …).
    public var key: String {
        switch self {
        case .allele: "allele"
        case .protein: "protein"
        case .codon: "codon"
        case .range: "range"
        case .exon: "exon"
        case .gene: "gene"
        case .copyNumber: "copy_number"
        case .fusion: "fusion"
        case .tmb: "tmb"
        case .msi: "msi"
        case .mmr: "mmr"
        case .hrd: "hrd"
        case .wildType: "wild_type"
        case .all: "all"
        case .any: "any"
        case .not: "not"
        }
    }

    /// Every gene named anywhere in the criterion, including under `not` and `wild_type`, and the
    /// mismatch-repair genes when an `mmr` criterion is used.
    public var allGenes: Set<String> {
        switch self {
        case .all(let parts), .any(let parts): parts.reduce(into: Set()) { $0.formUnion($1.allGenes) }
        case .not(let inner): inner.allGenes
        case .wildType(let genes): Set(genes)
        case .mmr: Set(MMRStatus.genes)
        default: positiveGenes
        }
    }

    /// Genes whose alterations must be present for the criterion to hold somewhere (outside `not`
    /// and `wild_type`): the keys under which a compiled set indexes the rule.
    public var positiveGenes: Set<String> {
        switch self {
        case .allele(let allele): [allele.gene]
        case .protein(let protein): [protein.gene]
        case .codon(let codon): [codon.gene]
        case .range(let range): [range.gene]
        case .exon(let exon): [exon.gene]
        case .gene(let gene): [gene.gene]
        case .copyNumber(let gene, _): [gene]
        case .fusion(let partners): Set(partners.genes)
        case .all(let parts), .any(let parts): parts.reduce(into: Set()) { $0.formUnion($1.positiveGenes) }
        case .tmb, .msi, .mmr, .hrd, .wildType, .not: []
        }
    }

    /// Biomarker kinds used outside `not`.
    public var positiveBiomarkerKinds: Set<BiomarkerKind> {
        switch self {
        case .tmb: [.tmb]
        case .msi: [.msi]
        case .mmr: [.mmr]
        case .hrd: [.hrd]
        case .all(let parts), .any(let parts):
            parts.reduce(into: Set()) { $0.formUnion($1.positiveBiomarkerKinds) }
        default: []
        }
    }

    /// Whether a `wild_type` criterion is used outside `not`.
    public var hasPositiveWildType: Bool {
        switch self {
        case .wildType: true
        case .all(let parts), .any(let parts): parts.contains { $0.hasPositiveWildType }
        default: false
        }
    }

    /// Whether the criterion can only hold when something is present (an alteration, a biomarker
    /// status, or a wild-type state): false for a bare `not`, for `all` made only of `not`s, and
    /// for `any` with a branch that needs nothing.
    public var requiresSomethingPresent: Bool {
        switch self {
        case .not: false
        case .all(let parts): parts.contains { $0.requiresSomethingPresent }
        case .any(let parts): !parts.isEmpty && parts.allSatisfy { $0.requiresSomethingPresent }
        default: true
        }
    }
}
