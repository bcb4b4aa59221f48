import GenomicFormats
import OncoDomain
import OncoMatch
import OncoRules

/// Hand-built alterations and profiles, matched against the shipped knowledge base.
enum MatchFixtures {
    static let ruleSet: CompiledRuleSet = CompiledRuleSet(try! RuleSet.bundled())
    static let oncoTree: OncoTree = try! OncoTree.bundled()
    static let matcher = Matcher(ruleSet: ruleSet, oncoTree: oncoTree)

    /// A small variant annotated on one MANE Select transcript (unless `annotated` is false).
    static func variant(
        _ gene: String, _ change: String, class variantClass: VariantClass, consequence: String,
        allele: String, exon: Int? = nil, transcript: String = "ENST00000000001", vaf: Double = 0.4,
        origin: Origin = .somatic, zygosity: Zygosity = .heterozygous, filter: String = "PASS",
        annotated: Bool = true
    ) -> Alteration {
        let parts = allele.split(separator: ":").map(String.init)
        let genomic = GenomicAllele.normalised(
            chromosome: parts[0], position: Int(parts[1])!, reference: parts[2], alternate: parts[3])
        let annotation = TranscriptAnnotation(
            gene: gene, transcript: transcript, biotype: "protein_coding", consequences: [consequence],
            variantClass: variantClass, hgvsp: "p.\(change)", proteinChange: ProteinChange.parse(change),
            exon: exon.map { .init(number: $0, total: 30) }, isCanonical: true, maneSelect: "NM_000000.1")
        return Alteration(
            sampleIndex: 0, gene: gene, kind: .smallVariant, allele: genomic,
            transcripts: annotated ? [annotation] : [], principalTranscriptIndex: annotated ? 0 : nil,
            filter: filter, depth: 200, altDepth: Int(200 * vaf), vaf: vaf, zygosity: zygosity,
            origin: origin,
            annotationSource: annotated ? .vep : .none)
    }

    static func brafV600E(annotated: Bool = true, filter: String = "PASS") -> Alteration {
        variant(
            "BRAF", "V600E", class: .missense, consequence: "missense_variant", allele: "chr7:140753336:A:T",
            exon: 15, transcript: "ENST00000646891", vaf: 0.44, filter: filter, annotated: annotated)
    }

    static func profile(
        _ alterations: [Alteration], tumourType: String, build: GenomeBuild = .grch38,
        annotation: AnnotationSource = .vep, normal: String? = "NORMAL", tmb: Double? = nil,
        msi: MSIStatus = .unknown, hrd: HRDStatus = .unknown, includeFiltered: Bool = false
    ) -> TumourProfile {
        var index = VariantIndex(samples: ["TUMOUR", "NORMAL"], genesOfInterest: ruleSet.mentionedGenes)
        for alteration in alterations { index.add(alteration) }
        let burden = tmb.map {
            try! TumourMutationalBurden(
                numerator: .codingNonsynonymous, count: Int(($0 * 30).rounded()),
                territory: CallableTerritory(megabases: 30), isTumourOnly: normal == nil)
        }
        let alternatives = tmb.map {
            [
                try! TumourMutationalBurden(
                    numerator: .missenseOnly, count: Int(($0 * 20).rounded()),
                    territory: CallableTerritory(megabases: 30), isTumourOnly: normal == nil)
            ]
        }
        return TumourProfile(
            index: index, sampleIndex: 0, normalName: normal, tumourType: tumourType, build: build,
            annotationSource: annotation, tumourMutationalBurden: burden,
            alternativeBurdens: alternatives ?? [],
            msi: msi, hrd: hrd, includeFilteredAlterations: includeFiltered)
    }
}

extension MatchResult {
    /// The match whose supporting rules include `ruleID`.
    func match(supportedBy ruleID: String) -> MatchedTherapy? {
        matches.first { $0.supportingRuleIDs.contains(ruleID) }
    }

    var allSupportingRuleIDs: Set<String> { Set(matches.flatMap(\.supportingRuleIDs)) }
}
