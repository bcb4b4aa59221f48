import Foundation
import OncoDomain
import TestSupport
import Testing

@testable import OncoRules

@Suite struct RuleLoaderValidTests {
    let loader = RuleLoader(vocabulary: TestVocabulary.vocabulary)

    @Test func loadsEveryCriterionKindFromTheValidFixture() throws {
        let set = try loader.load(path: TestData.fixture("rules/valid.yaml"))
        #expect(set.metadata.id == "fixture-valid")
        #expect(set.metadata.version == "1.0.0")
        #expect(set.metadata.reviewed == "2026-01-15")
        #expect(set.sourceFiles.count == 2)
        #expect(set.sourceFiles[1].hasSuffix("valid-included.yaml"))
        #expect(set.rules.count == 11)
        // Includes load before the including file's own rules.
        #expect(set.rules.first?.id == "fixture-copy-number")
        #expect(set.hotspots["KRAS"]?.map(\.description) == ["G12", "G13", "Q61"])

        var keys: Set<String> = []
        func collect(_ criterion: Criterion) {
            keys.insert(criterion.key)
            switch criterion {
            case .all(let parts), .any(let parts): parts.forEach(collect)
            case .not(let inner): collect(inner)
            default: break
            }
        }
        set.rules.forEach { collect($0.biomarker) }
        #expect(keys == Set(CriterionParser.criterionKeys))
    }

    @Test func decodesFieldsFaithfully() throws {
        let set = try loader.load(path: TestData.fixture("rules/valid.yaml"))
        let rules = Dictionary(uniqueKeysWithValues: set.rules.map { ($0.id, $0) })

        let allele = try #require(rules["fixture-allele"])
        guard case .allele(let criterion) = allele.biomarker else {
            Issue.record("expected an allele criterion")
            return
        }
        #expect(criterion.alleles[.grch37]?.description == "7:140453136:A:T")
        #expect(criterion.alleles[.grch38]?.position == 140_753_336)
        #expect(criterion.qualifiers.origin == .somatic)
        #expect(allele.evidence.escat == .iA)
        #expect(allele.evidence.references.count == 2)
        #expect(allele.evidence.references[1] == .trial(name: "COMBI-d", nct: "NCT01584648"))
        #expect(allele.therapies == [TherapyOption(drugs: ["dabrafenib", "trametinib"])])
        #expect(allele.location?.line == 14)
        #expect(allele.location?.column == 5)

        let protein = try #require(rules["fixture-protein"])
        guard case .protein(let proteinCriterion) = protein.biomarker else {
            Issue.record("expected a protein criterion")
            return
        }
        #expect(proteinCriterion.notations == ["V600E", "p.Val600Lys"])
        #expect(proteinCriterion.changes.map(\.alternate) == ["E", "K"])
        #expect(proteinCriterion.qualifiers.minVAF == 0.05)
        #expect(proteinCriterion.qualifiers.minDepth == 20)
        #expect(proteinCriterion.qualifiers.filter == .any)
        #expect(protein.tumourTypes.include == ["MEL", "NSCLC"])
        #expect(protein.evidence.references == [.pmid("21639808")])

        let gene = try #require(rules["fixture-gene"])
        #expect(gene.tumourTypes == TumourTypeSelector(include: [], bucket: .allSolid, exclude: ["COADREAD"]))
        #expect(gene.evidence.uncertain)
        #expect(gene.notes == "Fixture notes.")
        #expect(gene.category == .dnaRepairInhibitor)
        #expect(gene.evidence.references == [.civic(eid: "EID1234", aid: nil)])

        let fusions = try #require(rules["fixture-fusions"])
        #expect(
            fusions.biomarker
                == .any([
                    .fusion(.ordered(fivePrime: "EML4", threePrime: "ALK")), .fusion(.anyPartner("ROS1")),
                    .fusion(.eitherOrientation("BCR", "ABL1")), .fusion(.threePrime("RET")),
                    .fusion(.fivePrime("FGFR2")),
                ]))
        let immune = try #require(rules["fixture-immune"])
        #expect(immune.biomarker == .any([.tmb(min: 10), .msi(.high), .mmr(.deficient)]))
        let wildType = try #require(rules["fixture-wild-type"])
        #expect(wildType.biomarker == .wildType(genes: ["KRAS", "NRAS", "BRAF"]))
    }

    @Test func checksumCoversEveryFileAndIsStable() throws {
        let directory = try TestData.temporaryDirectory()
        for name in ["valid.yaml", "valid-included.yaml"] {
            try FileManager.default.copyItem(
                atPath: TestData.fixture("rules/\(name)"), toPath: directory.appendingPathComponent(name).path
            )
        }
        let top = directory.appendingPathComponent("valid.yaml").path
        let first = try loader.load(path: top)
        let again = try loader.load(path: top)
        #expect(first.checksum.count == 64)
        #expect(first.checksum.allSatisfy { $0.isHexDigit })
        #expect(first.checksum == again.checksum)

        // The checksum is SHA-256 over "relative path\n" + bytes of each file in load order.
        var expected = Array("valid.yaml\n".utf8)
        expected += try Array(Data(contentsOf: directory.appendingPathComponent("valid.yaml")))
        expected += Array("valid-included.yaml\n".utf8)
        expected += try Array(Data(contentsOf: directory.appendingPathComponent("valid-included.yaml")))
        #expect(first.checksum == RuleSetChecksum.hex(of: expected))

        let included = directory.appendingPathComponent("valid-included.yaml")
        try (String(contentsOf: included, encoding: .utf8) + "# edited\n").write(
            to: included, atomically: true, encoding: .utf8)
        #expect(try loader.load(path: top).checksum != first.checksum)
    }

    @Test func compiledSetIndexesRulesByGeneAndBiomarker() throws {
        let compiled = CompiledRuleSet(try loader.load(path: TestData.fixture("rules/valid.yaml")))
        #expect(compiled.rules(forGene: "EGFR").map(\.id) == ["fixture-exon-and-not"])
        #expect(Set(compiled.rules(forGene: "KRAS").map(\.id)) == ["fixture-codon", "fixture-gene"])
        #expect(compiled.rules(forGene: "NRAS").isEmpty)  // only under wild_type
        #expect(compiled.rules(forGene: "TP53").isEmpty)
        #expect(compiled.biomarkerRules.map(\.id) == ["fixture-immune", "fixture-hrd"])
        #expect(compiled.biomarkerRules(.msi).map(\.id) == ["fixture-immune"])
        #expect(compiled.wildTypeRules.map(\.id) == ["fixture-wild-type"])
        #expect(compiled.mentionedGenes.isSuperset(of: ["NRAS", "MLH1", "EPCAM", "EGFR", "ABL1", "BRCA2"]))
        #expect(!compiled.mentionedGenes.contains("TP53"))
        #expect(
            compiled.candidateRules(forGenes: ["BRAF", "ALK"]).map(\.id) == [
                "fixture-fusions", "fixture-allele", "fixture-protein",
            ])
        #expect(compiled.hotspots["KRAS"]?.count == 3)
        // Every rule is reachable through the index.
        let reachable = Set(compiled.indexedGenes.flatMap { compiled.rules(forGene: $0).map(\.id) })
            .union(compiled.biomarkerRules.map(\.id)).union(compiled.wildTypeRules.map(\.id))
        #expect(reachable == Set(compiled.rules.map(\.id)))
    }

    @Test func mergingKeepsIdsUniqueAndUnitesHotspots() throws {
        let base = try loader.load(path: TestData.fixture("rules/valid.yaml"))
        #expect(throws: RuleLoadError.self) { try RuleSet.merging([base, base]) }

        let extra = try loader.load(
            yaml: """
                rule_set: { id: user, version: "1", reviewed: 2026-02-01, licence: CC0 }
                hotspots: { KRAS: [A146], NRAS: [Q61] }
                rules:
                  - id: user-rule
                    title: User rule
                    reviewed: 2026-02-01
                    biomarker: { gene: { gene: NRAS, class: activating-hotspot } }
                    tumour_types: { include: [MEL] }
                    therapies: [binimetinib]
                    category: targeted
                    effect: sensitivity
                    evidence: { amp_level: D, source: preclinical, references: [{ type: other, text: x }], statement: S. }
                """, path: "user.yaml")
        let merged = try RuleSet.merging([base, extra])
        #expect(merged.rules.count == 12)
        #expect(merged.components.map(\.id) == ["fixture-valid", "user"])
        #expect(merged.metadata.id == "fixture-valid")
        #expect(merged.hotspots["KRAS"]?.map(\.description) == ["G12", "G13", "Q61", "A146"])
        #expect(merged.checksum != base.checksum)
        #expect(merged.sourceFiles.count == 3)
    }

    @Test func listingAndSummaryDescribeTheRules() throws {
        let set = try loader.load(path: TestData.fixture("rules/valid.yaml"))
        let summary = RuleSetSummary(set)
        #expect(summary.ruleCount == 11)
        #expect(summary.byCategory.map(\.0) == [.immunotherapy, .dnaRepairInhibitor, .targeted])
        #expect(summary.byCategory.map(\.1) == [1, 2, 8])
        #expect(summary.byLevel.map(\.1) == [8, 1, 1, 1])
        #expect(summary.geneIndependentRuleCount == 3)
        #expect(summary.text.contains("by gene"))

        let listing = RuleSetListing(set)
        let json = try listing.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rules = try #require(object["rules"] as? [[String: Any]])
        #expect(rules.count == 11)
        let protein = try #require(rules.first { $0["id"] as? String == "fixture-protein" })
        #expect(
            protein["criteria"] as? String
                == "BRAF V600E or p.Val600Lys (min VAF 0.05, min depth 20, any FILTER)")
        #expect(
            protein["therapies"] as? [String] == ["vemurafenib + cobimetinib", "encorafenib + binimetinib"])
        #expect(protein["amp_level"] as? String == "B")
        #expect(protein["genes"] as? [String] == ["BRAF"])
        #expect((protein["tumour_types"] as? [String: Any])?["include"] as? [String] == ["MEL", "NSCLC"])
        #expect(try listing.json() == json)
        #expect(listing.text.contains("fixture-exon-and-not — EGFR exon 19 deletion without C797S"))
        #expect(
            listing.text.contains("all of (EGFR exon 19 [inframe-deletion, inframe-delins]; not EGFR C797S)"))
    }
}
