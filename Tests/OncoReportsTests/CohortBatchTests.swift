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
