/// Everything a match report says, independent of its output format.
///
/// One model, three writers (JSON, TSV, HTML). The model holds plain values only — strings,
/// numbers, flags — already decided by the matcher, so the writers make no clinical decisions
/// and are deterministic: the same model always gives the same bytes.
public struct MatchReport: Sendable, Equatable {
    /// Version of the JSON schema (`docs/report-schema.json`) this model is written with.
    public static let schemaVersion = "1.2.0"

    /// The statement every report carries.
    public static let disclaimer =
        "Decision support for research and molecular tumour boards. Not a substitute for the "
        + "judgement of a treating clinician or a molecular pathologist; verify findings before "
        + "any clinical use."

    public var tool: ToolProvenance
    public var rules: RuleSetProvenance
    public var input: InputProvenance
    public var sample: SampleInfo
    public var tumourType: TumourTypeInfo
    /// Only present when the user asks for it (`--report-date`), so reports stay reproducible.
    public var reportDate: String?
    public var biomarkers: BiomarkerSummary
    /// Sensitivity and resistance matches together, in report order (tier, evidence, gene).
    public var matches: [TherapyMatch]
    public var nearMisses: [NearMiss]
    /// Truncating variants in hereditary cancer genes that are, or may be, germline.
    public var germlineFindings: [GermlineFindingSummary]
    public var warnings: [String]
    public var qc: QualityControl

    public init(
        tool: ToolProvenance, rules: RuleSetProvenance, input: InputProvenance, sample: SampleInfo,
        tumourType: TumourTypeInfo, reportDate: String? = nil, biomarkers: BiomarkerSummary,
        matches: [TherapyMatch], nearMisses: [NearMiss], germlineFindings: [GermlineFindingSummary] = [],
        warnings: [String], qc: QualityControl
    ) {
        self.germlineFindings = germlineFindings
        self.tool = tool
        self.rules = rules
        self.input = input
        self.sample = sample
        self.tumourType = tumourType
        self.reportDate = reportDate
        self.biomarkers = biomarkers
        self.matches = matches
        self.nearMisses = nearMisses
        self.warnings = warnings
        self.qc = qc
    }
}

/// The tool that wrote the report.
public struct ToolProvenance: Sendable, Equatable {
    public var name: String
    public var version: String
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

/// The rule set the matches come from.
public struct RuleSetProvenance: Sendable, Equatable {
    public var id: String
    public var version: String
    public var reviewed: String
    /// SHA-256 over the rule files, hex.
    public var sha256: String
    /// Number of rules loaded.
    public var ruleCount: Int
    public init(id: String, version: String, reviewed: String, sha256: String, ruleCount: Int) {
        self.id = id
        self.version = version
        self.reviewed = reviewed
        self.sha256 = sha256
        self.ruleCount = ruleCount
    }
}

/// The input file.
public struct InputProvenance: Sendable, Equatable {
    public var path: String
    /// SHA-256 of the file's bytes as stored (compressed or not), hex.
    public var sha256: String
    /// `vcf` or `maf`.
    public var format: String
    /// `GRCh37`, `GRCh38` or `unknown`.
    public var build: String
    /// Every sample the input holds.
    public var samples: [String]
    /// The copy-number segments read beside the variants (`--copy-number`), if any.
    public var copyNumber: FileProvenance?
    /// The fusion table read beside the variants (`--fusions`), if any.
    public var fusions: FileProvenance?
    /// The BED of the callable territory TMB was divided by (`--target`), if any.
    public var target: FileProvenance?
    public init(
        path: String, sha256: String, format: String, build: String, samples: [String],
        copyNumber: FileProvenance? = nil, fusions: FileProvenance? = nil, target: FileProvenance? = nil
    ) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.build = build
        self.samples = samples
        self.copyNumber = copyNumber
        self.fusions = fusions
        self.target = target
    }
}

/// A file a report was made from besides the variants: its path as given and the SHA-256 of
/// its bytes.
public struct FileProvenance: Sendable, Equatable {
    public var path: String
    public var sha256: String
    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// The tumour sample matched, and its matched normal if any.
public struct SampleInfo: Sendable, Equatable {
    public var name: String
    public var normal: String?
    public init(name: String, normal: String?) {
        self.name = name
        self.normal = normal
    }
}

/// The tumour type the sample was matched as.
public struct TumourTypeInfo: Sendable, Equatable {
    /// OncoTree code.
    public var code: String
    public var name: String
    public var mainType: String?
    public init(code: String, name: String, mainType: String?) {
        self.code = code
        self.name = name
        self.mainType = mainType
    }
}

/// Immunotherapy biomarkers.
public struct BiomarkerSummary: Sendable, Equatable {
    public var tmb: TMBSummary?
    /// `high`, `stable` or `unknown`, and where it came from (`command line`, `sample sheet`).
    public var msi: String
    public var msiSource: String?
    /// `positive`, `negative` or `unknown`.
    public var hrd: String
    public var hrdSource: String?
    /// Alterations in MLH1, MSH2, MSH6, PMS2, EPCAM (supporting evidence for dMMR).
    public var mismatchRepairAlterations: [AlterationSummary]
    /// POLE/POLD1 exonuclease-domain alterations.
    public var polymeraseProofreadingAlterations: [AlterationSummary]
    public init(
        tmb: TMBSummary?, msi: String, msiSource: String?, hrd: String, hrdSource: String?,
        mismatchRepairAlterations: [AlterationSummary], polymeraseProofreadingAlterations: [AlterationSummary]
    ) {
        self.tmb = tmb
        self.msi = msi
        self.msiSource = msiSource
        self.hrd = hrd
        self.hrdSource = hrdSource
        self.mismatchRepairAlterations = mismatchRepairAlterations
        self.polymeraseProofreadingAlterations = polymeraseProofreadingAlterations
    }
}

/// Tumour mutational burden with its formula.
public struct TMBSummary: Sendable, Equatable {
    /// Mutations per megabase.
    public var value: Double
    /// Which variants were counted (e.g. `coding-nonsynonymous`).
    public var numerator: String
    public var count: Int
    public var callableMegabases: Double
    /// Where the denominator came from (`BED file x`, `--tmb-target-mb`, `default exome size`).
    public var callableSource: String
    /// Human-readable formula, e.g. `212 coding non-synonymous variants / 30.0 Mb = 7.07 mut/Mb`.
    public var formula: String
    public var cautions: [String]
    /// The other common numerators, for comparison.
    public var alternatives: [TMBAlternative]
    public init(
        value: Double, numerator: String, count: Int, callableMegabases: Double, callableSource: String,
        formula: String, cautions: [String], alternatives: [TMBAlternative]
    ) {
        self.value = value
        self.numerator = numerator
        self.count = count
        self.callableMegabases = callableMegabases
        self.callableSource = callableSource
        self.formula = formula
        self.cautions = cautions
        self.alternatives = alternatives
    }
}

/// TMB under another numerator.
public struct TMBAlternative: Sendable, Equatable {
    public var numerator: String
    public var count: Int
    public var value: Double
    public init(numerator: String, count: Int, value: Double) {
        self.numerator = numerator
        self.count = count
        self.value = value
    }
}

/// One therapy (option) reached by one or more rules.
public struct TherapyMatch: Sendable, Equatable {
    /// The rule that gives this match its tier (the best supporting rule).
    public var ruleId: String
    public var ruleTitle: String
    /// Every rule that reached the same therapies with the same effect (duplicates merged).
    public var supportingRuleIds: [String]
    /// For a sensitivity match, the reported resistance or reduced-sensitivity matches' rules that
    /// name one of its therapies (conflicting evidence in this tumour; the explanation says it).
    public var conflictingRuleIds: [String]
    public var genes: [String]
    public var alterations: [AlterationSummary]
    /// What the alteration-free criteria found: `TMB 11.13 mut/Mb`, `MSI-high status`, `KRAS and
    /// NRAS wild type`.
    public var biomarkerFindings: [String]
    /// The therapy options; a combination is written `a + b`.
    public var therapies: [String]
    /// `immunotherapy`, `dna-repair-inhibitor`, `epigenetic-modulator`, `targeted`, `hormonal`,
    /// `chemotherapy` or `other`.
    public var category: String
    /// `sensitivity`, `resistance` or `reduced-sensitivity`.
    public var effect: String
    /// AMP/ASCO/CAP tier for this tumour: `I-A`, `I-B`, `II-C`, `II-D`.
    public var ampTier: String
    /// The rule's own AMP level of evidence (`A`–`D`) for its stated tumour types.
    public var ampLevel: String
    /// ESCAT tier for this tumour (`I-A` … `X`), when the rule states one.
    public var escat: String?
    /// Whether the sample's tumour type is one of the rule's (or a descendant).
    public var onLabel: Bool
    /// The tumour types the rule names (OncoTree codes or a bucket).
    public var ruleTumourTypes: [String]
    /// `exact-allele`, `protein-change`, `codon`, `residue-range`, `exon-class`, `gene-class`,
    /// `copy-number`, `fusion`, `biomarker`, `wild-type`.
    public var matchLevel: String
    /// Whether every alteration matched on its principal transcript.
    public var principalTranscript: Bool
    public var evidence: EvidenceSummary
    /// Why it matched, in one or two sentences.
    public var explanation: String
    public init(
        ruleId: String, ruleTitle: String, supportingRuleIds: [String], genes: [String],
        alterations: [AlterationSummary], therapies: [String], category: String, effect: String,
        ampTier: String, ampLevel: String, escat: String?, onLabel: Bool, ruleTumourTypes: [String],
        matchLevel: String, principalTranscript: Bool, evidence: EvidenceSummary, explanation: String,
        biomarkerFindings: [String] = [], conflictingRuleIds: [String] = []
    ) {
        self.ruleId = ruleId
        self.conflictingRuleIds = conflictingRuleIds
        self.biomarkerFindings = biomarkerFindings
        self.ruleTitle = ruleTitle
        self.supportingRuleIds = supportingRuleIds
        self.genes = genes
        self.alterations = alterations
        self.therapies = therapies
        self.category = category
        self.effect = effect
        self.ampTier = ampTier
        self.ampLevel = ampLevel
        self.escat = escat
        self.onLabel = onLabel
        self.ruleTumourTypes = ruleTumourTypes
        self.matchLevel = matchLevel
        self.principalTranscript = principalTranscript
        self.evidence = evidence
        self.explanation = explanation
    }
}

/// The evidence behind a rule, as shown to a reader.
public struct EvidenceSummary: Sendable, Equatable {
    /// `regulatory`, `guideline`, `phase-3`, `phase-1-2`, `case-report`, `preclinical`, `inferential`.
    public var source: String
    /// Citations, e.g. `FDA label: dabrafenib + trametinib (2018)`, `Trial COMBI-d (NCT01584648)`.
    public var references: [String]
    public var statement: String
    /// A curator marked the item as not fully verified.
    public var uncertain: Bool
    public init(source: String, references: [String], statement: String, uncertain: Bool) {
        self.source = source
        self.references = references
        self.statement = statement
        self.uncertain = uncertain
    }
}

/// One alteration as shown in a report.
public struct AlterationSummary: Sendable, Equatable {
    /// The gene: for a matched alteration, the one the rule named (`RET` for a CCDC6::RET fusion
    /// matching a RET fusion rule).
    public var gene: String
    /// One-letter HGVSp without `p.` (e.g. `V600E`), when annotated.
    public var proteinChange: String?
    public var hgvsc: String?
    /// SO consequence terms joined with `&`.
    public var consequence: String?
    /// The variant class (`missense`, `truncating`, …), `unannotated` for a small variant without
    /// an annotation, or an event kind (`amplification`, `fusion`).
    public var variantClass: String
    /// For a fusion, its partners 5′ to 3′ in HGNC notation (`CCDC6::RET`).
    public var fusion: String?
    public var chromosome: String?
    public var position: Int?
    public var reference: String?
    public var alternate: String?
    public var filter: String?
    public var vaf: Double?
    public var depth: Int?
    /// Reads supporting the alteration: ALT reads of a variant, split reads of a fusion.
    public var altDepth: Int?
    /// What depth, VAF or the event were read from: `FORMAT/AD,DP,AF`, `split reads`,
    /// `copy-number segments: 8 copies`, `FORMAT/CN = 9 copies`.
    public var support: String?
    /// `somatic`, `germline` or `unknown`.
    public var origin: String
    /// `heterozygous`, `homozygous`, `hemizygous` or `unknown`.
    public var zygosity: String
    public var transcript: String?
    /// Whether the annotation used is the principal transcript (MANE Select → canonical → first).
    public var principalTranscript: Bool
    public init(
        gene: String, proteinChange: String?, hgvsc: String?, consequence: String?, variantClass: String,
        chromosome: String?, position: Int?, reference: String?, alternate: String?, filter: String?,
        vaf: Double?, depth: Int?, origin: String, zygosity: String, transcript: String?,
        principalTranscript: Bool, fusion: String? = nil, altDepth: Int? = nil, support: String? = nil
    ) {
        self.support = support
        self.gene = gene
        self.fusion = fusion
        self.altDepth = altDepth
        self.proteinChange = proteinChange
        self.hgvsc = hgvsc
        self.consequence = consequence
        self.variantClass = variantClass
        self.chromosome = chromosome
        self.position = position
        self.reference = reference
        self.alternate = alternate
        self.filter = filter
        self.vaf = vaf
        self.depth = depth
        self.origin = origin
        self.zygosity = zygosity
        self.transcript = transcript
        self.principalTranscript = principalTranscript
    }

    /// What the alteration is, with `detail` (protein change, class…) for anything but a fusion:
    /// `CCDC6::RET fusion`, else `gene detail`.
    public func label(detail: String) -> String {
        if let fusion { return "\(fusion) fusion" }
        return "\(gene) \(detail)"
    }

    /// The most specific description of a variant: `p.V600E`, else its HGVSc, else its allele
    /// (``genomicText``); `nil` for an event without alleles (copy number, fusion).
    public var specificChange: String? {
        proteinChange.map { "p.\($0)" } ?? hgvsc ?? genomicText
    }

    /// `7:140753336:A>T` for a variant with its alleles (not a symbolic one), else `nil`.
    public var genomicText: String? {
        guard let chromosome, let position, let reference, let alternate, !alternate.hasPrefix("<") else {
            return nil
        }
        return "\(chromosome):\(position):\(reference)>\(alternate)"
    }
}

/// An alteration in a gene the rules care about that did not produce a match, and why.
public struct NearMiss: Sendable, Equatable {
    public var gene: String
    /// Short label, e.g. `BRCA2 p.N372H` or `BRAF V600E (FILTER=LowQual)`.
    public var alteration: String
    public var reason: String
    /// The rules that were considered.
    public var ruleIds: [String]
    public init(gene: String, alteration: String, reason: String, ruleIds: [String]) {
        self.gene = gene
        self.alteration = alteration
        self.reason = reason
        self.ruleIds = ruleIds
    }
}

/// A truncating variant in a hereditary cancer gene that is germline (seen in the matched normal)
/// or may be (its origin could not be told), and what to do about it.
public struct GermlineFindingSummary: Sendable, Equatable {
    public var gene: String
    public var alteration: AlterationSummary
    /// E.g. `Present in the matched normal: a germline variant in BRCA1, … offer genetic counselling …`.
    public var statement: String
    public init(gene: String, alteration: AlterationSummary, statement: String) {
        self.gene = gene
        self.alteration = alteration
        self.statement = statement
    }

    /// `BRCA1 p.E23Vfs*17 (germline)`, `BRCA2 c.100del (origin unknown)`: the finding in one
    /// line, as the page header, the text summary and the cohort tables name it.
    public var headline: String { Self.headline(alteration) }

    static func headline(_ alteration: AlterationSummary) -> String {
        let label = alteration.label(detail: alteration.specificChange ?? alteration.variantClass)
        return "\(label) (\(alteration.origin == "germline" ? "germline" : "origin unknown"))"
    }
}

/// What was read and what was not.
public struct QualityControl: Sendable, Equatable {
    public var recordsRead: Int
    /// Malformed records skipped in lenient mode, with the first few reasons.
    public var recordsSkipped: Int
    public var skippedExamples: [String]
    /// Records whose FILTER is neither PASS nor `.`.
    public var recordsFiltered: Int
    /// `VEP CSQ`, `SnpEff ANN`, `MAF` or `none`.
    public var annotationSource: String
    public var alterationsIndexed: Int
    public init(
        recordsRead: Int, recordsSkipped: Int, skippedExamples: [String], recordsFiltered: Int,
        annotationSource: String, alterationsIndexed: Int
    ) {
        self.recordsRead = recordsRead
        self.recordsSkipped = recordsSkipped
        self.skippedExamples = skippedExamples
        self.recordsFiltered = recordsFiltered
        self.annotationSource = annotationSource
        self.alterationsIndexed = alterationsIndexed
    }
}
