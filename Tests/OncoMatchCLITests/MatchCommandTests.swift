import Foundation
import TestSupport
import Testing

/// Runs the built `oncomatch match` on the example tumours: output flags, the summary, exit
/// codes, rule options, sample selection, MAF and standard input.
@Suite struct MatchCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let melanoma = "Fixtures/examples/melanoma-braf-v600e.vcf"

    /// Runs `oncomatch` with `arguments` in `directory` (the package root by default, so
    /// `Fixtures/…` paths resolve as a user's would), reading standard input from `stdinPath`.
    static func run(_ arguments: [String], in directory: URL = TestData.packageRoot, stdinPath: String? = nil)
        throws -> Run
    {
        let process = Process()
        process.executableURL = RulesCommandTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdinPath {
            guard let handle = FileHandle(forReadingAtPath: stdinPath) else {
                throw CocoaError(.fileReadNoSuchFile)
            }
            process.standardInput = handle
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Every file below `directory`, relative, sorted (folders and the `Fixtures` link excluded).
    static func files(in directory: URL) -> [String] {
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let item = enumerator?.nextObject() as? String {
            if item == "Fixtures" || item.hasPrefix("Fixtures/") { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: directory.appendingPathComponent(item).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { found.append(item) }
        }
        return found.sorted()
    }

    static func json(_ path: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: path)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func ruleIds(_ report: [String: Any]) -> [String] {
        (report["matches"] as? [[String: Any]] ?? []).compactMap { $0["rule_id"] as? String }
    }

    // MARK: - Output files and summary

    /// Each flag alone writes its file (creating parent folders, leaving no temporary file), and
    /// the bytes equal the end-to-end golden file of the same run.
    @Test(arguments: ["json", "tsv", "html"])
    func eachOutputFlagWritesTheGoldenFile(format: String) throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("a/b/c/melanoma.\(format)")
        let result = try Self.run([
            "match", Self.melanoma, "--tumour-type", "MEL", "--report-date", "2026-11-30", "--\(format)",
            output.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
        #expect(Self.files(in: directory) == ["a/b/c/melanoma.\(format)"])
        let golden = try Data(
            contentsOf: URL(fileURLWithPath: TestData.fixture("golden/melanoma-braf-v600e.\(format)")))
        #expect(try Data(contentsOf: output) == golden)
    }

    @Test func allThreeFlagsTogetherWriteThreeFiles() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.run(
            [
                "match", Self.melanoma, "--tumour-type", "MEL", "--json", "out/r.json", "--tsv", "out/r.tsv",
                "--html",
                "out/r.html",
            ], in: try Self.linkedFixtures(in: directory))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.files(in: directory.appendingPathComponent("out")) == ["r.html", "r.json", "r.tsv"])
        let report = try Self.json(directory.appendingPathComponent("out/r.json"))
        // No --report-date: the key is absent, so the report is reproducible.
        #expect(report["report_date"] == nil)
        #expect((report["input"] as? [String: Any])?["path"] as? String == Self.melanoma)
    }

    @Test func timingsGoToStandardErrorAndLeaveTheReportAlone() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = try Self.linkedFixtures(in: directory)
        let plain = try Self.run(
            ["match", Self.melanoma, "--tumour-type", "MEL", "--json", "plain.json"], in: root)
        let timed = try Self.run(
            ["match", Self.melanoma, "--tumour-type", "MEL", "--json", "timed.json", "--timings"], in: root)
        #expect(plain.status == 0 && timed.status == 0, "\(plain.stderr)\(timed.stderr)")
        #expect(plain.stderr.isEmpty)
        let line = timed.stderr.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("oncomatch match: timings: load rules "), "\(line)")
        // Every phase of a run that writes a file, in order, then the total.
        let phases = [
            "load rules", "read input", "match", "build report", "input checksums", "render", "write",
        ]
        // A phase that kept more than one core busy also says its processor time: `(CPU 12.5 ms)`.
        let named = line.dropFirst("oncomatch match: timings: ".count).split(separator: ";")[0]
            .split(separator: ",").map { part -> String in
                let text = part.trimmingCharacters(in: .whitespaces)
                guard let open = text.range(of: " (CPU ") else { return text }
                #expect(text.hasSuffix(" ms)"), "\(text)")
                return String(text[..<open.lowerBound])
            }
        #expect(named.map { $0.components(separatedBy: " ").dropLast(2).joined(separator: " ") } == phases)
        #expect(named.allSatisfy { $0.hasSuffix(" ms") })
        #expect(line.contains("; total "))
        // The report is the same bytes with or without timings.
        let plainBytes = try Data(contentsOf: directory.appendingPathComponent("plain.json"))
        let timedBytes = try Data(contentsOf: directory.appendingPathComponent("timed.json"))
        #expect(plainBytes == timedBytes)
        // Without a report file there is nothing to render or write: only the phases run are named.
        let summary = try Self.run(["match", Self.melanoma, "--tumour-type", "MEL", "--timings"], in: root)
        #expect(summary.stderr.contains("input checksums") && !summary.stderr.contains("render"))
        #expect(summary.stdout.hasSuffix("verify findings before any clinical use.\n"))
    }

    @Test func withoutOutputFlagsASummaryIsPrinted() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.run(
            ["match", Self.melanoma, "--tumour-type", "MEL"], in: try Self.linkedFixtures(in: directory))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "TUMOR — Melanoma (MEL), GRCh38")
        #expect(lines.contains("Therapy matches (1):"))
        #expect(
            lines.contains(
                "  [I-A] sensitivity: dabrafenib + trametinib | vemurafenib + cobimetinib | encorafenib + binimetinib"
                    + " — BRAF p.V600E (on-label, rule tgt-braf-v600-melanoma)"))
        // The colorectal encorafenib + cetuximab regimen is not suggested off-label in melanoma.
        #expect(!result.stdout.contains("cetuximab"))
        #expect(lines.contains("Read 4 records (0 skipped, 0 filtered); annotation: VEP CSQ."))
        #expect(result.stdout.hasSuffix("verify findings before any clinical use.\n"))
        // Nothing written next to the run.
        #expect(Self.files(in: directory) == [])
    }

    // MARK: - Exit codes

    @Test func noMatchIsStillSuccess() throws {
        let result = try Self.run([
            "match", "Fixtures/examples/negative-synonymous-hotspot.vcf", "--tumour-type", "MEL",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("No therapy matches."))
        #expect(
            result.stdout.contains(
                "  BRAF p.V600=: synonymous; rules need V600E, V600K or a BRAF (3′ partner) fusion"))
    }

    @Test func malformedRecordFailsInStrictModeAndIsSkippedOtherwise() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(
            contentsOfFile: TestData.fixture("examples/melanoma-braf-v600e.vcf"), encoding: .utf8)
        let broken = directory.appendingPathComponent("broken.vcf")
        try text.replacingOccurrences(of: "chr9\t21970917\t", with: "chr9\tabc\t")
            .write(to: broken, atomically: true, encoding: .utf8)
        let json = directory.appendingPathComponent("strict.json")
        let strict = try Self.run([
            "match", broken.path, "--tumour-type", "MEL", "--strict", "--json", json.path,
        ])
        #expect(strict.status == 1)
        #expect(strict.stderr.hasPrefix("oncomatch match: \(broken.path):"))
        #expect(strict.stderr.contains("POS"))
        #expect(!FileManager.default.fileExists(atPath: json.path))

        let lenient = try Self.run(["match", broken.path, "--tumour-type", "MEL"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stdout.contains("Read 3 records (1 skipped, 0 filtered)"))
        #expect(lenient.stdout.contains("Therapy matches (1):"))
    }

    @Test func invalidRuleFileExitsOne() throws {
        let result = try Self.run([
            "match", Self.melanoma, "--tumour-type", "MEL", "--rules", "Fixtures/rules/invalid.yaml",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Fixtures/rules/invalid.yaml:13:17: therapy 'Pembrolizumab'"))
        #expect(result.stdout.isEmpty)
    }

    @Test func missingInputExitsTwo() throws {
        let result = try Self.run(["match", "Fixtures/examples/no-such-tumour.vcf", "--tumour-type", "MEL"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "oncomatch match: Fixtures/examples/no-such-tumour.vcf: cannot open: No such file or directory\n"
        )
    }

    @Test func unknownTumourTypeListsCloseMatchesAndWritesNoFile() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.run([
            "match", Self.melanoma, "--tumour-type", "MELL", "--json",
            directory.appendingPathComponent("out.json").path,
            "--tsv", directory.appendingPathComponent("sub/out.tsv").path,
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr == "oncomatch match: unknown OncoTree code 'MELL'; did you mean MEL, MELC, FLC?\n")
        #expect(Self.files(in: directory) == [])
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("sub").path))
    }

    @Test(arguments: [
        (["--filter", "some"], "--filter must be pass or all"),
        (["--msi", "maybe"], "--msi: unknown status 'maybe'"),
        (["--tmb-target-mb", "30", "--target", "x.bed"], "give --tmb-target-mb or --target, not both"),
        (["--no-such-flag"], "Unknown option '--no-such-flag'"),
    ])
    func usageErrorsExitTwo(extra: [String], message: String) throws {
        let result = try Self.run(["match", Self.melanoma, "--tumour-type", "MEL"] + extra)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func missingTumourTypeIsAUsageError() throws {
        let result = try Self.run(["match", Self.melanoma])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Missing expected argument '--tumour-type <tumour-type>'"))
    }

    /// GRCh37 copy-number segments are mapped with the bundled GRCh37 gene spans: the PCGR colon
    /// tumour's ERBB2 amplification (17:37756263-38156253, 8+1 copies) matches the HER2 rules.
    @Test(.enabled(if: TestData.hasSharedData))
    func grch37CopyNumberIsMappedToGenes() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("out.json")
        let result = try Self.run([
            "match", TestData.shared("tumours/pcgr/T001-COAD.grch37.vcf.gz"), "--tumour-type", "COADREAD",
            "--copy-number", TestData.shared("tumours/pcgr/T001-COAD.grch37.cna.tsv"), "--json", json.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.json(json)
        #expect((report["input"] as? [String: Any])?["build"] as? String == "GRCh37")
        #expect(Self.ruleIds(report).contains("tgt-erbb2-amplification-breast"))
        #expect(
            (report["warnings"] as? [String] ?? []).contains(
                "no verifiable GRCh37 coordinates are shipped for KIAA1549, MSH6, PDGFRA, ROS1; their copy "
                    + "number is not called"))
    }

    // MARK: - Rules

    @Test func customRulesWithoutTheDefaultKnowledgeBase() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("custom.json")
        let result = try Self.run([
            "match", Self.melanoma, "--tumour-type", "MEL", "--rules", "Fixtures/rules/valid.yaml",
            "--no-default-rules", "--json", json.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.json(json)
        let rules = try #require(report["rules"] as? [String: Any])
        #expect(rules["id"] as? String == "fixture-valid")
        #expect(Self.ruleIds(report).contains("fixture-allele"))
        #expect(Self.ruleIds(report).allSatisfy { $0.hasPrefix("fixture-") })
    }

    @Test func customRulesAddToTheDefaultKnowledgeBase() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("merged.json")
        let result = try Self.run([
            "match", Self.melanoma, "--tumour-type", "MEL", "--rules", "Fixtures/rules/valid.yaml", "--json",
            json.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let ids = Self.ruleIds(try Self.json(json))
        #expect(ids.contains("tgt-braf-v600-melanoma"))
        let supporting = (try Self.json(json)["matches"] as? [[String: Any]] ?? [])
            .flatMap { $0["supporting_rule_ids"] as? [String] ?? [] }
        #expect(supporting.contains("fixture-allele"))
    }

    @Test func noDefaultRulesAloneIsAnError() throws {
        let result = try Self.run(["match", Self.melanoma, "--tumour-type", "MEL", "--no-default-rules"])
        #expect(result.status == 2)
        #expect(
            result.stderr == "oncomatch match: no rules: --no-default-rules needs at least one --rules FILE\n"
        )
    }

    // MARK: - Report date, samples, MAF, standard input

    @Test func reportDateAppearsInTheJSON() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("dated.json")
        let result = try Self.run([
            "match", Self.melanoma, "--tumour-type", "MEL", "--report-date", "2026-12-01", "--json",
            json.path,
        ])
        #expect(result.status == 0)
        #expect(try Self.json(json)["report_date"] as? String == "2026-12-01")
    }

    @Test func sampleAndNormalChooseTheColumns() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("swapped.json")
        // Swapped on purpose: BRAF V600E is then in the "normal" and cannot match.
        let result = try Self.run([
            "match", Self.melanoma, "--tumour-type", "MEL", "--sample", "NORMAL", "--normal", "TUMOR",
            "--json",
            json.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.json(json)
        let sample = try #require(report["sample"] as? [String: Any])
        #expect(sample["name"] as? String == "NORMAL")
        #expect(sample["normal"] as? String == "TUMOR")
        #expect(Self.ruleIds(report).isEmpty)
    }

    @Test func unknownSampleNameIsAnError() throws {
        let result = try Self.run(["match", Self.melanoma, "--tumour-type", "MEL", "--sample", "NOPE"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "oncomatch match: \(Self.melanoma): #CHROM: no sample named 'NOPE' for the tumour "
                + "(samples: TUMOR, NORMAL)\n")
    }

    @Test func mafInputWithSample() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("maf.json")
        let result = try Self.run([
            "match", "Fixtures/maf/cohort.maf", "--tumour-type", "MEL", "--sample", "TUMOUR-A", "--json",
            json.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.json(json)
        #expect((report["input"] as? [String: Any])?["format"] as? String == "maf")
        #expect((report["sample"] as? [String: Any])?["name"] as? String == "TUMOUR-A")
        #expect(Self.ruleIds(report).first == "tgt-braf-v600-melanoma")

        let ambiguous = try Self.run(["match", "Fixtures/maf/cohort.maf", "--tumour-type", "MEL"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("the MAF holds 3 samples; choose one with --sample"))
    }

    @Test func standardInputGivesTheSameMatches() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("stdin.json")
        let result = try Self.run(
            ["match", "-", "--tumour-type", "MEL", "--json", json.path],
            stdinPath: TestData.fixture("examples/melanoma-braf-v600e.vcf"))
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.json(json)
        let input = try #require(report["input"] as? [String: Any])
        #expect(input["path"] as? String == "-")
        let fromFile = try Self.json(
            URL(fileURLWithPath: TestData.fixture("golden/melanoma-braf-v600e.json")))
        // A VCF is hashed as it streams in, so even standard input gets the file's checksum.
        #expect(input["sha256"] as? String == (fromFile["input"] as? [String: Any])?["sha256"] as? String)
        #expect(Self.ruleIds(report) == Self.ruleIds(fromFile))
    }

    // MARK: - README

    /// The main command of README.md (under `<!-- main-command -->`), run with the same arguments
    /// after `oncomatch`, from a folder where `Fixtures/` resolves as at the package root.
    @Test func readmeMainCommandWorks() throws {
        let readme = try String(
            contentsOf: TestData.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let afterMarker = try #require(readme.range(of: "<!-- main-command -->")).upperBound
        let block = readme[afterMarker...].split(separator: "\n").dropFirst().first { !$0.hasPrefix("```") }
        let command = try #require(block.map(String.init))
        let invocation = try #require(
            command.components(separatedBy: "&&").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.contains(" oncomatch ") })
        let words = invocation.split(separator: " ").map(String.init)
        let tool = try #require(words.firstIndex(of: "oncomatch"))
        #expect(words[..<tool].joined(separator: " ").hasPrefix("swift run"))
        let arguments = Array(words[(tool + 1)...])
        #expect(arguments.first == "match")

        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.run(arguments, in: try Self.linkedFixtures(in: directory))
        #expect(result.status == 0, "\(result.stderr)")
        let outputs = zip(arguments, arguments.dropFirst()).filter {
            ["--json", "--tsv", "--html"].contains($0.0)
        }
        .map(\.1)
        #expect(outputs.count == 3)
        for output in outputs {
            #expect(
                FileManager.default.fileExists(atPath: directory.appendingPathComponent(output).path),
                "\(output)")
        }
    }

    /// `directory` with a `Fixtures` link to the package's, so relative fixture paths work while
    /// outputs land in `directory`.
    static func linkedFixtures(in directory: URL) throws -> URL {
        try FileManager.default.createSymbolicLink(
            at: directory.appendingPathComponent("Fixtures"),
            withDestinationURL: TestData.packageRoot.appendingPathComponent("Fixtures"))
        return directory
    }
}
