import Foundation
import TestSupport
import Testing

@testable import GenomicFormats

/// Values that leave the statistics pass's fast paths (word-at-a-time list scans, the inlined
/// numeric scan, the INFO key cache, the FILTER byte test, the CSQ walk): each count below is
/// worked out by hand, and the same file gives the same JSON as the pass before those paths.
@Suite("VCF statistics edge cases")
struct StatsEdgeCaseTests {
    static let header = [
        "##fileformat=VCFv4.2",
        "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">",
        "##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele frequency\">",
        "##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description=\"Somatic\">",
        "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. "
            + "Format: Allele|Consequence|SYMBOL\">",
        "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
        "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">",
        "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">",
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1",
    ]

    static let records = [
        // INFO: 1 + 2 (an exponent leaves the quick path) + 2 CSQ entries = 5 values; the first
        // entry repeats a term (counted once). FORMAT: 1 + 1 + 2 (`+5` leaves the quick path).
        "chr1\t100\t.\tA\tT\t.\tPASS\tDP=10;AF=0.5,1e-3;"
            + "CSQ=T|missense_variant&missense_variant&splice_region_variant|BRAF,T|intron_variant|BRAF"
            + "\tGT:DP:AD\t0/1:12:+5,7",
        // FILTER of four bytes that is not PASS; INFO: missing DP, missing CSQ (no entry), a flag
        // = 3 values; FORMAT: 3 values, DP missing adds nothing.
        "chr1\t200\t.\tC\tG\t.\tFAIL\tDP=.;CSQ=.;SOMATIC\tGT:DP:AD\t1|1:.:.",
        // An undeclared key longer than eight bytes (String, 3 items) + DP = 4 values; FORMAT 4,
        // a negative DP.
        "chr1\t300\t.\tG\tA\t.\t.\tLONGKEYNAME_UNDECLARED=x,y,z;DP=7\tGT:DP:AD\t0/0:-3:1,2",
        // An invalid Integer (counted in lenient mode, an error in strict mode); FORMAT 4.
        "chr1\t400\t.\tG\tA\t.\tPASS\tDP=abc;AF=0.1\tGT:DP:AD\t./.:5:3,4",
    ]

    func writeFile() throws -> String {
        let path = try TestData.temporaryDirectory().appendingPathComponent("edge.vcf").path
        try (Self.header + Self.records).joined(separator: "\n").appending("\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func countsEveryValueOffTheFastPaths() throws {
        let statistics = try VCFStatistics(path: try writeFile())
        #expect(statistics.records == 4)
        #expect(statistics.filtered == 1)
        #expect(statistics.infoValues == 14)
        #expect(statistics.formatValues == 15)
        #expect(statistics.invalidValues == 1)
        #expect(statistics.annotationEntries == 2)
        #expect(
            statistics.consequences == [
                "missense_variant": 1, "splice_region_variant": 1, "intron_variant": 1,
            ])
        let counts = try #require(statistics.genotypes.first)
        #expect(counts.heterozygous == 1)
        #expect(counts.homozygousAlternate == 1)
        #expect(counts.homozygousReference == 1)
        #expect(counts.missing == 1)
        #expect(counts.depthSum == 12 - 3 + 5)
    }

    /// DP sums stop at `Int.max` (and `Int.min`) instead of trapping, on the quick path, the
    /// general one (`+` leaves the quick path) and when parts are merged.
    @Test(arguments: [false, true])
    func depthSumsSaturate(negative: Bool) throws {
        let depth = negative ? "-9223372036854775808" : "9223372036854775807"
        let line = { (position: Int, value: String) in
            "chr1\t\(position)\t.\tA\tT\t.\tPASS\tDP=1\tGT:DP:AD\t0/1:\(value):1,2"
        }
        let records = (1...3).map { line($0, depth) } + [line(4, negative ? "-1" : "+1")]
        let path = try TestData.temporaryDirectory().appendingPathComponent("depths.vcf").path
        try (Self.header + records).joined(separator: "\n").appending("\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let statistics = try VCFStatistics(path: path)
        #expect(statistics.genotypes.first?.depthSum == (negative ? Int.min : Int.max))
        var merged = statistics
        merged.absorb(statistics)
        #expect(merged.genotypes.first?.depthSum == (negative ? Int.min : Int.max))
    }

    @Test func strictModeNamesTheInvalidValue() throws {
        let path = try writeFile()
        let error = try #require(throws: FormatError.self) {
            try VCFStatistics(path: path, options: .strict)
        }
        #expect(error.field == "INFO/DP")
        #expect(error.line == 13)
        #expect(error.message.contains("'abc'"))
    }
}
