import Foundation
import TestSupport
import Testing

@testable import OncoRules

/// One test per kind of error the loader rejects, each checking the reported `file:line:column`.
@Suite struct RuleLoaderRejectionTests {
    let loader = RuleLoader(vocabulary: TestVocabulary.vocabulary)

    /// A one-rule file whose parts sit on fixed lines (biomarker on line 6, tumour types 7,
    /// therapies 8, category 9, effect 10, AMP level 12, source 13, references 14).
    static func ruleFile(
        id: String = "r1",
        biomarker: String = "{ protein: { gene: BRAF, change: V600E } }",
        tumourTypes: String = "{ include: [MEL] }",
        therapies: String = "[vemurafenib]",
        category: String = "targeted",
        effect: String = "sensitivity",
        level: String = "A",
        source: String = "regulatory",
        references: String = "[{ type: pmid, pmid: \"21639808\" }]",
        reviewed: String = "2026-01-01",
        extra: String = ""
    ) -> String {
        """
        rule_set: { id: t, version: "1", reviewed: 2026-01-01, licence: CC0 }
        rules:
          - id: \(id)
            title: T
            reviewed: \(reviewed)
            biomarker: \(biomarker)
            tumour_types: \(tumourTypes)
            therapies: \(therapies)
            category: \(category)
            effect: \(effect)
            evidence:
              amp_level: \(level)
              source: \(source)
              references: \(references)
              statement: S.
        \(extra)
        """
    }

    func diagnostics(_ yaml: String, path: String = "test.yaml") -> [RuleDiagnostic] {
        do {
            _ = try loader.load(yaml: yaml, path: path)
            return []
        } catch let error as RuleLoadError {
            return error.diagnostics
        } catch {
            return [RuleDiagnostic(file: path, message: "unexpected error \(error)")]
        }
    }

    /// Expects exactly one diagnostic, at `line` and at the column where `token` starts on it.
    func expectOne(
        _ yaml: String, line: Int, token: String, _ fragment: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let found = diagnostics(yaml)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let column = lines[line - 1].range(of: token).map {
            lines[line - 1].distance(from: lines[line - 1].startIndex, to: $0.lowerBound) + 1
        }
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        guard let diagnostic = found.first else { return }
        #expect(diagnostic.file == "test.yaml", sourceLocation: sourceLocation)
        #expect(diagnostic.line == line, "\(diagnostic)", sourceLocation: sourceLocation)
        #expect(diagnostic.column == column, "\(diagnostic)", sourceLocation: sourceLocation)
        #expect(diagnostic.message.contains(fragment), "\(diagnostic)", sourceLocation: sourceLocation)
        #expect(
            diagnostic.description.hasPrefix("test.yaml:\(line):\(column ?? 0): "),
            sourceLocation: sourceLocation)
    }

    @Test func baseTemplateIsValid() throws {
        let set = try loader.load(yaml: Self.ruleFile(), path: "test.yaml")
        #expect(set.rules.count == 1)
    }

    @Test func unknownKeys() {
        expectOne(
            Self.ruleFile(tumourTypes: "{ include: [MEL], colour: red }"), line: 7, token: "colour",
            "unknown key 'colour' in tumour_types")
        expectOne(
            Self.ruleFile(biomarker: "{ protein: { gene: BRAF, change: V600E, strand: plus } }"), line: 6,
            token: "strand", "unknown key 'strand' in protein")
        expectOne(
            Self.ruleFile(extra: "extras: 1"), line: 16, token: "extras",
            "unknown key 'extras' in the rule file")
        expectOne(
            Self.ruleFile(references: "[{ type: pmid, pmid: \"1\", note: x }]"), line: 14, token: "note",
            "unknown key 'note' in pmid reference")
    }

    @Test func missingRequiredKeys() {
        let yaml = Self.ruleFile().replacingOccurrences(of: "    title: T\n", with: "")
        expectOne(yaml, line: 3, token: "id:", "missing required key 'title' in rule")
        expectOne(
            "rules: []\n", line: 1, token: "rules",
            "missing required key 'rule_set' in a standalone rule file")
    }

    @Test func unknownOncoTreeCodeListsCloseMatches() {
        expectOne(
            Self.ruleFile(tumourTypes: "{ include: [MELL] }"), line: 7, token: "MELL",
            "unknown OncoTree code 'MELL' (close matches: MEL")
    }

    @Test func malformedProteinChanges() {
        expectOne(
            Self.ruleFile(biomarker: "{ protein: { gene: BRAF, change: V6OOE } }"), line: 6, token: "V6OOE",
            "malformed protein change 'V6OOE'")
        expectOne(
            Self.ruleFile(biomarker: "{ protein: { gene: BRAF, changes: [V600E, V600] } }"), line: 6,
            token: "V600]",
            "'V600' states no change")
    }

    @Test func unknownEnumerations() {
        expectOne(
            Self.ruleFile(biomarker: "{ codon: { gene: KRAS, residue: G12, classes: [missence] } }"), line: 6,
            token: "missence", "unknown variant class 'missence'")
        expectOne(Self.ruleFile(category: "kinase"), line: 9, token: "kinase", "unknown category 'kinase'")
        expectOne(Self.ruleFile(effect: "response"), line: 10, token: "response", "unknown effect 'response'")
        expectOne(Self.ruleFile(level: "E"), line: 12, token: "E", "unknown AMP level 'E'")
        expectOne(
            Self.ruleFile(source: "anecdote"), line: 13, token: "anecdote",
            "unknown evidence source 'anecdote'")
        expectOne(
            Self.ruleFile(references: "[{ type: book, title: x }]"), line: 14, token: "book",
            "unknown reference type 'book'")
        expectOne(
            Self.ruleFile(biomarker: "{ gene: { gene: BRCA1, class: broken } }"), line: 6, token: "broken",
            "unknown gene class 'broken'")
        expectOne(
            Self.ruleFile(biomarker: "{ copy_number: { gene: ERBB2, state: gain } }"), line: 6, token: "gain",
            "unknown copy-number state 'gain'")
    }

    @Test func duplicateRuleIds() {
        let second = """
              - id: r1
                title: Again
                reviewed: 2026-01-01
                biomarker: { msi: high }
                tumour_types: { bucket: all-solid }
                therapies: [pembrolizumab]
                category: immunotherapy
                effect: sensitivity
                evidence: { amp_level: A, source: regulatory, references: [{ type: other, text: x }], statement: S. }
            """
        expectOne(
            Self.ruleFile(extra: second), line: 16, token: "id: r1",
            "duplicate rule id 'r1' (first defined at test.yaml:3:5)")
    }

    @Test func therapiesMustBeNonEmptyLowercaseAndWellFormed() {
        expectOne(Self.ruleFile(therapies: "[]"), line: 8, token: "[]", "therapies must not be empty")
        expectOne(
            Self.ruleFile(therapies: "[Vemurafenib]"), line: 8, token: "Vemurafenib",
            "therapy 'Vemurafenib' must be lowercase")
        expectOne(
            Self.ruleFile(therapies: "[\"dabrafenib + \"]"), line: 8, token: "\"dabrafenib",
            "has an empty drug name")
        expectOne(
            Self.ruleFile(references: "[]"), line: 14, token: "[]", "references must not be empty")
    }

    @Test func identifiersInReferences() {
        expectOne(
            Self.ruleFile(references: "[{ type: pmid, pmid: PMID123 }]"), line: 14, token: "PMID123",
            "malformed PMID 'PMID123'")
        expectOne(
            Self.ruleFile(references: "[{ type: trial, nct: NCT123 }]"), line: 14, token: "NCT123",
            "malformed NCT id 'NCT123'")
        expectOne(
            Self.ruleFile(references: "[{ type: civic, eid: 1409 }]"), line: 14, token: "1409",
            "malformed CIViC evidence id '1409'")
    }

    @Test func criterionKeyCount() {
        expectOne(
            Self.ruleFile(biomarker: "{}"), line: 6, token: "{}", "exactly one criterion key (found none)")
        expectOne(
            Self.ruleFile(biomarker: "{ msi: high, hrd: positive }"), line: 6, token: "{ msi",
            "exactly one criterion key (found msi, hrd)")
        expectOne(
            Self.ruleFile(biomarker: "{ mutation: { gene: BRAF } }"), line: 6, token: "mutation",
            "unknown criterion 'mutation'")
    }

    @Test func bareNotNeedsSomethingPositive() {
        expectOne(
            Self.ruleFile(biomarker: "{ not: { protein: { gene: EGFR, change: C797S } } }"), line: 6,
            token: "{ not",
            "the biomarker needs nothing present")
        expectOne(
            Self.ruleFile(biomarker: "{ any: [{ msi: high }, { not: { msi: stable } }] }"), line: 6,
            token: "{ any",
            "the biomarker needs nothing present")
        // A `not` beside a positive criterion is fine.
        #expect(
            diagnostics(
                Self.ruleFile(
                    biomarker:
                        "{ all: [{ exon: { gene: EGFR, exon: 19 } }, { not: { protein: { gene: EGFR, change: C797S } } }] }"
                )
            ).isEmpty)
    }

    @Test func contradictions() {
        let opposite = """
              - id: r2
                title: Opposite
                reviewed: 2026-01-01
                biomarker: { protein: { gene: BRAF, change: V600E } }
                tumour_types: { include: [MEL] }
                therapies: [cobimetinib, vemurafenib]
                category: targeted
                effect: resistance
                evidence: { amp_level: D, source: preclinical, references: [{ type: other, text: x }], statement: S. }
            """
        expectOne(
            Self.ruleFile(extra: opposite), line: 16, token: "id: r2",
            "rule 'r2' (resistance) contradicts 'r1' (sensitivity) at test.yaml:3:5")
        // Other tumour types: no contradiction.
        #expect(
            diagnostics(Self.ruleFile(extra: opposite.replacingOccurrences(of: "[MEL]", with: "[NSCLC]")))
                .isEmpty)
    }

    @Test func malformedValues() {
        expectOne(Self.ruleFile(reviewed: "2026-02-30"), line: 5, token: "2026-02-30", "must be an ISO date")
        expectOne(
            Self.ruleFile(biomarker: "{ range: { gene: KIT, from: 592, to: 550 } }"), line: 6,
            token: "{ gene",
            "range from (592) must not exceed to (550)")
        expectOne(
            Self.ruleFile(biomarker: "{ protein: { gene: BRAF, change: V600E, min_vaf: 1.5 } }"), line: 6,
            token: "1.5", "min_vaf must be between 0.0 and 1.0")
        expectOne(
            Self.ruleFile(biomarker: "{ allele: { gene: BRAF, GRCh37: \"7:140453136:A\" } }"), line: 6,
            token: "\"7:", "malformed GRCh37 allele")
        expectOne(
            Self.ruleFile(biomarker: "{ fusion: { gene: ALK, five_prime: EML4 } }"), line: 6, token: "{ gene",
            "a fusion criterion takes five_prime + three_prime, five_prime or three_prime alone")
        expectOne(Self.ruleFile(id: "bad id!"), line: 3, token: "bad id!", "rule id 'bad id!' must match")
        expectOne(
            "rule_set: [1]\n", line: 1, token: "[1]", "rule_set must be a mapping")
    }

    @Test func reportsEveryErrorNotJustTheFirst() {
        let yaml = Self.ruleFile(
            biomarker: "{ protein: { gene: BRAF, change: V6OOE } }", tumourTypes: "{ include: [MELL] }",
            therapies: "[Vemurafenib]", category: "kinase")
        let found = diagnostics(yaml)
        #expect(found.map(\.line) == [6, 7, 8, 9])
    }

    @Test func yamlSyntaxErrorsCarryTheirPosition() {
        let found = diagnostics("rule_set: { id: t\nrules: [\n")
        #expect(found.count == 1)
        #expect(found.first?.line != nil)
        #expect(found.first?.message.hasPrefix("YAML syntax:") == true)
    }

    @Test func aliasBombsAreRefused() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = "*a\(level - 1)"
            yaml +=
                "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("more than 1000000 nodes") == true)
    }

    @Test func oversizedFilesAreRefused() throws {
        let directory = try TestData.temporaryDirectory()
        let path = directory.appendingPathComponent("big.yaml").path
        try Self.ruleFile().write(toFile: path, atomically: true, encoding: .utf8)
        let small = RuleLoader(
            vocabulary: TestVocabulary.vocabulary,
            limits: YAMLLimits(maxFileBytes: 100, maxNodes: 1000, maxDepth: 10, maxIncludeDepth: 2))
        #expect {
            try small.load(path: path)
        } throws: { error in
            (error as? RuleLoadError)?.diagnostics.first?.message.contains("over the limit of 100") == true
        }
    }

    @Test func includesResolveRelativelyAndCyclesAreReported() throws {
        let directory = try TestData.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let top = directory.appendingPathComponent("top.yaml").path
        try """
        rule_set: { id: t, version: "1", reviewed: 2026-01-01, licence: CC0 }
        include:
          - sub/a.yaml
        """.write(toFile: top, atomically: true, encoding: .utf8)
        try "include: [b.yaml]\n".write(
            to: directory.appendingPathComponent("sub/a.yaml"), atomically: true, encoding: .utf8)
        try "include: [../top.yaml]\n".write(
            to: directory.appendingPathComponent("sub/b.yaml"), atomically: true, encoding: .utf8)
        let error = try #require(throws: RuleLoadError.self) { try loader.load(path: top) }
        #expect(error.diagnostics.count == 1)
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.file.hasSuffix("sub/b.yaml"))
        #expect(diagnostic.line == 1)
        #expect(diagnostic.column == 11)
        #expect(diagnostic.message.contains("include cycle"))

        try "rules: []\n".write(
            to: directory.appendingPathComponent("sub/b.yaml"), atomically: true, encoding: .utf8)
        let set = try loader.load(path: top)
        #expect(set.sourceFiles.count == 3)

        try "include: [missing.yaml]\n".write(
            to: directory.appendingPathComponent("sub/b.yaml"), atomically: true, encoding: .utf8)
        let missing = try #require(throws: RuleLoadError.self) { try loader.load(path: top) }
        #expect(missing.diagnostics.first?.message.contains("cannot read rule file") == true)
        #expect(missing.diagnostics.first?.line == 1)
    }
}
