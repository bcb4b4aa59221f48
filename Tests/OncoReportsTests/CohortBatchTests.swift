import Foundation
import OncoDomain
import OncoRules
import Synchronization
import TestSupport
import Testing

@testable import OncoReports

@Suite struct CohortBatchTests {
    static let rules: CompiledRuleSet = try! CohortBatch(
        sheet: .init(file: "", entries: []), options: .init()
    )
    .compiledRules()
    static let oncoTree = try! OncoTree.bundled()

    private func run(_ sheet: SampleSheet, _ options: CohortBatch.Options) throws -> CohortTable {
        try CohortBatch(sheet: sheet, options: options).run(rules: Self.rules, oncoTree: Self.oncoTree)
    }

    private var examples: SampleSheet {
        get throws { try SampleSheet.load(path: TestData.fixture("cohort/examples.tsv")) }
    }

    private func row(_ table: CohortTable, _ sample: String, therapy: String) -> CohortTherapyRow? {
        table.results.first { $0.sample == sample }?.therapyRows.first { $0.therapies.contains(therapy) }
    }

    @Test func examplesGiveTheExpectedOptions() throws {
        let sheet = try examples
        let table = try run(sheet, .init(threads: 2))
        #expect(table.results.map(\.sample) == sheet.entries.map(\.sample))
        #expect(table.results.allSatisfy { $0.status == .ok })
        let melanoma = try #require(row(table, "melanoma", therapy: "dabrafenib + trametinib"))
        #expect(melanoma.ampTier == "I-A")
        #expect(melanoma.onLabel)
        #expect(melanoma.effect == "sensitivity")
        #expect(melanoma.alterations == ["BRAF V600E"])
        #expect(row(table, "ovarian", therapy: "olaparib")?.ampTier == "I-A")
        #expect(row(table, "aml", therapy: "enasidenib")?.ampTier == "I-A")
        #expect(row(table, "colorectal", therapy: "pembrolizumab")?.ampTier == "I-A")
        #expect(table.results.first { $0.sample == "colorectal" }?.msi == "high")
        #expect(table.results.first { $0.sample == "negative-filtered" }?.therapyRows.isEmpty == true)
    }

    @Test func outputIsIdenticalWithOneOrTwoThreads() throws {
        let one = try TestData.temporaryDirectory().path
        let two = try TestData.temporaryDirectory().path
        let single = try run(try examples, .init(threads: 1, reportsDirectory: one))
        let double = try run(try examples, .init(threads: 2, reportsDirectory: two))
        for file in CohortTable.File.allCases {
            #expect(single.render(file) == double.render(file), "\(file)")
        }
        for entry in try examples.entries {
            for format in ReportFormat.allCases {
                let name = "\(entry.sample).\(format.fileExtension)"
                #expect(
                    FileManager.default.contents(atPath: one + "/" + name)
                        == FileManager.default.contents(atPath: two + "/" + name), "\(name)")
            }
        }
    }

    @Test func keepGoingRecordsTheBrokenSampleAndGoesOn() throws {
        let sheet = try SampleSheet.load(path: TestData.fixture("cohort/with-broken.tsv"))
        let table = try run(sheet, .init(threads: 2, keepGoing: true))
        #expect(table.results.map(\.sample) == ["melanoma", "broken", "aml"])
        #expect(table.results[0].status == .ok)
        #expect(table.results[2].status == .ok)
        guard case .failed(let message) = table.results[1].status else {
            Issue.record("expected a failed status")
            return
        }
        #expect(message.contains("broken.vcf"))
        #expect(message.contains("not a VCF"))
    }

    @Test func withoutKeepGoingTheFirstFailureStopsTheRun() throws {
        let sheet = try SampleSheet.load(path: TestData.fixture("cohort/with-broken.tsv"))
        do {
            _ = try run(sheet, .init(threads: 2))
            Issue.record("expected the run to fail")
        } catch let failure as CohortBatch.SampleFailure {
            #expect(failure.sample == "broken")
            #expect(failure.line == 3)
            #expect(failure.description.contains("with-broken.tsv:3"))
        }
    }

    @Test func skipExistingRebuildsRowsFromTheReports() throws {
        let reports = try TestData.temporaryDirectory().path
        let first = try run(try examples, .init(threads: 2, reportsDirectory: reports))
        // Change the stored melanoma report: the rerun must show the stored value, not recompute.
        let path = reports + "/melanoma.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"msi\": \"unknown\"", with: "\"msi\": \"stable\"")
        #expect(edited != text)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let reused = Mutex(0)
        let second = try CohortBatch(
            sheet: try examples, options: .init(threads: 2, reportsDirectory: reports, skipExisting: true)
        ).run(rules: Self.rules, oncoTree: Self.oncoTree) { progress in
            reused.withLock { $0 = progress.reused }
        }
        #expect(reused.withLock { $0 } == 6)
        #expect(second.results[0].msi == "stable")
        var expected = first.results
        expected[0].msi = "stable"
        #expect(second.results == expected)
    }

    @Test func mergingTheReportsGivesTheBatchTables() throws {
        let reports = try TestData.temporaryDirectory().path
        let batch = try run(try examples, .init(threads: 2, reportsDirectory: reports))
        let merged = CohortTable(
            results: try examples.entries.map {
                try CohortReportReader.read(path: reports + "/\($0.sample).json")
            })
        for file in CohortTable.File.allCases {
            #expect(batch.render(file) == merged.render(file), "\(file)")
        }
    }

    @Test func mafCohortIsReadOnceAndMatchesSingleSampleRuns() throws {
        let maf = TestData.fixture("maf/cohort.maf")
        let sheet = try ClinicalSampleTable.load(
            path: TestData.fixture("cohort/maf-clinical.tsv"), mafPath: maf)
        let table = try run(sheet, .init(threads: 2))
        #expect(table.results.map(\.sample) == ["TUMOUR-A", "TUMOUR-B", "TUMOUR-C"])
        #expect(row(table, "TUMOUR-C", therapy: "dabrafenib + trametinib")?.ampTier == "I-A")
        #expect(row(table, "TUMOUR-B", therapy: "alpelisib + fulvestrant")?.ampTier == "I-A")
        for entry in sheet.entries {
            let report = try MatchJob.run(
                .init(inputPath: maf, tumourType: entry.tumourType, sample: entry.sample), rules: Self.rules,
                oncoTree: Self.oncoTree)
            let single = try CohortSampleResult(sample: entry.sample, report: report)
            #expect(table.results.first { $0.sample == entry.sample } == single, "\(entry.sample)")
        }
    }

    /// Rows of `cohort.maf` repeated for `copies` × 3 samples (`T<copy>-A|B|C`), interleaved so that
    /// every sample has rows all over the file, with malformed rows of `broken.maf` among them;
    /// with its clinical table of `samples` of them.
    private func interleavedMAFCohort(copies: Int, samples: [Int]) throws -> (maf: String, sheet: SampleSheet)
    {
        let cohort = try String(contentsOfFile: TestData.fixture("maf/cohort.maf"), encoding: .utf8)
        let broken = try String(contentsOfFile: TestData.fixture("maf/broken.maf"), encoding: .utf8)
        let lines = cohort.split(separator: "\n").map(String.init)
        let header = lines.prefix { $0.hasPrefix("#") || $0.hasPrefix("Hugo_Symbol") }
        let badRows = broken.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("Hugo") }
        var text = header.joined(separator: "\n") + "\n"
        for (rowNumber, row) in lines.dropFirst(header.count).enumerated() {
            for copy in 1...copies {
                text += row.replacingOccurrences(of: "TUMOUR-", with: "T\(copy)-") + "\n"
                if copy % 97 == 0 { text += badRows[(rowNumber + copy) % badRows.count] + "\n" }
            }
        }
        let directory = try TestData.temporaryDirectory()
        let maf = directory.appendingPathComponent("interleaved.maf").path
        try text.write(toFile: maf, atomically: true, encoding: .utf8)
        var clinical = "PATIENT_ID\tSAMPLE_ID\tONCOTREE_CODE\n"
        for copy in samples {
            clinical +=
                "P\(copy)-A\tT\(copy)-A\tCOADREAD\nP\(copy)-B\tT\(copy)-B\tBRCA\nP\(copy)-C\tT\(copy)-C\tMEL\n"
        }
        let clinicalPath = directory.appendingPathComponent("clinical.tsv").path
        try clinical.write(toFile: clinicalPath, atomically: true, encoding: .utf8)
        return (maf, try ClinicalSampleTable.load(path: clinicalPath, mafPath: maf))
    }

    @Test func mafCohortReadInPartsIsIdenticalWithAnyThreadCount() throws {
        let (maf, sheet) = try interleavedMAFCohort(copies: 160, samples: [1, 2, 80, 159, 160])
        let source = try CohortMAFSource(path: maf, rules: Self.rules, strict: false, threads: 2)
        #expect(source.parts.count > 1, "the MAF should be read in several parts")
        #expect(source.statistics.rowsSkipped > 0)
        var directories: [String] = []
        var tables: [CohortTable] = []
        for threads in [1, 2, 3] {
            let directory = try TestData.temporaryDirectory().path
            directories.append(directory)
            tables.append(try run(sheet, .init(threads: threads, reportsDirectory: directory)))
        }
        for table in tables.dropFirst() {
            for file in CohortTable.File.allCases {
                #expect(tables[0].render(file) == table.render(file), "\(file)")
            }
        }
        for entry in sheet.entries {
            for format in ReportFormat.allCases {
                let name = "\(entry.sample).\(format.fileExtension)"
                let reference = FileManager.default.contents(atPath: directories[0] + "/" + name)
                #expect(reference != nil)
                for directory in directories.dropFirst() {
                    #expect(
                        FileManager.default.contents(atPath: directory + "/" + name) == reference, "\(name)")
                }
            }
        }
        // Each sample's row is what a single-sample run over the whole file gives, except that the
        // cohort's skipped rows are those of the whole file (a single-sample run does not check
        // the rows of other samples), as a serial load counts them.
        var index = VariantIndex(samples: [], genesOfInterest: nil)
        let serial = try MAFAlterationLoader(options: .init(isLenient: true)).load(path: maf, into: &index)
        #expect(source.statistics.rowsSkipped == serial.rowsSkipped)
        #expect(source.statistics.rowsRead == serial.rowsRead)
        for entry in sheet.entries.prefix(3) {
            let report = try MatchJob.run(
                .init(inputPath: maf, tumourType: entry.tumourType, sample: entry.sample), rules: Self.rules,
                oncoTree: Self.oncoTree)
            var single = try CohortSampleResult(sample: entry.sample, report: report)
            single.recordsSkipped = serial.rowsSkipped
            #expect(tables[1].results.first { $0.sample == entry.sample } == single, "\(entry.sample)")
        }
    }

    @Test func gzipMAFCohortIsStreamedAndGivesTheSameTables() throws {
        let (maf, sheet) = try interleavedMAFCohort(copies: 160, samples: [3, 90])
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -k \"$0\"", maf]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0)
        let compressedSheet = SampleSheet(
            file: sheet.file,
            entries: sheet.entries.map { entry in
                var copy = entry
                copy.inputPath = maf + ".gz"
                return copy
            })
        let source = try CohortMAFSource(path: maf + ".gz", rules: Self.rules, strict: false, threads: 2)
        #expect(source.parts.count == 1)
        let plain = try run(sheet, .init(threads: 2))
        let compressed = try run(compressedSheet, .init(threads: 2))
        for file in CohortTable.File.allCases {
            #expect(plain.render(file) == compressed.render(file), "\(file)")
        }
    }

    @Test func mafSampleWithoutRowsFails() throws {
        let maf = TestData.fixture("maf/cohort.maf")
        let sheet = SampleSheet(
            file: "clinical.tsv",
            entries: ["TUMOUR-A", "NO-SUCH"].map {
                SampleSheet.Entry(sample: $0, inputPath: maf, tumourType: "MEL", inputSample: $0)
            })
        let table = try run(sheet, .init(threads: 1, keepGoing: true))
        #expect(table.results[0].status == .ok)
        #expect(table.results[1].status.text.contains("no row of sample 'NO-SUCH'"))
    }

    @Test func sharedMultiSampleInputNamesTheColumnBySample() throws {
        let vcf = TestData.fixture("examples/melanoma-braf-v600e.vcf")
        let sheet = try SampleSheet.parse(
            "sample\ttumour_type\nTUMOR\tMEL\n", file: "s.tsv", baseDirectory: ".", sharedInput: vcf)
        let table = try run(sheet, .init(threads: 1))
        #expect(row(table, "TUMOR", therapy: "dabrafenib + trametinib")?.ampTier == "I-A")
    }
}
