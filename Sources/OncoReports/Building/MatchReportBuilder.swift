import OncoDomain
import OncoMatch
import OncoRules

/// Turns a ``MatchResult`` and the provenance of a run into the format-independent
/// ``MatchReport`` the writers render.
///
/// The caller passes plain values it knows (input path and checksum, QC counts, where MSI and HRD
/// came from, an optional report date); the profile supplies the build, samples and biomarkers;
/// the OncoTree supplies the tumour type's name.
public struct MatchReportBuilder: Sendable {
    public var tool: ToolProvenance
    public var rules: RuleSetProvenance
    /// Input path, SHA-256 and format (`vcf` or `maf`); build and samples come from the profile.
    public var inputPath: String
    public var inputSHA256: String
    public var inputFormat: String
    public var qc: QualityControl
    /// Only set when asked for, so reports stay reproducible.
    public var reportDate: String?
    /// Where the MSI status came from (`command line`, `sample sheet`), when it is known.
    public var msiSource: String?
    /// Where the HRD status came from, when it is known.
    public var hrdSource: String?

    public init(
        ruleSet: RuleSet, inputPath: String, inputSHA256: String, inputFormat: String, qc: QualityControl,
        reportDate: String? = nil, msiSource: String? = nil, hrdSource: String? = nil,
        tool: ToolProvenance = ToolProvenance(name: ToolInfo.name, version: ToolInfo.version)
    ) {
        self.tool = tool
        self.rules = RuleSetProvenance(
            id: ruleSet.metadata.id, version: ruleSet.metadata.version, reviewed: ruleSet.metadata.reviewed,
            sha256: ruleSet.checksum, ruleCount: ruleSet.rules.count)
        self.inputPath = inputPath
        self.inputSHA256 = inputSHA256
        self.inputFormat = inputFormat
        self.qc = qc
        self.reportDate = reportDate
        self.msiSource = msiSource
        self.hrdSource = hrdSource
    }

    /// The report of `result`, matched on `profile`.
    public func build(_ result: MatchResult, profile: TumourProfile, oncoTree: OncoTree) -> MatchReport {
        build(result, profile: profile, oncoTree: oncoTree, biomarkers: biomarkers(profile))
    }

    /// ``build(_:profile:oncoTree:)`` with the profile's ``biomarkers(_:)`` already summarised
    /// (a match job writes them while the matcher runs).
    func build(
        _ result: MatchResult, profile: TumourProfile, oncoTree: OncoTree, biomarkers: BiomarkerSummary
    ) -> MatchReport {
        let node = oncoTree.node(profile.tumourType)
        return MatchReport(
            tool: tool, rules: rules,
            input: InputProvenance(
                path: inputPath, sha256: inputSHA256, format: inputFormat, build: profile.build.rawValue,
                samples: profile.index.samples),
            sample: SampleInfo(name: profile.sampleName, normal: profile.normalName),
            tumourType: TumourTypeInfo(
                code: node?.code ?? profile.tumourType, name: node?.name ?? profile.tumourType,
                mainType: node?.mainType),
            reportDate: reportDate, biomarkers: biomarkers,
            matches: result.matches.map(Self.therapyMatch),
            nearMisses: result.nearMisses.map {
                NearMiss(gene: $0.gene, alteration: $0.label, reason: $0.reason, ruleIds: $0.ruleIDs)
            },
            germlineFindings: result.germlineFindings.map {
                GermlineFindingSummary(
                    gene: $0.gene,
                    alteration: Self.alterationSummary(
                        $0.alteration, transcriptIndex: $0.transcriptIndex, gene: $0.gene),
                    statement: $0.statement)
            },
            warnings: result.warnings, qc: qc)
    }

    // MARK: - Matches

    static func therapyMatch(_ match: MatchedTherapy) -> TherapyMatch {
        let rule = match.rule
        var tumourTypes = rule.tumourTypes.include
        if let bucket = rule.tumourTypes.bucket { tumourTypes.insert(bucket.rawValue, at: 0) }
        tumourTypes += rule.tumourTypes.exclude.map { "excluding \($0)" }
        return TherapyMatch(
            ruleId: rule.id, ruleTitle: rule.title, supportingRuleIds: match.supportingRuleIDs,
            genes: match.genes,
            alterations: match.alterations.map {
                alterationSummary($0.alteration, transcriptIndex: $0.transcriptIndex, gene: $0.gene)
            },
            therapies: match.therapies.map(\.description), category: match.category.rawValue,
            effect: match.effect.rawValue, ampTier: match.tier.rawValue, ampLevel: match.ampLevel.rawValue,
            escat: match.escat?.rawValue, onLabel: match.isOnLabel, ruleTumourTypes: tumourTypes,
            matchLevel: match.level.rawValue, principalTranscript: match.isPrincipalTranscript,
            evidence: EvidenceSummary(
                source: rule.evidence.source.rawValue, references: rule.evidence.references.map(\.citation),
                statement: rule.evidence.statement, uncertain: rule.evidence.uncertain),
            explanation: match.explanation, biomarkerFindings: match.biomarkerFindings,
            conflictingRuleIds: match.conflictingRuleIDs)
    }

    /// One alteration as shown in reports, on the transcript it matched (the principal one by
    /// default), under the gene it matched through when known.
    static func alterationSummary(_ alteration: Alteration, transcriptIndex: Int? = nil, gene: String? = nil)
        -> AlterationSummary
    {
        let index = transcriptIndex ?? alteration.principalTranscriptIndex
        let transcript = index.map { alteration.transcripts[$0] }
        let variantClass: String
        var fusion: String?
        switch alteration.kind {
        // Without an annotation a small variant's effect is not known: not `non-coding`.
        case .smallVariant: variantClass = transcript?.variantClass.rawValue ?? "unannotated"
        case .copyNumber(let state): variantClass = state.rawValue
        case .fusion:
            variantClass = "fusion"
            fusion = alteration.fusionName
        case .structural: variantClass = "structural"
        }
        return AlterationSummary(
            gene: gene ?? transcript?.gene ?? alteration.gene,
            proteinChange: transcript?.proteinChange?.description,
            hgvsc: transcript?.hgvsc,
            consequence: transcript.flatMap {
                $0.consequences.isEmpty ? nil : $0.consequences.joined(separator: "&")
            },
            variantClass: variantClass, chromosome: alteration.allele?.chromosome,
            position: alteration.allele.map { max(1, $0.position) }, reference: alteration.allele?.reference,
            alternate: alteration.allele?.alternate, filter: alteration.filter,
            vaf: alteration.vaf.map { min(1, max(0, $0)) }, depth: alteration.depth.map { max(0, $0) },
            origin: alteration.origin.rawValue, zygosity: alteration.zygosity.rawValue,
            transcript: transcript?.transcript,
            principalTranscript: index == nil || index == alteration.principalTranscriptIndex, fusion: fusion,
            altDepth: alteration.altDepth.map { max(0, $0) }, support: alteration.depthSource)
    }

    // MARK: - Biomarkers

    /// POLE exonuclease domain (residues 268–471) and POLD1 exonuclease domain (304–533).
    static let proofreadingDomains: [String: ClosedRange<Int>] = ["POLE": 268...471, "POLD1": 304...533]

    func biomarkers(_ profile: TumourProfile) -> BiomarkerSummary {
        let msi: String
        switch profile.msi {
        case .high: msi = "high"
        case .stable: msi = "stable"
        case .unknown: msi = "unknown"
        }
        // Tested in place, by index: only the few alterations kept are copied (iterating the
        // array, even lazily filtered, copied every alteration, retaining each of its fields).
        let alterations = profile.alterations
        var mismatchRepair: [Alteration] = []
        var proofreading: [Alteration] = []
        // The previous alteration's gene and what it is: alterations come sorted by position,
        // so most share it, and the gene lists are not searched again.
        var previousGene: String?
        var isMismatchRepairGene = false
        var proofreadingDomain: ClosedRange<Int>?
        for index in alterations.indices where alterations[index].altDepth != 0 {
            let gene = alterations[index].gene
            if gene != previousGene {
                previousGene = gene
                isMismatchRepairGene = MMRStatus.genes.contains(gene)
                proofreadingDomain = Self.proofreadingDomains[gene]
            }
            if isMismatchRepairGene && Self.isRelevant(alterations[index], gene: gene) {
                mismatchRepair.append(alterations[index])
            }
            if let domain = proofreadingDomain, alterations[index].kind == .smallVariant,
                alterations[index].transcripts.contains(where: { transcript in
                    guard transcript.gene == gene, let change = transcript.proteinChange,
                        transcript.variantClass.isProteinAltering
                    else { return false }
                    return change.start <= domain.upperBound && change.end >= domain.lowerBound
                })
            {
                proofreading.append(alterations[index])
            }
        }
        return BiomarkerSummary(
            tmb: profile.tumourMutationalBurden.map {
                tmbSummary($0, alternatives: profile.alternativeBurdens)
            },
            msi: msi, msiSource: profile.msi == .unknown ? nil : msiSource, hrd: profile.hrd.rawValue,
            hrdSource: profile.hrd == .unknown ? nil : hrdSource,
            mismatchRepairAlterations: Self.sorted(mismatchRepair).map { Self.alterationSummary($0) },
            polymeraseProofreadingAlterations: Self.sorted(proofreading).map {
                Self.alterationSummary($0)
            })
    }

    /// Copy-number and fusion events, and small variants not annotated as synonymous or non-coding.
    private static func isRelevant(_ alteration: Alteration, gene: String) -> Bool {
        guard alteration.kind == .smallVariant else { return true }
        let transcripts = alteration.transcripts(forGene: gene)
        if transcripts.isEmpty { return true }
        return transcripts.contains { $0.variantClass.isProteinAltering || $0.variantClass == .spliceRegion }
    }

    private static func sorted(_ alterations: [Alteration]) -> [Alteration] {
        alterations.sorted { lhs, rhs in
            let left = (
                lhs.gene, lhs.allele?.chromosome ?? "", lhs.allele?.position ?? 0, lhs.allele?.alternate ?? ""
            )
            let right = (
                rhs.gene, rhs.allele?.chromosome ?? "", rhs.allele?.position ?? 0, rhs.allele?.alternate ?? ""
            )
            if left != right { return left < right }
            return String(describing: lhs) < String(describing: rhs)
        }
    }

    func tmbSummary(_ burden: TumourMutationalBurden, alternatives: [TumourMutationalBurden]) -> TMBSummary {
        let source: String
        switch burden.territory.source {
        case .bed(let path): source = "BED file \(path)"
        case .stated: source = "stated callable size (--tmb-target-mb)"
        case .assumedExome: source = "default exome size"
        }
        return TMBSummary(
            value: burden.value, numerator: burden.numerator.rawValue, count: burden.count,
            callableMegabases: burden.territory.megabases, callableSource: source, formula: burden.formula,
            cautions: burden.cautions.map(\.explanation),
            alternatives: alternatives.filter { $0.numerator != burden.numerator }.map {
                TMBAlternative(numerator: $0.numerator.rawValue, count: $0.count, value: $0.value)
            })
    }
}
