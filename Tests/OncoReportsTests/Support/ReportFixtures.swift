import OncoReports

/// Report models for the writer tests. Sample, rule and file names are synthetic (`FIXTURE-…`,
/// `fixture-…`); the evidence statements and references are true to the cited labels and
/// trials, without invented PMIDs or dates.
enum ReportFixtures {
    static let brafV600E = AlterationSummary(
        gene: "BRAF", proteinChange: "V600E", hgvsc: "ENST00000646891.2:c.1799T>A",
        consequence: "missense_variant", variantClass: "missense", chromosome: "chr7", position: 140_753_336,
        reference: "A", alternate: "T", filter: "PASS", vaf: 0.41235, depth: 187, origin: "somatic",
        zygosity: "heterozygous", transcript: "ENST00000646891.2", principalTranscript: true)

    static let pik3caH1047R = AlterationSummary(
        gene: "PIK3CA", proteinChange: "H1047R", hgvsc: "ENST00000263967.4:c.3140A>G",
        consequence: "missense_variant", variantClass: "missense", chromosome: "chr3", position: 179_234_297,
        reference: "A", alternate: "G", filter: "PASS", vaf: 0.18, depth: 240, origin: "somatic",
        zygosity: "heterozygous", transcript: "ENST00000263967.4", principalTranscript: true)

    static let nrasQ61K = AlterationSummary(
        gene: "NRAS", proteinChange: "Q61K", hgvsc: "ENST00000369535.5:c.181C>A",
        consequence: "missense_variant", variantClass: "missense", chromosome: "chr1", position: 114_713_909,
        reference: "G", alternate: "T", filter: "PASS", vaf: 0.0725, depth: 312, origin: "somatic",
        zygosity: "heterozygous", transcript: "ENST00000369535.5", principalTranscript: true)

    static let onLabelBRAF = TherapyMatch(
        ruleId: "fixture-braf-v600e-melanoma", ruleTitle: "BRAF V600E in melanoma: BRAF and MEK inhibition",
        supportingRuleIds: ["fixture-braf-v600e-melanoma"], genes: ["BRAF"], alterations: [brafV600E],
        therapies: ["dabrafenib + trametinib"], category: "targeted", effect: "sensitivity", ampTier: "I-A",
        ampLevel: "A", escat: "I-A", onLabel: true, ruleTumourTypes: ["MEL"], matchLevel: "exact-allele",
        principalTranscript: true,
        evidence: EvidenceSummary(
            source: "regulatory",
            references: ["FDA label: dabrafenib + trametinib", "Trial COMBI-d (NCT01584648)"],
            statement:
                "Dabrafenib with trametinib is approved for unresectable or metastatic melanoma with a BRAF V600E "
                + "or V600K mutation.",
            uncertain: false),
        explanation: "BRAF p.V600E (VAF 41.24%) is the exact allele the rule names, in melanoma (MEL).")

    static let offLabelPIK3CA = TherapyMatch(
        ruleId: "fixture-pik3ca-alpelisib-breast",
        ruleTitle: "PIK3CA activating mutation: alpelisib with fulvestrant",
        supportingRuleIds: ["fixture-pik3ca-alpelisib-breast"], genes: ["PIK3CA"],
        alterations: [pik3caH1047R],
        therapies: ["alpelisib + fulvestrant"], category: "targeted", effect: "sensitivity", ampTier: "II-C",
        ampLevel: "A", escat: nil, onLabel: false, ruleTumourTypes: ["BRCA"], matchLevel: "protein-change",
        principalTranscript: true,
        evidence: EvidenceSummary(
            source: "regulatory",
            references: ["FDA label: alpelisib", "Trial SOLAR-1 (NCT02437318)"],
            statement:
                "Alpelisib with fulvestrant is approved for HR-positive, HER2-negative advanced breast cancer "
                + "with a PIK3CA mutation; the evidence is in breast cancer, not melanoma.",
            uncertain: false),
        explanation:
            "PIK3CA p.H1047R is one of the protein changes the rule names; the rule's evidence is in "
            + "breast cancer (BRCA), so for melanoma it is off-label (tier II-C).")

    static let resistanceNRAS = TherapyMatch(
        ruleId: "fixture-nras-q61-braf-inhibitor-resistance",
        ruleTitle: "NRAS Q61 mutation: resistance to BRAF inhibitor monotherapy",
        supportingRuleIds: ["fixture-nras-q61-braf-inhibitor-resistance"], genes: ["NRAS"],
        alterations: [nrasQ61K], therapies: ["vemurafenib"], category: "targeted", effect: "resistance",
        ampTier: "II-D", ampLevel: "D", escat: nil, onLabel: true, ruleTumourTypes: ["MEL"],
        matchLevel: "codon",
        principalTranscript: true,
        evidence: EvidenceSummary(
            source: "preclinical",
            references: [
                "Nazarian R et al., Nature 2010: melanomas acquire resistance to B-RAF(V600E) inhibition by RTK "
                    + "or N-RAS upregulation"
            ],
            statement:
                "NRAS Q61K was found in a melanoma that progressed on vemurafenib and restored MAPK signalling in "
                + "BRAF V600E melanoma cells treated with a BRAF inhibitor.",
            uncertain: false),
        explanation: "NRAS p.Q61K is at codon 61, which the rule names; it may lower the benefit of a BRAF "
            + "inhibitor given alone.")

    static let tmbHigh = TherapyMatch(
        ruleId: "fixture-tmb-high-pembrolizumab",
        ruleTitle: "TMB ≥ 10 mut/Mb: pembrolizumab (tumour-agnostic)",
        supportingRuleIds: ["fixture-tmb-high-pembrolizumab"], genes: [], alterations: [],
        therapies: ["pembrolizumab"], category: "immunotherapy", effect: "sensitivity", ampTier: "I-A",
        ampLevel: "A", escat: nil, onLabel: true, ruleTumourTypes: ["solid tumours"], matchLevel: "biomarker",
        principalTranscript: true,
        evidence: EvidenceSummary(
            source: "regulatory",
            references: [
                "FDA label: pembrolizumab (TMB-high solid tumours)", "Trial KEYNOTE-158 (NCT02628067)",
            ],
            statement:
                "Pembrolizumab is approved for unresectable or metastatic TMB-high (≥ 10 mut/Mb) solid tumours "
                + "that progressed after prior treatment and have no satisfactory alternative; the approval "
                + "relied on an FDA-approved tissue assay.",
            uncertain: false),
        explanation: "TMB is 14.20 mut/Mb, at or above the rule's threshold of 10 mut/Mb.")

    static let tmb = TMBSummary(
        value: 14.2, numerator: "coding-nonsynonymous", count: 426, callableMegabases: 30.0,
        callableSource: "default exome size",
        formula: "426 coding non-synonymous variants / 30.0 Mb = 14.20 mut/Mb",
        cautions: [
            "Computed from a VCF over an assumed exome size; not equivalent to an FDA-approved TMB assay."
        ],
        alternatives: [
            TMBAlternative(numerator: "all-coding", count: 571, value: 19.033333333333335),
            TMBAlternative(numerator: "snv-only", count: 389, value: 12.966666666666667),
        ])

    /// The model behind the golden files in `Fixtures/reports/`.
    static let melanoma = MatchReport(
        tool: ToolProvenance(name: "oncomatch", version: "0.1.0"),
        rules: RuleSetProvenance(
            id: "oncomatch-kb", version: "2025.11.0", reviewed: "2025-11-20",
            sha256: "3f1c9a0d5e7b2468ace13579bdf02468ace13579bdf02468ace13579bdf02468", ruleCount: 42),
        input: InputProvenance(
            path: "Fixtures/examples/fixture-melanoma.vcf.gz",
            sha256: "9b2e4d6f8a0c1e3b5d7f9a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d1f3a5c7e9b", format: "vcf",
            build: "GRCh38", samples: ["FIXTURE-TUMOUR-01", "FIXTURE-NORMAL-01"]),
        sample: SampleInfo(name: "FIXTURE-TUMOUR-01", normal: "FIXTURE-NORMAL-01"),
        tumourType: TumourTypeInfo(code: "MEL", name: "Melanoma", mainType: "Melanoma"),
        reportDate: "2025-11-30",
        biomarkers: BiomarkerSummary(
            tmb: tmb, msi: "stable", msiSource: "command line", hrd: "unknown", hrdSource: nil,
            mismatchRepairAlterations: [], polymeraseProofreadingAlterations: []),
        matches: [onLabelBRAF, tmbHigh, offLabelPIK3CA, resistanceNRAS],
        nearMisses: [
            NearMiss(
                gene: "BRCA2", alteration: "BRCA2 p.N372H",
                reason:
                    "Missense variant; the PARP-inhibitor rules need a truncating or known pathogenic BRCA2 "
                    + "alteration.",
                ruleIds: ["fixture-brca2-parp-inhibitor"]),
            NearMiss(
                gene: "KIT", alteration: "KIT p.K642E (FILTER=LowQual)",
                reason: "FILTER is LowQual; filtered records are not matched.",
                ruleIds: ["fixture-kit-imatinib-melanoma"]),
        ],
        warnings: [
            "2 malformed records were skipped in lenient mode (see QC).",
            "TMB uses the default exome size; give --tmb-target-mb or a BED file for a panel.",
        ],
        qc: QualityControl(
            recordsRead: 1204, recordsSkipped: 2,
            skippedExamples: [
                "fixture-melanoma.vcf.gz:118: POS: expected a positive integer, found 'abc'",
                "fixture-melanoma.vcf.gz:377: INFO: expected key=value, found '=5'",
            ],
            recordsFiltered: 37, annotationSource: "VEP CSQ", alterationsIndexed: 58))

    /// A report with no date, no TMB, no matches and no warnings.
    static let empty: MatchReport = {
        var report = melanoma
        report.reportDate = nil
        report.sample = SampleInfo(name: "FIXTURE-TUMOUR-02", normal: nil)
        report.tumourType = TumourTypeInfo(code: "SOLID", name: "Solid tumour", mainType: nil)
        report.biomarkers = BiomarkerSummary(
            tmb: nil, msi: "unknown", msiSource: nil, hrd: "unknown", hrdSource: nil,
            mismatchRepairAlterations: [],
            polymeraseProofreadingAlterations: [])
        report.matches = []
        report.nearMisses = []
        report.warnings = []
        report.qc.recordsSkipped = 0
        report.qc.skippedExamples = []
        return report
    }()

    /// Strings an attacker could place in a VCF header, INFO field or rule file.
    enum Hostile {
        static let script = "<script>alert(1)</script>"
        static let attribute = "x\" onload=\"alert(1)"
        static let quoteOnload = "\"onload="
        static let styleEnd = "</style><b>bold</b>"
        static let javascriptURL = "javascript:alert(1)"
        static let link = "<a href=\"javascript:alert(1)\">click</a>"
        static let image = "<img src=x onerror=alert(1)>"
        static let control = "tab\there\nnew line\r\u{0}nul\u{7}bell;semi\\back"
    }

    /// The melanoma report with hostile strings in every kind of field.
    static let hostile: MatchReport = {
        var report = melanoma
        report.sample = SampleInfo(name: Hostile.script, normal: Hostile.attribute)
        report.tumourType = TumourTypeInfo(
            code: "MEL", name: Hostile.styleEnd, mainType: Hostile.quoteOnload + "x")
        report.input.path = "/data/\(Hostile.image).vcf"
        report.input.samples = [Hostile.script, Hostile.attribute]
        report.reportDate = "'2025' & \"now\""
        report.matches[0].evidence.statement = "See \(Hostile.javascriptURL) and \(Hostile.link)"
        report.matches[0].evidence.references.append(Hostile.javascriptURL)
        report.matches[0].explanation = Hostile.control
        report.matches[0].therapies = ["drug; with semicolon", Hostile.script]
        report.matches[0].ruleTitle = Hostile.styleEnd
        report.matches[0].alterations[0].hgvsc = Hostile.image
        report.matches[0].alterations[0].consequence = "missense_variant&\(Hostile.quoteOnload)"
        report.biomarkers.mismatchRepairAlterations = [
            AlterationSummary(
                gene: Hostile.image, proteinChange: nil, hgvsc: nil, consequence: nil,
                variantClass: "truncating",
                chromosome: nil, position: nil, reference: nil, alternate: nil, filter: Hostile.script,
                vaf: nil,
                depth: nil, origin: "germline", zygosity: "unknown", transcript: nil,
                principalTranscript: false)
        ]
        report.biomarkers.msiSource = Hostile.javascriptURL
        report.nearMisses[0].reason = Hostile.link
        report.warnings.append(Hostile.script + " ü ≥ 日本")
        report.qc.skippedExamples.append(Hostile.control)
        return report
    }()
}
