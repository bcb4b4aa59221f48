import Foundation
import TestSupport
import Testing

/// Runs the built `oncomatch` executable: `batch` and `cohort-merge`.
@Suite struct BatchCommandTests {
    private func contents(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
        }
        return files
    }

    @Test func batchThenMergeGiveTheSameTablesByteForByte() throws {
        let work = try TestData.temporaryDirectory()
        let batchOut = work.appendingPathComponent("batch")
        let reports = work.appendingPathComponent("reports")
        let run = try RulesCommandTests.run([
            "batch", TestData.fixture("cohort/examples.tsv"), "--out", batchOut.path, "--reports",
            reports.path,
            "--threads", "2",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "no progress line when stderr is not a terminal")
        let samples = [
            "melanoma", "ovarian", "aml", "colorectal", "negative-filtered", "negative-synonymous",
        ]
        let mergedOut = work.appendingPathComponent("merged")
        let merge = try RulesCommandTests.run(
            ["cohort-merge", "--out", mergedOut.path]
                + samples.map { reports.appendingPathComponent("\($0).json").path })
        #expect(merge.status == 0, "\(merge.stderr)")
        let batchFiles = try contents(batchOut)
        #expect(
            batchFiles.keys.sorted() == [
                "cohort-samples.tsv", "cohort-therapies.tsv", "cohort.html", "cohort.json",
            ])
        #expect(batchFiles == (try contents(mergedOut)))
        let therapies = String(decoding: batchFiles["cohort-therapies.tsv"]!, as: UTF8.self)
        #expect(therapies.contains("melanoma\tMEL\tdabrafenib + trametinib;"))
    }

    @Test func badSheetExitsOneWithLineAndColumn() throws {
        let work = try TestData.temporaryDirectory()
        let sheet = work.appendingPathComponent("sheet.tsv")
        try "sample\tinput\ttumour_type\tcolour\nS\tx.vcf\tMEL\tblue\n".write(
            to: sheet, atomically: true, encoding: .utf8)
        let run = try RulesCommandTests.run([
            "batch", sheet.path, "--out", work.appendingPathComponent("out").path,
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("sheet.tsv:1: colour: unknown column"))
    }

    @Test func firstFailureStopsWithoutATableAndKeepGoingRecordsIt() throws {
        let work = try TestData.temporaryDirectory()
        let stopped = work.appendingPathComponent("stopped")
        let run = try RulesCommandTests.run([
            "batch", TestData.fixture("cohort/with-broken.tsv"), "--out", stopped.path, "--quiet",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("sample 'broken'"))
        #expect(
            !FileManager.default.fileExists(atPath: stopped.appendingPathComponent("cohort-samples.tsv").path)
        )

        let kept = work.appendingPathComponent("kept")
        let keepGoing = try RulesCommandTests.run([
            "batch", TestData.fixture("cohort/with-broken.tsv"), "--out", kept.path, "--keep-going",
        ])
        #expect(keepGoing.status == 0, "\(keepGoing.stderr)")
        #expect(keepGoing.stderr.contains("1 of 3 samples failed"))
        let samples = try String(
            contentsOf: kept.appendingPathComponent("cohort-samples.tsv"), encoding: .utf8)
        #expect(samples.contains("\nbroken\tMEL\tfailed: "))
    }

    @Test func mergeRejectsAFileThatIsNotAReport() throws {
        let work = try TestData.temporaryDirectory()
        let bogus = work.appendingPathComponent("S1.json")
        try "{\"hello\": 1}".write(to: bogus, atomically: true, encoding: .utf8)
        let run = try RulesCommandTests.run([
            "cohort-merge", "--out", work.appendingPathComponent("o").path, bogus.path,
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("S1.json: schema_version: missing"))
    }
}

/// Interrupting `batch` (SIGINT) keeps finished per-sample reports, leaves no half-written or
/// temporary file, exits 130, and a rerun with `--skip-existing` completes the cohort with the
/// same tables as an uninterrupted run.
@Suite struct BatchInterruptionTests {
    @Test func sigintLeavesOnlyCompleteReportsAndARerunFinishes() throws {
        let work = try TestData.temporaryDirectory()
        // A sheet long enough to be interrupted mid-run: the example tumours, many times.
        var sheet = "sample\tinput\ttumour_type\n"
        let examples = [
            ("melanoma-braf-v600e.vcf", "MEL"), ("colorectal-hypermutated-mlh1.vcf", "COADREAD"),
            ("ovarian-brca1-frameshift.vcf", "HGSOC"),
        ]
        for index in 0..<150 {
            let (file, code) = examples[index % examples.count]
            sheet += "s\(index)\t\(TestData.fixture("examples/\(file)"))\t\(code)\n"
        }
        let sheetPath = work.appendingPathComponent("sheet.tsv").path
        try sheet.write(toFile: sheetPath, atomically: true, encoding: .utf8)
        let reports = work.appendingPathComponent("reports")
        let interruptedOut = work.appendingPathComponent("interrupted")

        let process = Process()
        process.executableURL = RulesCommandTests.executable
        process.arguments = [
            "batch", sheetPath, "--out", interruptedOut.path, "--reports", reports.path, "--threads", "2",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some reports exist, then interrupt.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let written = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
            if written.filter({ $0.hasSuffix(".json") }).count >= 6 { break }
            usleep(20_000)
        }
        process.interrupt()
        process.waitUntilExit()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
        if process.terminationStatus == 130 {
            #expect(names.allSatisfy { !$0.contains(".tmp-") }, "temporary files left: \(names)")
            #expect(
                !FileManager.default.fileExists(
                    atPath: interruptedOut.appendingPathComponent("cohort.json").path))
            // Every report present is complete JSON.
            for name in names where name.hasSuffix(".json") {
                let data = try #require(
                    FileManager.default.contents(atPath: reports.appendingPathComponent(name).path))
                #expect(
                    (try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is not complete JSON")
            }
        } else {
            // The run finished before the signal arrived: nothing to check about interruption.
            #expect(process.terminationStatus == 0)
        }

        let resumedOut = work.appendingPathComponent("resumed")
        let resumed = try RulesCommandTests.run([
            "batch", sheetPath, "--out", resumedOut.path, "--reports", reports.path, "--skip-existing",
        ])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let freshOut = work.appendingPathComponent("fresh")
        let fresh = try RulesCommandTests.run([
            "batch", sheetPath, "--out", freshOut.path, "--threads", "2",
        ])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        for table in ["cohort-therapies.tsv", "cohort-samples.tsv"] {
            let a = FileManager.default.contents(atPath: resumedOut.appendingPathComponent(table).path)
            let b = FileManager.default.contents(atPath: freshOut.appendingPathComponent(table).path)
            #expect(a != nil && a == b, "\(table) differs after resuming")
        }
    }

    /// A sheet named like a cohort table in the output folder, or a report given to cohort-merge
    /// from it, was replaced by the table: both are refused before anything runs.
    @Test func tablesNeverOverwriteTheirInputs() throws {
        let work = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let sheet = work.appendingPathComponent("cohort-samples.tsv").path
        let text =
            "sample\tinput\ttumour_type\nmelanoma\t\(TestData.fixture("examples/melanoma-braf-v600e.vcf"))\tMEL\n"
        try text.write(toFile: sheet, atomically: true, encoding: .utf8)
        let batch = try RulesCommandTests.run(["batch", sheet, "--out", work.path + "/."])
        #expect(batch.status == 2)
        #expect(batch.stderr.contains("is the sample sheet"))
        #expect(try String(contentsOfFile: sheet, encoding: .utf8) == text)
        let report = work.appendingPathComponent("cohort.json").path
        try "{}".write(toFile: report, atomically: true, encoding: .utf8)
        let merge = try RulesCommandTests.run(["cohort-merge", "--out", work.path, report])
        #expect(merge.status == 2)
        #expect(merge.stderr.contains("is the report"))
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "{}")
        // A sample named `cohort` whose reports share the tables' folder: its cohort.json was
        // replaced by the cohort table.
        let named = work.appendingPathComponent("named.tsv").path
        try text.replacingOccurrences(of: "melanoma\t", with: "cohort\t").write(
            toFile: named, atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent("out").path
        let clash = try RulesCommandTests.run(["batch", named, "--out", out, "--reports", out])
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("--out and --reports (sample 'cohort') name the same file"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
