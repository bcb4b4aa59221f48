import Foundation
import GenomicFormats
import TestSupport
import Testing

@Suite("VCF shared data", .enabled(if: TestData.hasSharedData))
struct VCFSharedDataTests {
    static let folders = [
        "htslib", "callers", "annotated", "tumours", "conformance/hts-specs/4.1/passed",
        "conformance/hts-specs/4.2/passed",
    ]

    static var files: [String] {
        folders.flatMap { TestData.sharedFiles(under: $0, suffixes: [".vcf", ".vcf.gz"]) }
    }

    /// Every VCF is read to the end in lenient mode, decoding every value, without a crash: the
    /// result is statistics, or a `FormatError` naming the file (header-less files, for example).
    @Test func everyVCFIsReadLeniently() throws {
        let files = Self.files
        #expect(files.count > 100)
        var read = 0
        var rejected: [String] = []
        for file in files {
            let plain = try VCFTestSupport.plainCopy(of: file)
            do {
                let statistics = try VCFStatistics(path: plain)
                #expect(statistics.records + statistics.skippedRecords > 0 || statistics.records == 0)
                read += 1
            } catch let error as FormatError {
                #expect(error.file == plain)
                #expect(!error.message.isEmpty)
                rejected.append(file)
            }
        }
        // The vast majority are read; the rest lack the '#CHROM' line (header-less inputs).
        #expect(read > files.count * 3 / 4)
        for file in rejected {
            let plain = try VCFTestSupport.plainCopy(of: file)
            let text = try String(contentsOfFile: plain, encoding: .isoLatin1)
            #expect(
                !text.contains("\n#CHROM\t") && !text.hasPrefix("#CHROM"),
                "\(file) has a header but was rejected")
        }
    }

    /// The conformance suite's `passed` files are valid, so strict reading accepts their records.
    @Test func conformancePassedFilesReadStrictly() throws {
        let files = Self.folders.suffix(2).flatMap { TestData.sharedFiles(under: $0, suffixes: [".vcf"]) }
        #expect(!files.isEmpty)
        for file in files {
            let reader = try VCFReader(path: file, options: .strict)
            var record = VCFRecord()
            while try reader.read(into: &record) {}
            #expect(reader.skipped == 0)
        }
    }

    @Test func detectsBuildsOfTheTumours() throws {
        for (name, build) in [("T001-COAD.grch37", GenomeBuild.grch37), ("T001-COAD.grch38", .grch38)] {
            let plain = try VCFTestSupport.plainCopy(of: TestData.shared("tumours/pcgr/\(name).vcf.gz"))
            #expect(try VCFReader(path: plain).header.genomeBuild == build, "\(name)")
        }
    }
}
