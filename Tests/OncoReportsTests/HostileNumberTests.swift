import Foundation
import GenomicFormats
import OncoDomain
import OncoReports
import TestSupport
import Testing

/// Numbers at the edge of `Int` in every input `match` reads: each once trapped the process on an
/// arithmetic overflow (found by the `match` fuzz harness and by hand). Now a position near
/// `Int.max` matches, read counts whose sum overflows make a malformed record (skipped and
/// counted, or an error naming file, line and field in strict mode), and side files with such
/// totals are errors.
@Suite("Hostile numbers in match inputs")
struct HostileNumberTests {
    static let melanoma = TestData.fixture("examples/melanoma-braf-v600e.vcf")
    static let largest = "9223372036854775807"

    private func run(_ request: MatchJob.Request) throws -> MatchReport {
        try MatchJob.run(request, rules: try GoldenMatchCase.bundledRules(), oncoTree: try OncoTree.bundled())
    }

    /// The melanoma example with `original` replaced by `replacement` (once, on the line it is on),
    /// written to `directory`.
    private func melanoma(replacing original: String, with replacement: String, in directory: URL) throws
        -> String
    {
        let text = try String(contentsOfFile: Self.melanoma, encoding: .utf8)
        let range = try #require(text.range(of: original))
        let path = directory.appendingPathComponent("tumour.vcf").path
        try text.replacingCharacters(in: range, with: replacement).write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func positionNearTheLargestIntIsRead() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try melanoma(
            replacing: "chr7\t140753336\t", with: "chr7\t\(Self.largest)\t", in: directory)
        let report = try run(MatchJob.Request(inputPath: path, tumourType: "MEL"))
        #expect(report.qc.recordsSkipped == 0)
        // BRAF V600E is now at a position no rule names: it matches at the protein level still.
        #expect(report.matches.contains { $0.genes == ["BRAF"] })
    }

    @Test(arguments: [
        ("0/1:30,12:0.286:42", "0/1:30,\(largest):0.286:42"),
        ("0/1:30,12:0.286:42", "0/1:\(largest),12:0.286:42"),
        ("0/1:30,12:0.286:42", "0/1:-9223372036854775808,-1:0.286:42"),
    ])
    func alleleDepthsSummingPastTheLargestIntMakeAMalformedRecord(original: String, replacement: String)
        throws
    {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try melanoma(replacing: original, with: replacement, in: directory)
        let lenient = try run(MatchJob.Request(inputPath: path, tumourType: "MEL"))
        #expect(lenient.qc.recordsSkipped == 1)
        #expect(lenient.qc.skippedExamples.first?.contains("FORMAT/AD") == true)
        #expect(throws: FormatError.self) {
            try run(MatchJob.Request(inputPath: path, tumourType: "MEL", strict: true))
        }
    }

    /// A VAF beyond what an `Int` holds once scaled for two decimals (explanations print it).
    @Test(arguments: ["1e19", "-1e300", "1e300"])
    func hugeAlleleFractionIsReportedInEveryFormat(fraction: String) throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try melanoma(
            replacing: "0/1:31,24:0.436:55", with: "0/1:31,24:\(fraction):55", in: directory)
        let report = try run(MatchJob.Request(inputPath: path, tumourType: "MEL"))
        for format in ReportFormat.allCases { #expect(try !format.writer.renderBytes(report).isEmpty) }
    }

    @Test(arguments: [1e300, 1_000_001, .infinity, .nan])
    func statedTerritoryBeyondAnyGenomeIsAnError(megabases: Double) throws {
        #expect(throws: MatchJob.RequestError.self) {
            try run(MatchJob.Request(inputPath: Self.melanoma, tumourType: "MEL", targetMegabases: megabases))
        }
        let sheet = "sample\tinput\ttumour_type\ttarget_mb\nS1\tx.vcf\tMEL\t\(megabases)\n"
        let error = try #require(throws: SampleSheetError.self) {
            try SampleSheet.parse(sheet, file: "sheet.tsv", baseDirectory: "/")
        }
        #expect(error.message.contains("at most 1000000"))
        // The library type saturates rather than trap when a caller skips the check.
        if !(megabases < 1e12) { #expect(CallableTerritory(megabases: megabases).bases == Int.max) }
    }

    @Test func targetBedCoveringMoreBasesThanAnIntCountsIsAnError() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bed = directory.appendingPathComponent("target.bed").path
        try "chr1\t0\t\(Self.largest)\nchr2\t0\t\(Self.largest)\n".write(
            toFile: bed, atomically: true, encoding: .utf8)
        let error = try #require(throws: FormatError.self) {
            try run(MatchJob.Request(inputPath: Self.melanoma, tumourType: "MEL", targetBED: bed))
        }
        #expect(error.file == bed && error.field == "chromEnd")
    }

    @Test func copyNumberTotalPastTheLargestIntIsAnError() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let segments = directory.appendingPathComponent("cna.tsv").path
        try "Chromosome\tStart\tEnd\tnMajor\tnMinor\n7\t1\t\(Self.largest)\t\(Self.largest)\t1\n".write(
            toFile: segments, atomically: true, encoding: .utf8)
        let error = try #require(throws: FormatError.self) {
            try run(MatchJob.Request(inputPath: Self.melanoma, tumourType: "MEL", copyNumberPath: segments))
        }
        #expect(error.line == 2 && error.field == "nMinor")
        #expect(
            CopyNumberSegment(chromosome: "7", start: 1, end: 2, majorCopies: Int.max, minorCopies: 1)
                .totalCopies == Int.max)
        #expect(
            CopyNumberSegment(chromosome: "7", start: 0, end: Int.max, majorCopies: 1, minorCopies: 1).length
                == Int.max)
    }

    @Test func fusionSplitReadsSummingPastTheLargestIntAreAnError() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try String(
            contentsOfFile: TestData.fixture("fusions/arriba-fusions.tsv"), encoding: .utf8
        )
        .split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        var row = lines[1].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        for column in ["split_reads1", "split_reads2"] {
            row[try #require(header.firstIndex(of: column))] = Self.largest
        }
        let fusions = directory.appendingPathComponent("fusions.tsv").path
        try (lines[0] + "\n" + row.joined(separator: "\t") + "\n").write(
            toFile: fusions, atomically: true, encoding: .utf8)
        let error = try #require(throws: FormatError.self) {
            try run(MatchJob.Request(inputPath: Self.melanoma, tumourType: "MEL", fusionsPath: fusions))
        }
        #expect(error.line == 2 && error.field == "split_reads2")
    }

    @Test func mafReadCountsSummingPastTheLargestIntSayWhyTheRowWasSkipped() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try String(contentsOfFile: TestData.fixture("maf/cohort.maf"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var row = lines[2].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let header = lines[1].split(separator: "\t").map(String.init)
        for column in ["t_ref_count", "t_alt_count"] {
            row[try #require(header.firstIndex(of: column))] = Self.largest
        }
        let maf = directory.appendingPathComponent("one.maf").path
        try ([lines[0], lines[1], row.joined(separator: "\t")].joined(separator: "\n") + "\n").write(
            toFile: maf, atomically: true, encoding: .utf8)
        let error = try #require(throws: FormatError.self) {
            try run(MatchJob.Request(inputPath: maf, tumourType: "MEL"))
        }
        #expect(error.message.contains("1 malformed row skipped"))
        #expect(error.message.contains("t_ref_count + t_alt_count exceeds"))
        let strict = try #require(throws: FormatError.self) {
            try run(MatchJob.Request(inputPath: maf, tumourType: "MEL", strict: true))
        }
        #expect(strict.line == 3 && strict.field == "t_ref_count")
    }
}
