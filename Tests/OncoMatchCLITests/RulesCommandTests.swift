import Foundation
import OncoDomain
import TestSupport
import Testing

/// Runs the built `oncomatch` executable on rule files.
@Suite struct RulesCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("oncomatch")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return TestData.packageRoot.appendingPathComponent(".build/debug/oncomatch")
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func checkAcceptsAValidFileAndSummarises() throws {
        let result = try Self.run(["rules", "check", TestData.fixture("rules/gene-free.yaml")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rule set fixture-gene-free 1: 3 rules in 1 file(s)"))
        #expect(result.stdout.contains("by category: immunotherapy 1, targeted 2"))
        #expect(result.stdout.contains("by AMP level: A 2, C 1"))
        #expect(result.stdout.contains("ERBB2 1"))
        #expect(result.stderr.isEmpty)
    }

    @Test func checkReportsEveryProblemWithItsPositionAndExitsOne() throws {
        let path = TestData.fixture("rules/invalid.yaml")
        let result = try Self.run(["rules", "check", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("\(path):13:17: therapy 'Pembrolizumab' must be lowercase"))
        #expect(lines[1].hasPrefix("\(path):14:15: unknown category 'checkpoint'"))
        #expect(lines[2].hasPrefix("\(path):20:31: malformed PMID 'PMID28596308'"))
        #expect(lines[3] == "oncomatch: 3 problem(s) found")
    }

    @Test func checkExitsTwoOnUnreadableFiles() throws {
        let result = try Self.run(["rules", "check", "/nonexistent/rules.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read '/nonexistent/rules.yaml'"))
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try Self.run(["rules", "list", "--no-such-flag"])
        #expect(result.status == 64 || result.status == 2)
    }

    @Test func listJSONHasOneObjectPerRule() throws {
        let result = try Self.run(["rules", "list", "--json", TestData.fixture("rules/gene-free.yaml")])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Array(object.keys) == ["rules"])
        let rules = try #require(object["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["fixture-msi", "fixture-ntrk", "fixture-erbb2"])
        let expectedKeys: Set<String> = [
            "id", "title", "genes", "criteria", "tumour_types", "therapies", "category", "effect",
            "amp_level",
            "source", "references", "uncertain", "reviewed", "location",
        ]
        for rule in rules { #expect(expectedKeys.isSubset(of: Set(rule.keys))) }
        let ntrk = rules[1]
        #expect(ntrk["genes"] as? [String] == ["NTRK1", "NTRK2", "NTRK3"])
        #expect(ntrk["therapies"] as? [String] == ["larotrectinib", "entrectinib"])
        #expect(
            ntrk["criteria"] as? String
                == "any of (NTRK1 (any partner) fusion; NTRK2 (any partner) fusion; NTRK3 (any partner) fusion)"
        )
        #expect(ntrk["references"] as? [String] == ["Trial NAVIGATE (NCT02576431)"])
        #expect((ntrk["tumour_types"] as? [String: Any])?["bucket"] as? String == "any")
        // Deterministic output.
        #expect(
            try Self.run(["rules", "list", "--json", TestData.fixture("rules/gene-free.yaml")]).stdout
                == result.stdout)
    }

    @Test func listTextShowsReadableCriteria() throws {
        let result = try Self.run(["rules", "list", TestData.fixture("rules/gene-free.yaml")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("fixture-erbb2 — ERBB2 amplification"))
        #expect(result.stdout.contains("  biomarker:    ERBB2 amplification"))
        #expect(result.stdout.contains("  therapies:    larotrectinib | entrectinib"))
    }

    /// Needs the domain library's real OncoTree and protein parser (skipped before they merge).
    @Test(.enabled(if: ProteinChange.parse("V600E") != nil && (try? OncoTree.bundled())?.node("MEL") != nil))
    func checkAcceptsTheFullValidFixture() throws {
        let result = try Self.run(["rules", "check", TestData.fixture("rules/valid.yaml")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("11 rules in 2 file(s)"))
    }

    @Test(.enabled(if: TestData.hasSharedData))
    func importCIViCWritesARuleFileAndAReport() throws {
        let output = try TestData.temporaryDirectory().appendingPathComponent("civic.yaml").path
        let result = try Self.run([
            "rules", "import-civic",
            TestData.shared("knowledge/civic-2018/nightly-ClinicalEvidenceSummaries.2018-05-18.tsv"), "-o",
            output,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("CIViC import: 2525 evidence items, 1575 predictive, "))
        #expect(result.stderr.contains("does-not-support: 121"))
        let yaml = try String(contentsOfFile: output, encoding: .utf8)
        #expect(yaml.contains("rule_set:"))
        #expect(yaml.contains("- { type: civic, eid: EID"))
    }

    /// `-o` naming the evidence file once replaced the CIViC dump with the rule file.
    @Test func importCIViCRefusesToWriteOverItsInput() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let evidence = directory.appendingPathComponent("evidence.tsv").path
        let text = "gene\tvariant\tdisease\tdrugs\tevidence_type\n"
        try text.write(toFile: evidence, atomically: true, encoding: .utf8)
        let result = try Self.run([
            "rules", "import-civic", evidence, "-o", directory.path + "/./evidence.tsv",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is the evidence TSV"))
        #expect(try String(contentsOfFile: evidence, encoding: .utf8) == text)
    }
}
