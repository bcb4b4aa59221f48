import Foundation
import GenomicFormats
import TestSupport
import Testing

/// `VCFStatistics(path:options:)` parses on two threads in runs of lines cut at chunk
/// boundaries; it must give exactly what the serial pass over a `VCFReader` gives: same counts,
/// same skipped-record examples (line numbers included), same first error.
@Suite("VCF statistics: parallel pass matches the serial pass")
struct ParallelStatisticsTests {
    static let header = [
        "##fileformat=VCFv4.2",
        "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">",
        "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"VEP. Format: Allele|Consequence|SYMBOL\">",
        "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
        "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">",
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\tN",
    ]

    /// About 3 MB of records (more than one decompressed chunk) with malformed lines, bad values,
    /// empty lines, CRLF endings and a stray header line spread through it; deterministic.
    static func records(count: Int) -> [String] {
        var state: UInt64 = 0x1234_5678
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let terms = ["missense_variant", "synonymous_variant", "intron_variant", "stop_gained"]
        var lines: [String] = []
        for index in 0..<count {
            let entries = (0...next(4)).map { _ in "T|\(terms[next(4)])&\(terms[next(4)])|GENE\(next(50))" }
            let depth = next(40) == 0 ? "x\(next(9))" : String(next(500))
            var line =
                "chr\(1 + next(22))\t\(1000 + index)\t.\tA\t\(["T", "AT", "<DEL>", "C,G"][next(4)])\t.\t"
                + "\(next(3) == 0 ? "q10" : "PASS")\tDP=\(depth);CSQ=\(entries.joined(separator: ","))"
                + "\tGT:DP\t\(["0/1", "1/1", "./.", "0|0"][next(4)]):\(next(90))\t0/0:\(next(90))"
            switch next(400) {
            case 0: line = "chr1\t\(index)\t.\tA"  // too few columns
            case 1: line = ""
            case 2: line = "#" + line
            case 3: line += "\r"
            default: break
            }
            lines.append(line)
        }
        return lines
    }

    /// The serial pass's result, or its error, as text.
    static func serial(_ path: String, _ options: VCFReaderOptions) -> String {
        outcome { try VCFStatistics(reader: try VCFReader(path: path, options: options)) }
    }

    static func parallel(_ path: String, _ options: VCFReaderOptions) -> String {
        outcome { try VCFStatistics(path: path, options: options) }
    }

    static func outcome(_ body: () throws -> VCFStatistics) -> String {
        do {
            let statistics = try body()
            return statistics.jsonText() + statistics.summaryText()
        } catch {
            return "error: \(error)"
        }
    }

    /// Writes `text` plain, gzip and BGZF; returns the three paths.
    static func write(_ text: String, name: String) throws -> [String] {
        let directory = try TestData.temporaryDirectory()
        let bytes = Array(text.utf8)
        var paths: [String] = []
        for (suffix, encoded) in [
            ("vcf", bytes), ("vcf.gz", TestCompressor.gzip(bytes)),
            ("bgz.vcf.gz", TestCompressor.bgzf(bytes)),
        ] {
            let url = directory.appendingPathComponent("\(name).\(suffix)")
            try Data(encoded).write(to: url)
            paths.append(url.path)
        }
        return paths
    }

    @Test func malformedLinesAcrossChunksGiveTheSameCountsExamplesAndErrors() throws {
        let text = (Self.header + Self.records(count: 14_000)).joined(separator: "\n") + "\n"
        #expect(text.utf8.count > 2 << 20)
        for path in try Self.write(text, name: "mixed") {
            let lenient = VCFReaderOptions(strict: false, maximumExamples: 25)
            let expected = Self.serial(path, lenient)
            #expect(expected.contains("skipped: "))
            #expect(Self.parallel(path, lenient) == expected)
            let strict = Self.serial(path, .strict)
            #expect(strict.hasPrefix("error: "))
            #expect(Self.parallel(path, .strict) == strict)
        }
    }

    @Test func aLastLineWithoutNewlineAndALongLineAcrossAChunkBoundaryAreNumberedAsSerially() throws {
        var lines = Self.header + Self.records(count: 14_000)
        // Lengthen the line that straddles the first 1 MiB boundary past a 600-byte limit.
        var offset = 0
        for index in lines.indices {
            offset += lines[index].utf8.count + 1
            if offset > 1 << 20 {
                lines[index] = lines[index].replacingOccurrences(
                    of: "\t.\tA\t", with: "\t" + String(repeating: "i", count: 700) + "\tA\t")
                break
            }
        }
        let text = lines.joined(separator: "\n")
        for path in try Self.write(text, name: "long") {
            let limited = VCFReaderOptions(strict: false, maximumExamples: 10, maximumLineLength: 600)
            let expected = Self.serial(path, limited)
            #expect(expected.contains("longer than 600 bytes"))
            #expect(Self.parallel(path, limited) == expected)
            #expect(Self.parallel(path, .lenient) == Self.serial(path, .lenient))
        }
    }

    @Test func aLineLongerThanAWholeChunkIsReportedWithItsNumber() throws {
        var lines = Self.header + Self.records(count: 300)
        lines[200] = "chr1\t5\t" + String(repeating: "i", count: 3 << 20) + "\tA\tT\t.\tPASS\t.\tGT\t0/1\t0/0"
        let text = lines.joined(separator: "\n") + "\n"
        for path in try Self.write(text, name: "huge") {
            let limited = VCFReaderOptions(strict: false, maximumExamples: 10, maximumLineLength: 1 << 20)
            let expected = Self.serial(path, limited)
            #expect(expected.contains(":201: "))
            #expect(Self.parallel(path, limited) == expected)
        }
    }
}
