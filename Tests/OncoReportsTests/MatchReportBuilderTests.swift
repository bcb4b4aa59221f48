import GenomicFormats
import OncoDomain
import OncoMatch
import OncoReports
import OncoRules
import Testing

@Suite("MatchReportBuilder: match results into the report model")
struct MatchReportBuilderTests {
    static let ruleSet = try! RuleSet.bundled()
    static let oncoTree = try! OncoTree.bundled()

    static func brafV600E() -> Alteration {
        let annotation = TranscriptAnnotation(
            gene: "BRAF", transcript: "ENST00000646891", biotype: "protein_coding",
            consequences: ["missense_variant"], variantClass: .missense, hgvsp: "p.Val600Glu",
            proteinChange: ProteinChange.parse("p.Val600Glu"), hgvsc: "ENST00000646891.2:c.1799T>A",
            exon: .init(number: 15, total: 18), isCanonical: true, maneSelect: "NM_004333.6")
        return Alteration(
            sampleIndex: 0, gene: "BRAF", kind: .smallVariant,
            allele: .normalised(chromosome: "chr7", position: 140_753_336, reference: "A", alternate: "T"),
            transcripts: [annotation], principalTranscriptIndex: 0, depth: 180, altDepth: 79, vaf: 0.4389,
            zygosity: .heterozygous, origin: .somatic, annotationSource: .vep)
    }

    static func msh6Stop() -> Alteration {
        let annotation = TranscriptAnnotation(
            gene: "MSH6", transcript: "ENST00000234420", consequences: ["stop_gained"],
            variantClass: .truncating,
            proteinChange: ProteinChange.parse("Q731*"), maneSelect: "NM_000179.3")
        return Alteration(
            sampleIndex: 0, gene: "MSH6", kind: .smallVariant,
            allele: .normalised(chromosome: "2", position: 47_800_000, reference: "C", alternate: "T"),
            transcripts: [annotation], principalTranscriptIndex: 0, filter: "PASS", depth: 120, altDepth: 40,
            vaf: 0.33, origin: .somatic, annotationSource: .vep)
    }

    static func profile() throws -> TumourProfile {
        let compiled = CompiledRuleSet(ruleSet)
        var index = VariantIndex(samples: ["TUMOUR", "NORMAL"], genesOfInterest: compiled.mentionedGenes)
        index.add(brafV600E())
        index.add(msh6Stop())
        let territory = CallableTerritory.assumedExome
        return TumourProfile(
            index: index, sampleIndex: 0, normalName: "NORMAL", tumourType: "SKCM", build: .grch38,
            annotationSource: .vep,
            tumourMutationalBurden: try TumourMutationalBurden(
                numerator: .codingNonsynonymous, count: 360, territory: territory, isTumourOnly: false),
            alternativeBurdens: [
                try TumourMutationalBurden(
                    numerator: .missenseOnly, count: 300, territory: territory, isTumourOnly: false)
            ], msi: .stable)
    }

    static func report() throws -> MatchReport {
        let profile = try profile()
        let result = Matcher(ruleSet: CompiledRuleSet(ruleSet), oncoTree: oncoTree).match(profile)
        let builder = MatchReportBuilder(
            ruleSet: ruleSet, inputPath: "fixture-melanoma.vcf.gz",
            inputSHA256: String(repeating: "ab", count: 32), inputFormat: "vcf",
            qc: QualityControl(
                recordsRead: 10, recordsSkipped: 0, skippedExamples: [], recordsFiltered: 1,
                annotationSource: "VEP CSQ", alterationsIndexed: 2),
            msiSource: "command line")
        return builder.build(result, profile: profile, oncoTree: oncoTree)
    }

    @Test func fillsProvenanceBiomarkersAndMatches() throws {
        let report = try Self.report()
        #expect(report.rules.id == Self.ruleSet.metadata.id)
        #expect(report.rules.sha256 == Self.ruleSet.checksum)
        #expect(report.rules.ruleCount == Self.ruleSet.rules.count)
        #expect(report.input.build == "GRCh38")
        #expect(report.input.samples == ["TUMOUR", "NORMAL"])
        #expect(report.sample == SampleInfo(name: "TUMOUR", normal: "NORMAL"))
        #expect(report.tumourType.name == "Cutaneous Melanoma")
        #expect(report.reportDate == nil)

        let tmb = try #require(report.biomarkers.tmb)
        #expect(tmb.value == 12)
        #expect(tmb.callableSource == "default exome size")
        #expect(tmb.formula == "360 coding non-synonymous variants / 30.00 Mb = 12.00 variants/Mb")
        #expect(tmb.cautions.count == 1)
        #expect(tmb.alternatives.map(\.numerator) == ["missense-only"])
        #expect(report.biomarkers.msi == "stable")
        #expect(report.biomarkers.msiSource == "command line")
        #expect(report.biomarkers.hrdSource == nil)
        #expect(report.biomarkers.mismatchRepairAlterations.map(\.gene) == ["MSH6"])

        let braf = try #require(report.matches.first { $0.ruleId == "tgt-braf-v600-melanoma" })
        #expect(braf.ampTier == "I-A")
        #expect(braf.matchLevel == "exact-allele")
        #expect(braf.onLabel)
        #expect(braf.ruleTumourTypes == ["MEL"])
        #expect(braf.alterations.first?.proteinChange == "V600E")
        #expect(braf.alterations.first?.transcript == "ENST00000646891")
        #expect(braf.evidence.references.contains { $0.hasPrefix("FDA label: dabrafenib + trametinib") })
        let tumourAgnostic = try #require(
            report.matches.first { $0.ruleId == "io-tmb-high-pembrolizumab-solid" })
        #expect(tumourAgnostic.ruleTumourTypes == ["all-solid"])
        #expect(tumourAgnostic.matchLevel == "biomarker")
        // An alteration-free match says what was found, in the model and in each writer.
        #expect(tumourAgnostic.biomarkerFindings == ["TMB 12.00 mut/Mb"])
        #expect(tumourAgnostic.alterations.isEmpty)
        #expect(braf.biomarkerFindings.isEmpty)
        #expect(TextSummaryWriter().render(report).contains("pembrolizumab — TMB 12.00 mut/Mb (on-label"))
        #expect(try HTMLReportWriter().render(report).contains("Biomarker: TMB 12.00 mut/Mb."))
        #expect(try JSONReportWriter().render(report).contains(#""biomarker_findings": ["#))
    }

    @Test func theBuiltReportSatisfiesTheSchema() throws {
        let report = try Self.report()
        let json = try JSONReportWriter().render(report)
        let document = try OrderedJSONParser.parse(json)
        let errors = SchemaValidator(root: try SchemaValidationTests.schema()).errors(in: document)
        #expect(errors.isEmpty, "\(errors)")
        #expect(!report.matches.isEmpty)
        #expect(report.nearMisses.map(\.alteration) == ["MSH6 p.Q731*"])
    }

    /// A CCDC6::RET fusion (12 split reads), an unannotated BRAF V600E allele and LOH of MLH1 in
    /// a lung adenocarcinoma, without annotation.
    static func fusionReport() throws -> MatchReport {
        let compiled = CompiledRuleSet(ruleSet)
        var index = VariantIndex(samples: ["TUMOUR"], genesOfInterest: compiled.mentionedGenes)
        index.add(
            Alteration(
                sampleIndex: 0, gene: "CCDC6", kind: .fusion(fivePrime: "CCDC6", threePrime: "RET"),
                altDepth: 12, depthSource: "split reads"))
        index.add(
            Alteration(
                sampleIndex: 0, gene: "BRAF", kind: .smallVariant,
                allele: .normalised(chromosome: "7", position: 140_753_336, reference: "A", alternate: "T"),
                depth: 90, altDepth: 30, vaf: 0.3333))
        index.add(
            Alteration(
                sampleIndex: 0, gene: "MLH1", kind: .copyNumber(.lossOfHeterozygosity),
                depthSource: "copy-number segments: 1 copy"))
        let profile = TumourProfile(
            index: index, sampleIndex: 0, normalName: nil, tumourType: "LUAD", build: .grch38,
            annotationSource: .none, tumourMutationalBurden: nil, alternativeBurdens: [], msi: .unknown)
        let result = Matcher(ruleSet: compiled, oncoTree: oncoTree).match(profile)
        let builder = MatchReportBuilder(
            ruleSet: ruleSet, inputPath: "fusion.vcf", inputSHA256: String(repeating: "cd", count: 32),
            inputFormat: "vcf",
            qc: QualityControl(
                recordsRead: 1, recordsSkipped: 0, skippedExamples: [], recordsFiltered: 0,
                annotationSource: "none", alterationsIndexed: 2))
        return builder.build(result, profile: profile, oncoTree: oncoTree)
    }

    @Test func aFusionIsReportedUnderTheGeneTheRuleNamesWithItsPartnersAndReads() throws {
        let report = try Self.fusionReport()
        let ret = try #require(report.matches.first { $0.ruleId == "tgt-ret-fusion-nsclc" })
        #expect(ret.genes == ["RET"])
        let fusion = try #require(ret.alterations.first)
        #expect(fusion.gene == "RET")
        #expect(fusion.fusion == "CCDC6::RET")
        #expect(fusion.variantClass == "fusion")
        #expect(fusion.altDepth == 12)
        #expect(fusion.support == "split reads")
        #expect(fusion.depth == nil)
        #expect(fusion.label(detail: "ignored") == "CCDC6::RET fusion")
        // Readers see the pair, not the 5′ partner alone.
        let summary = TextSummaryWriter().render(report)
        #expect(summary.contains("selpercatinib | pralsetinib — CCDC6::RET fusion (on-label"))
        #expect(!summary.contains("CCDC6 fusion"))
        let html = try HTMLReportWriter().render(report)
        #expect(html.contains("CCDC6::RET fusion"))
        #expect(html.contains("12 split reads"))
        // Neither the fusion nor the unannotated allele has a transcript to call principal; the
        // fusion's class is not repeated under its name; LOH is spelt out.
        #expect(!html.contains("— (principal)"))
        #expect(!html.contains("fusion<br>"))
        #expect(
            html.contains(
                "<td>loss of heterozygosity<br><span class=\"muted small\">copy-number segments: 1 copy"))
        #expect(!html.contains(">loh<"))
        #expect(html.contains("Matched at the level of fusion.</p>"))
        #expect(!html.contains("principal transcript."))
        let json = try JSONReportWriter().render(report)
        #expect(json.contains(#""fusion": "CCDC6::RET""#))
        #expect(json.contains(#""alt_depth": 12"#))
        let errors = SchemaValidator(root: try SchemaValidationTests.schema()).errors(
            in: try OrderedJSONParser.parse(json))
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func aSmallVariantWithoutAnnotationIsUnannotatedNotNonCoding() throws {
        let report = try Self.fusionReport()
        let braf = try #require(report.matches.first { $0.ruleId == "tgt-braf-v600e-nsclc" })
        let allele = try #require(braf.alterations.first)
        #expect(allele.variantClass == "unannotated")
        #expect(allele.genomicText == "7:140753336:A>T")
        #expect(allele.altDepth == 30)
        let html = try HTMLReportWriter().render(report)
        #expect(html.contains("BRAF 7:140753336:A&gt;T"))
        #expect(html.contains("30 of 90"))
        #expect(!html.contains("non-coding"))
        #expect(TextSummaryWriter().render(report).contains("BRAF 7:140753336:A>T"))
    }

    @Test func theSameInputBuildsTheSameBytes() throws {
        #expect(try JSONReportWriter().render(Self.report()) == JSONReportWriter().render(Self.report()))
    }
}
