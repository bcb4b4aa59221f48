import Foundation
import GenomicFormats
import TestSupport
import Testing

@testable import OncoRules

@Suite(.enabled(if: TestData.hasSharedData)) struct CIViCImporterTests {
    static let evidencePath = TestData.shared(
        "knowledge/civic-2018/nightly-ClinicalEvidenceSummaries.2018-05-18.tsv")

    static func importDump() throws -> CIViCImporter.Result {
        let importer = CIViCImporter(
            vocabulary: TestVocabulary.vocabulary, diseases: try CIViCDiseaseMap.bundled())
        return try importer.importEvidence(tsv: try String(contentsOfFile: evidencePath, encoding: .utf8))
    }

    /// The dump's rows as dictionaries, by a plain tab split independent of the importer.
    static func rows() throws -> [[String: String]] {
        let lines = try String(contentsOfFile: evidencePath, encoding: .utf8).split(separator: "\n").map(
            String.init)
        let header = lines[0].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(
                uniqueKeysWithValues: zip(
                    header, fields + Array(repeating: "", count: max(0, header.count - fields.count))))
        }
    }

    @Test func countsMatchAnIndependentPassOverTheDump() throws {
        let result = try Self.importDump()
        let report = result.report
        let rows = try Self.rows()
        let predictive = rows.filter { $0["evidence_type"] == "Predictive" }
        #expect(report.totalRows == rows.count)
        #expect(report.predictive == predictive.count)
        #expect(predictive.count == 1575)

        let doesNotSupport = predictive.filter { $0["evidence_direction"] == "Does Not Support" }
        let missingDirection = predictive.filter {
            !["Supports", "Does Not Support"].contains($0["evidence_direction"]!)
        }
        #expect(report.count(.doesNotSupport) == doesNotSupport.count)
        #expect(report.count(.missingDirection) == missingDirection.count)

        let supported = [
            "Sensitivity", "Sensitivity/Response", "Response", "Resistance", "Resistance or Non-Response",
            "Reduced Sensitivity",
        ]
        let supporting = predictive.filter { $0["evidence_direction"] == "Supports" }
        let badSignificance = supporting.filter { !supported.contains($0["clinical_significance"]!) }
        #expect(report.count(.unsupportedSignificance) == badSignificance.count)

        let withSignificance = supporting.filter { supported.contains($0["clinical_significance"]!) }
        let noDrug = withSignificance.filter { $0["drugs"]!.trimmingCharacters(in: .whitespaces).isEmpty }
        let severalDrugs = withSignificance.filter { $0["drugs"]!.contains(",") }
        #expect(report.count(.noTherapy) == noDrug.count)
        #expect(report.count(.ambiguousTherapies) == severalDrugs.count)

        let withTherapy = withSignificance.filter { !$0["drugs"]!.isEmpty && !$0["drugs"]!.contains(",") }
        let map = try CIViCDiseaseMap.bundled()
        let mapped = withTherapy.filter {
            map.entry(doid: $0["doid"]!, name: $0["disease"]!)?.selector != nil
        }
        #expect(report.count(.unmappedDisease) == withTherapy.count - mapped.count)
        let expressionWords = ["EXPRESSION", "PHOSPHORYLATION", "METHYLATION", "SERUM", "STAINING"]
        let expression = mapped.filter { row in
            expressionWords.contains { row["variant"]!.uppercased().contains($0) }
        }
        #expect(report.count(.expressionProfile) == expression.count)
        #expect(expression.count > 100)

        // Every predictive item is imported or left out with exactly one reason.
        #expect(report.imported + report.skipped.count == predictive.count)
        #expect(
            report.count(.unsupportedProfile) + report.count(.conflictingEvidence) + report.imported
                == mapped.count - expression.count)
        #expect(result.rules.count == report.imported)
        #expect(report.imported > 450)
        #expect(Set(report.skipped.map(\.evidenceID)).count == report.skipped.count)
        #expect(report.text.contains("does-not-support: \(doesNotSupport.count)"))
    }

    func rule(_ result: CIViCImporter.Result, eid: Int) -> Rule? {
        result.rules.first { $0.id == "civic-eid-\(eid)" }
    }

    /// With VariantSummaries, SNV protein changes also get their GRCh37 allele (CIViC variant 12,
    /// BRAF V600E at 7:140453136 A>T), so unannotated GRCh37 inputs match them; the rest of the
    /// import is unchanged.
    @Test func variantSummariesAddGRCh37Alleles() throws {
        let importer = CIViCImporter(
            vocabulary: TestVocabulary.vocabulary, diseases: try CIViCDiseaseMap.bundled())
        let variants = try String(
            contentsOfFile: TestData.shared("knowledge/civic-2018/nightly-VariantSummaries.2018-05-18.tsv"),
            encoding: .utf8)
        let result = try importer.importEvidence(
            tsv: try String(contentsOfFile: Self.evidencePath, encoding: .utf8), variantSummaries: variants)
        let plain = try Self.importDump()
        #expect(result.rules.map(\.id) == plain.rules.map(\.id))
        let braf = try #require(rule(result, eid: 1409))
        guard case .any(let options) = braf.biomarker, case .allele(let allele) = options.first,
            case .protein(let protein) = options.last
        else {
            Issue.record("expected any(allele, protein), got \(braf.biomarker)")
            return
        }
        #expect(allele.gene == "BRAF")
        #expect(allele.alleles[.grch37]?.description == "7:140453136:A:T")
        #expect(allele.alleles[.grch38] == nil)
        #expect(protein.notations == ["V600E"])
        // A gene-level item keeps its criterion.
        let unchanged = result.rules.filter { rule in
            if case .any = rule.biomarker { return false }
            return true
        }
        #expect(!unchanged.isEmpty)
        // The written YAML still loads strictly.
        let reloaded = try RuleLoader(vocabulary: TestVocabulary.vocabulary).load(
            yaml: result.yaml, path: "civic.yaml")
        #expect(reloaded.rules.count == result.rules.count)
    }

    @Test func knownItemsAreImportedFaithfully() throws {
        let result = try Self.importDump()

        // EID1409: BRAF V600E, skin melanoma, vemurafenib, level A, sensitivity (PMID 21639808).
        let braf = try #require(rule(result, eid: 1409))
        guard case .protein(let protein) = braf.biomarker else {
            Issue.record("expected a protein criterion, got \(braf.biomarker)")
            return
        }
        #expect(protein.gene == "BRAF")
        #expect(protein.notations == ["V600E"])
        #expect(protein.qualifiers.origin == .somatic)
        #expect(braf.tumourTypes.include == ["SKCM"])
        #expect(braf.therapies == [TherapyOption(drugs: ["vemurafenib"])])
        #expect(braf.effect == .sensitivity)
        #expect(braf.evidence.ampLevel == .a)
        #expect(braf.evidence.source == .guideline)
        #expect(braf.evidence.references == [.civic(eid: "EID1409", aid: nil), .pmid("21639808")])
        #expect(braf.category == .other)

        // EGFR T790M in NSCLC: osimertinib sensitivity (EID1592, level A); resistance to
        // erlotinib (EID238, A) and gefitinib (EID239, B).
        let osimertinib = try #require(rule(result, eid: 1592))
        #expect(osimertinib.therapies.map(\.description) == ["osimertinib"])
        #expect(osimertinib.effect == .sensitivity)
        #expect(osimertinib.tumourTypes.include == ["NSCLC"])
        let erlotinib = try #require(rule(result, eid: 238))
        #expect(erlotinib.effect == .resistance)
        #expect(erlotinib.therapies.map(\.description) == ["erlotinib"])
        #expect(erlotinib.evidence.ampLevel == .a)
        let gefitinib = try #require(rule(result, eid: 239))
        #expect(gefitinib.effect == .resistance)
        #expect(gefitinib.evidence.ampLevel == .b)
        #expect(gefitinib.biomarker == erlotinib.biomarker)

        // EID2995: EGFR exon 19 deletion → exon criterion with in-frame deletion classes.
        let exon19 = try #require(rule(result, eid: 2995))
        #expect(
            exon19.biomarker
                == .exon(
                    .init(
                        gene: "EGFR", exon: 19, classes: [.inframeDeletion, .inframeDelins],
                        qualifiers: .init(origin: .somatic))))
        // EID262: EML4-ALK → an ordered fusion; EID1122: ERBB2 amplification in HER2+ breast cancer.
        #expect(rule(result, eid: 262)?.biomarker == .fusion(.ordered(fivePrime: "EML4", threePrime: "ALK")))
        let erbb2 = try #require(rule(result, eid: 1122))
        #expect(erbb2.biomarker == .copyNumber(gene: "ERBB2", state: .amplification))
        #expect(erbb2.tumourTypes.include == ["BRCA"])

        // Left out with reasons: several drugs without interaction type (EID413), no direction
        // (EID3810), and the level-D resistance item EID90 that contradicts level-B sensitivity
        // items (e.g. EID1398) for BRAF V600E melanoma and vemurafenib.
        let reasons = Dictionary(
            uniqueKeysWithValues: result.report.skipped.map { ($0.evidenceID, $0.reason) })
        #expect(reasons["413"] == .ambiguousTherapies)
        #expect(reasons["3810"] == .missingDirection)
        #expect(reasons["90"] == .conflictingEvidence)
        #expect(rule(result, eid: 1398)?.effect == .sensitivity)
    }

    @Test func generatedYAMLLoadsWithTheStrictLoader() throws {
        let result = try Self.importDump()
        let loaded = try RuleLoader(vocabulary: TestVocabulary.vocabulary).load(
            yaml: result.yaml, path: "civic.yaml")
        #expect(loaded.rules.count == result.rules.count)
        #expect(loaded.metadata.id == "civic-import")
        for (original, reloaded) in zip(result.rules, loaded.rules) {
            var reloaded = reloaded
            reloaded.location = nil
            #expect(original == reloaded)
        }
    }

    @Test func currentLayoutWithBooleanProfilesAndInteractionTypes() throws {
        let header = [
            "molecular_profile", "molecular_profile_id", "disease", "doid", "phenotypes", "therapies",
            "therapy_interaction_type", "evidence_type", "evidence_direction", "evidence_level",
            "significance",
            "evidence_statement", "citation_id", "source_type", "asco_abstract_id", "citation", "nct_ids",
            "rating",
            "evidence_status", "evidence_id", "variant_origin", "last_review_date",
        ].joined(separator: "\t")
        func row(
            _ profile: String, _ therapies: String, _ interaction: String, _ significance: String,
            _ eid: String
        )
            -> String
        {
            [
                profile, "1", "Melanoma", "1909", "", therapies, interaction, "Predictive", "Supports", "B",
                significance,
                "Statement.", "12345678", "PubMed", "", "", "NCT01584648", "4", "accepted", eid, "Somatic",
                "2024-05-01 10:00:00 UTC",
            ].joined(separator: "\t")
        }
        let tsv = [
            header,
            row("BRAF V600E", "Dabrafenib,Trametinib", "Combination", "Sensitivity/Response", "1"),
            row("BRAF V600E AND NRAS Q61K", "Vemurafenib", "", "Resistance", "2"),
            row("NRAS Mutation", "Binimetinib,Trametinib", "Substitutes", "Sensitivity/Response", "3"),
            row("BRAF Overexpression", "Vemurafenib", "", "Resistance", "4"),
        ].joined(separator: "\n")
        let importer = CIViCImporter(
            vocabulary: TestVocabulary.vocabulary, diseases: try CIViCDiseaseMap.bundled())
        let result = try importer.importEvidence(tsv: tsv)
        #expect(result.report.imported == 3)
        #expect(result.report.count(.expressionProfile) == 1)
        #expect(result.rules[0].therapies.map(\.description) == ["dabrafenib + trametinib"])
        #expect(result.rules[0].evidence.references[2] == .trial(name: nil, nct: "NCT01584648"))
        #expect(result.rules[0].reviewed == "2024-05-01")
        guard case .all(let parts) = result.rules[1].biomarker else {
            Issue.record("expected all, got \(result.rules[1].biomarker)")
            return
        }
        #expect(parts.count == 2)
        #expect(result.rules[2].therapies.map(\.description) == ["binimetinib", "trametinib"])
        #expect(
            result.rules[2].biomarker
                == .gene(.init(gene: "NRAS", alterationClass: .any, qualifiers: .init(origin: .somatic))))
        #expect(throws: Never.self) {
            try RuleLoader(vocabulary: TestVocabulary.vocabulary).load(yaml: result.yaml, path: "x.yaml")
        }
    }

    @Test func rejectsFilesThatAreNotEvidenceSummaries() throws {
        let importer = CIViCImporter(
            vocabulary: TestVocabulary.vocabulary, diseases: try CIViCDiseaseMap.bundled())
        #expect(throws: RuleLoadError.self) { try importer.importEvidence(tsv: "a\tb\n1\t2\n") }
    }
}

@Suite struct CIViCDiseaseMapTests {
    @Test func everyMappedCodeIsAnOncoTreeCode() throws {
        let map = try CIViCDiseaseMap.bundled()
        #expect(map.allCodes.count > 60)
        for code in map.allCodes.sorted() {
            #expect(TestVocabulary.vocabulary.canonicalTumourType(code) == code, "\(code)")
        }
        #expect(map.entry(doid: "3908", name: "")?.selector?.include == ["NSCLC"])
        #expect(map.entry(doid: "", name: "waldenström's macroglobulinemia")?.selector?.include == ["WM"])
        #expect(map.entry(doid: "162", name: "Cancer")?.selector?.bucket == .any)
        #expect(map.entry(doid: "1115", name: "Sarcoma")?.selector == nil)
        #expect(map.entry(doid: "99999999", name: "Nothing") == nil)
    }
}

@Suite struct RuleSetYAMLWriterTests {
    @Test func writtenValidFixtureReloadsIdentically() throws {
        let loader = RuleLoader(vocabulary: TestVocabulary.vocabulary)
        let set = try loader.load(path: TestData.fixture("rules/valid.yaml"))
        let yaml = RuleSetYAMLWriter.yaml(metadata: set.metadata, rules: set.rules, hotspots: set.hotspots)
        let reloaded = try loader.load(yaml: yaml, path: "round-trip.yaml")
        #expect(reloaded.metadata == set.metadata)
        #expect(reloaded.hotspots == set.hotspots)
        #expect(
            reloaded.rules.map {
                var rule = $0; rule.location = nil; return rule
            }
                == set.rules.map {
                    var rule = $0; rule.location = nil; return rule
                })
        #expect(RuleSetYAMLWriter.quote("a \"b\"\n\\") == "\"a \\\"b\\\"\\n\\\\\"")
    }
}
