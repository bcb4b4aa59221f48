import Foundation
import GenomicFormats
import TestSupport
import Testing

/// Broken and hostile VCF input: every case ends in a precise error or a counted skip, never a
/// trap, a hang or unbounded memory.
@Suite("Hostile VCF input")
struct HostileVCFTests {
    static let header = """
        ##fileformat=VCFv4.2
        ##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">
        ##INFO=<ID=S,Number=1,Type=String,Description="Free text">
        ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
        ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
        #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOUR

        """

    static func writeBytes(_ bytes: [UInt8], name: String = "hostile.vcf") throws -> String {
        let url = try TestData.temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Reads every record, returning the records' positions and the reader.
    static func readAll(_ path: String, options: VCFReaderOptions = .lenient) throws -> (VCFReader, [Int]) {
        let reader = try VCFReader(path: path, options: options)
        var record = VCFRecord()
        var positions: [Int] = []
        while try reader.read(into: &record) { positions.append(record.position) }
        return (reader, positions)
    }

    static func formatError(_ body: () throws -> Void) -> FormatError? {
        do {
            try body()
            return nil
        } catch let error as FormatError {
            return error
        } catch {
            Issue.record("expected a FormatError, got \(error)")
            return nil
        }
    }

    @Test("a 10 MB line beyond the line limit is refused with file and line")
    func tenMegabyteLine() throws {
        var bytes = Array(Self.header.utf8)
        bytes += Array("1\t100\t.\tA\tT\t.\tPASS\tS=".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
        bytes += Array("\tGT\t0/1\n".utf8)
        let path = try Self.writeBytes(bytes)
        let options = VCFReaderOptions(strict: false, maximumLineLength: 4 << 20)
        let error = Self.formatError { _ = try Self.readAll(path, options: options) }
        #expect(error?.kind == .lineTooLong)
        #expect(error?.file == path)
        #expect(error?.line == 7)
    }

    @Test("a 10 MB line within the default limit reads, and its value is intact")
    func tenMegabyteLineWithinLimit() throws {
        var bytes = Array(Self.header.utf8)
        bytes += Array("1\t100\t.\tA\tT\t.\tPASS\tS=".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
        bytes += Array("\tGT\t0/1\n".utf8)
        let reader = try VCFReader(path: try Self.writeBytes(bytes))
        var record = VCFRecord()
        #expect(try reader.read(into: &record))
        #expect(record.infoString("S")?.utf8.count == 10 << 20)
        #expect(try reader.read(into: &record) == false)
    }

    @Test("NUL bytes near the start: the input is refused as not text")
    func nulBytesNearTheStart() throws {
        var bytes = Array(Self.header.utf8)
        bytes += Array("1\t1\u{0}0\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n".utf8)
        let error = Self.formatError { _ = try Self.readAll(try Self.writeBytes(bytes)) }
        #expect(error?.kind == .io)
        #expect(error?.message.contains("NUL") == true)
    }

    @Test(
        "NUL bytes past the text sniff: in POS the record is skipped with a POS error; in CHROM it is kept as data"
    )
    func nulBytes() throws {
        // 70 kB of meta lines push the NULs past the input layer's 64 KiB binary sniff.
        let filler = String(repeating: "##filler=" + String(repeating: "x", count: 60) + "\n", count: 1_100)
        var bytes = Array(
            Self.header.replacingOccurrences(
                of: "##fileformat=VCFv4.2\n", with: "##fileformat=VCFv4.2\n" + filler
            ).utf8)
        bytes += Array("1\t1\u{0}0\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n".utf8)
        bytes += Array("chr\u{0}1\t200\t.\tA\tT\t.\tPASS\tDP=\u{0}\tGT\t0/1\n".utf8)
        let (reader, positions) = try Self.readAll(try Self.writeBytes(bytes))
        #expect(positions == [200])
        #expect(reader.skipped == 1)
        #expect(reader.skippedExamples.first?.field == "POS")
        #expect(reader.skippedExamples.first?.line == 7 + 1_100)
        let strict = Self.formatError { _ = try Self.readAll(try Self.writeBytes(bytes), options: .strict) }
        #expect(strict?.field == "POS")
        // The NUL in an Integer INFO value is a typed-value error on access.
        let reread = try VCFReader(path: try Self.writeBytes(bytes))
        var record = VCFRecord()
        _ = try reread.read(into: &record)
        let valueError = Self.formatError { _ = try record.infoInteger("DP") }
        #expect(valueError?.kind == .value)
        #expect(valueError?.field == "INFO/DP")
    }

    @Test("invalid UTF-8 in INFO values and sample names decodes with replacement characters")
    func invalidUTF8() throws {
        var text = Array(Self.header.utf8)
        text.removeLast("TUMOUR\n".utf8.count)
        text += [0x54, 0xFF, 0xFE, 0x0A]  // sample name "T\xFF\xFE"
        text += Array("1\t100\t.\tA\tT\t.\tPASS\tS=".utf8) + [0xC3, 0x28, 0xF0, 0x9F]
        text += Array("\tGT\t0/1\n".utf8)
        let reader = try VCFReader(path: try Self.writeBytes(text))
        #expect(reader.header.sampleNames == ["T\u{FFFD}\u{FFFD}"])
        var record = VCFRecord()
        #expect(try reader.read(into: &record))
        let value = try #require(record.infoString("S"))
        #expect(value.hasPrefix("\u{FFFD}("))
    }

    @Test("a file without '#CHROM' is refused with the field '#CHROM'")
    func missingColumnHeader() throws {
        let path = try Self.writeBytes(Array("##fileformat=VCFv4.2\n##source=test\n".utf8))
        let error = Self.formatError { _ = try VCFReader(path: path) }
        #expect(error?.kind == .header)
        #expect(error?.field == "#CHROM")
        #expect(error?.description.hasPrefix("\(path):2: #CHROM: ") == true)
    }

    @Test("a duplicated '#CHROM' line is skipped (lenient) or refused (strict) at its line")
    func duplicatedColumnHeader() throws {
        let text =
            Self.header + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOUR\n"
            + "1\t100\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n"
        let path = try Self.writeBytes(Array(text.utf8))
        let (reader, positions) = try Self.readAll(path)
        #expect(positions == [100])
        #expect(reader.skipped == 1)
        #expect(reader.skippedExamples.first?.line == 7)
        let error = Self.formatError { _ = try Self.readAll(path, options: .strict) }
        #expect(error?.line == 7)
        #expect(error?.kind == .record)
    }

    @Test("records before the header: skipped before any header line (lenient), refused after one")
    func recordsBeforeHeader() throws {
        let leading = try Self.writeBytes(Array(("1\t5\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n" + Self.header).utf8))
        let (reader, positions) = try Self.readAll(leading)
        #expect(reader.header.skippedLines == 1)
        #expect(positions.isEmpty)
        let strict = Self.formatError { _ = try VCFReader(path: leading, options: .strict) }
        #expect(strict?.line == 1)
        let middle = try Self.writeBytes(
            Array(
                "##fileformat=VCFv4.2\n1\t5\t.\tA\tT\t.\tPASS\t.\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                    .utf8))
        let error = Self.formatError { _ = try VCFReader(path: middle) }
        #expect(error?.kind == .header)
        #expect(error?.line == 2)
    }

    @Test("unsorted records are all read, in file order")
    func unsortedRecords() throws {
        let text =
            Self.header + "2\t500\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n" + "1\t900\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n"
            + "1\t100\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n"
        let (reader, positions) = try Self.readAll(try Self.writeBytes(Array(text.utf8)))
        #expect(positions == [500, 900, 100])
        #expect(reader.skipped == 0)
    }

    @Test("more or fewer sample columns than header samples: skipped with a column-count error")
    func sampleColumnMismatch() throws {
        let text =
            Self.header + "1\t100\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\t0/1\n" + "1\t200\t.\tA\tT\t.\tPASS\t.\tGT\n"
            + "1\t300\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n"
        let (reader, positions) = try Self.readAll(try Self.writeBytes(Array(text.utf8)))
        #expect(positions == [300])
        #expect(reader.skipped == 2)
        #expect(reader.skippedExamples.map(\.line) == [7, 8])
        #expect(
            reader.skippedExamples.allSatisfy { $0.message.contains("expected 10 tab-separated columns") })
    }

    @Test("a GT allele index beyond the ALT alleles is an accessor error naming FORMAT/GT")
    func genotypeBeyondAlternates() throws {
        let header = try VCFTestSupport.header(
            ["##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">"], samples: ["T"])
        let record = try VCFRecord(line: "1\t100\t.\tA\tT\t.\tPASS\t.\tGT\t0/7", header: header)
        let error = Self.formatError { _ = try record.genotype(sample: 0) }
        #expect(error?.kind == .value)
        #expect(error?.field == "FORMAT/GT")
        let huge = try VCFRecord(
            line: "1\t100\t.\tA\tT\t.\tPASS\t.\tGT\t0/99999999999999999999", header: header)
        #expect(Self.formatError { _ = try huge.genotype(sample: 0) }?.field == "FORMAT/GT")
        let fine = try VCFRecord(line: "1\t100\t.\tA\tT,G\t.\tPASS\t.\tGT\t1/2", header: header)
        #expect(try fine.genotype(sample: 0)?.alleles == [1, 2])
    }

    @Test("AD with the wrong number of values is an accessor error naming FORMAT/AD")
    func allelicDepthWrongCount() throws {
        let header = try VCFHeader(parsing: Self.header)
        let record = try VCFRecord(line: "1\t100\t.\tA\tT,G\t.\tPASS\t.\tGT:AD\t0/1:5,3", header: header)
        let error = Self.formatError { _ = try record.sampleValue(sample: 0, key: "AD", allele: 1) }
        #expect(error?.field == "FORMAT/AD")
        #expect(error?.message.contains("expected 3") == true)
        // Out-of-range samples and alleles are absent values, not traps.
        #expect(try record.sampleValue(sample: 5, key: "AD", allele: 1) == nil)
        #expect(try record.sampleValue(sample: -1, key: "AD", allele: 1) == nil)
    }

    @Test("negative or huge POS is skipped with a POS error")
    func hostilePositions() throws {
        let text =
            Self.header + "1\t-5\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n"
            + "1\t99999999999999999999\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n"
            + "1\t9223372036854775807\t.\tA\tT\t.\tPASS\tDP=99999999999999999999\tGT\t0/1\n"
        let (reader, positions) = try Self.readAll(try Self.writeBytes(Array(text.utf8)))
        #expect(positions == [Int.max])
        #expect(reader.skipped == 2)
        #expect(reader.skippedExamples.map(\.field) == ["POS", "POS"])
        let reread = try VCFReader(path: try Self.writeBytes(Array(text.utf8)))
        var record = VCFRecord()
        _ = try reread.read(into: &record)
        #expect(Self.formatError { _ = try record.infoInteger("DP") }?.field == "INFO/DP")
        _ = try? record.endPosition()
    }

    @Test("10,000 ALT alleles read and index")
    func tenThousandAlternates() throws {
        let alternates = (0..<10_000).map { _ in "T" }.joined(separator: ",")
        let depths = (0...10_000).map(String.init).joined(separator: ",")
        let text = Self.header + "1\t100\t.\tA\t\(alternates)\t.\tPASS\t.\tGT:AD\t0/9999:\(depths)\n"
        let reader = try VCFReader(path: try Self.writeBytes(Array(text.utf8)))
        var record = VCFRecord()
        #expect(try reader.read(into: &record))
        #expect(record.alternateAlleleCount == 10_000)
        #expect(try record.genotype(sample: 0)?.alleles == [0, 9999])
        #expect(try record.sampleValue(sample: 0, key: "AD", allele: 10_000) == .integer(10_000))
    }

    @Test("a 100,000-sample header reads, and a record across all samples reads")
    func hundredThousandSamples() throws {
        let names = (0..<100_000).map { "S\($0)" }
        var text = "##fileformat=VCFv4.2\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n"
        text +=
            "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + names.joined(separator: "\t") + "\n"
        text +=
            "1\t100\t.\tA\tT\t.\tPASS\t.\tGT\t"
            + [String](repeating: "0/1", count: 100_000).joined(separator: "\t")
        let reader = try VCFReader(path: try Self.writeBytes(Array(text.utf8)))
        #expect(reader.header.sampleNames.count == 100_000)
        #expect(reader.header.sampleIndex("S99999") == 99_999)
        var record = VCFRecord()
        #expect(try reader.read(into: &record))
        #expect(record.sampleCount == 100_000)
        #expect(try record.genotypeZygosity(sample: 99_999) == .heterozygous)
    }

    @Test("empty file: a header error, not a crash")
    func emptyFile() throws {
        let path = try Self.writeBytes([])
        #expect(Self.formatError { _ = try VCFReader(path: path) }?.kind == .header)
        #expect(Self.formatError { _ = try VCFReader(path: path, options: .strict) }?.kind == .header)
    }

    @Test("header only: no records")
    func headerOnly() throws {
        let (reader, positions) = try Self.readAll(try Self.writeBytes(Array(Self.header.utf8)))
        #expect(positions.isEmpty)
        #expect(reader.skipped == 0)
        #expect(reader.header.sampleNames == ["TUMOUR"])
    }

    @Test("binary garbage: refused as not text in both modes")
    func binaryGarbage() throws {
        var generator = SeededGenerator(seed: 42)
        let bytes = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let path = try Self.writeBytes(bytes)
        for options in [VCFReaderOptions.lenient, .strict] {
            let error = Self.formatError { _ = try Self.readAll(path, options: options) }
            #expect(error?.kind == .io)
            #expect(error?.message.contains("not a text file") == true)
        }
    }
}
