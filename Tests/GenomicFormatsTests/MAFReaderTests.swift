import Foundation
import GenomicFormats
import TestSupport
import Testing

@Suite("MAF reader")
struct MAFReaderTests {
    /// Reads every row, returning what `extract` makes of each.
    static func rows<T>(_ reader: MAFReader, _ extract: (MAFRecord) throws -> T) throws -> [T] {
        var result: [T] = []
        while let record = try reader.nextRecord() { result.append(try extract(record)) }
        return result
    }

    static func write(_ text: String) throws -> String {
        let path = try TestData.temporaryDirectory().appendingPathComponent("test.maf").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("vcf2maf test.maf: 20 rows, optional columns absent", .enabled(if: TestData.hasSharedData))
    func vcf2mafTest() throws {
        let reader = try MAFReader(path: TestData.shared("callers/vcf2maf/tests/test.maf"))
        #expect(reader.comments == ["#version 2.4"])
        #expect(reader.layout.columnNames.count == 40)
        #expect(!reader.layout.contains(.hgvsc))
        #expect(reader.layout.contains(.tumorDepth))
        let rows = try Self.rows(reader) { record in
            (
                record.hugoSymbol, record.chromosome, try record.startPosition, try record.endPosition,
                record.variantType, record.referenceAllele, record.tumorSeqAllele2, record.hgvsc,
                try record.tumorDepth, try record.tumorReferenceCount, try record.tumorAlternateCount,
                try record.normalDepth, record.lineNumber
            )
        }
        #expect(rows.count == 20)
        let first = try #require(rows.first)
        #expect(first.0 == "MTOR" && first.1 == "1" && first.2 == 11_290_179 && first.3 == 11_290_179)
        #expect(first.4 == "DEL" && first.5 == "A" && first.6 == "-" && first.7 == nil)
        #expect(first.8 == 20 && first.9 == 10 && first.10 == 10 && first.11 == 35)
        #expect(first.12 == 3)
        let second = rows[1]
        #expect(second.0 == "Unknown" && second.2 == 15_557_977 && second.3 == 15_557_978)
        #expect(second.4 == "DNP" && second.5 == "TG" && second.6 == "CA")
    }

    @Test("vcf2maf GRCh38 output: HGVS, '.' counts, other columns", .enabled(if: TestData.hasSharedData))
    func vcf2mafGRCh38() throws {
        let reader = try MAFReader(path: TestData.shared("callers/vcf2maf/tests/test_b38_output.maf"))
        #expect(reader.layout.columnNames.count == 114)
        var rows: [String] = []
        var first: [String?] = []
        var insertion: (String?, Int?, Int?) = (nil, nil, nil)
        while let record = try reader.nextRecord() {
            if rows.isEmpty {
                first = [
                    record.hugoSymbol, record.string(.ncbiBuild), record.variantClassification, record.hgvsc,
                    record.hgvsp, record.hgvspShort, record.transcriptID, record.string(.exonNumber),
                    try record.tumorReferenceCount.map(String.init),
                    try record.tumorAlternateCount.map(String.init),
                    try record.normalDepth.map(String.init), try record.normalAlternateCount.map(String.init),
                    record.string(.consequence), record.string(.filter),
                    record.otherColumn(named: "Feature_type"),
                    record.otherColumn(named: "No_Such_Column"), record.tumorSampleBarcode,
                    record.matchedNormalSampleBarcode,
                ]
            }
            if try record.startPosition == 34_880_555 {
                insertion = (record.referenceAllele, try record.endPosition, try record.tumorAlternateCount)
            }
            rows.append(record.hugoSymbol ?? "")
        }
        #expect(rows.count == 25)
        #expect(
            first == [
                "RUNX1", "GRCh38", "Missense_Mutation", "c.1286T>G", "p.Leu429Arg", "p.L429R",
                "ENST00000675419",
                "9/9", nil, "21", "0", nil, "missense_variant", nil, "Transcript", nil, "TUMOR", "NORMAL",
            ])
        #expect(insertion.0 == "-" && insertion.1 == 34_880_556 && insertion.2 == 225)
    }

    @Test(
        "Minimal MAF: Hugo_Symbol required by default, readable with the minimal set",
        .enabled(if: TestData.hasSharedData))
    func minimalist() throws {
        let path = TestData.shared("callers/vcf2maf/data/minimalist_test_maf.tsv")
        let error = #expect(throws: FormatError.self) { try MAFReader(path: path) }
        #expect(error?.kind == .header)
        #expect(error?.field == "Hugo_Symbol")
        #expect(error?.file == path)
        #expect(error?.line == 1)

        let reader = try MAFReader(path: path, requiredColumns: MAFReader.minimalColumns)
        #expect(reader.comments.isEmpty)
        let rows = try Self.rows(reader) { record in
            "\(record.chromosome!):\(try record.startPosition!) \(record.referenceAllele!)>\(record.tumorSeqAllele2!) \(record.tumorSampleBarcode!) \(record.hugoSymbol ?? "-")"
        }
        #expect(rows.count == 645)
        #expect(rows.first == "1:3599659 C>T TCGA-A1-A0SF-01A-11D-A142-09 -")
        #expect(rows.last == "MT:14182 T>C TCGA-A1-A0SK-01A-12D-A099-09 -")
    }

    @Test("Errors name the file, line and column")
    func errors() throws {
        let header =
            "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tt_depth"
        let path = try Self.write(
            "#version 2.4\n\n\(header)\nKRAS\t12\t25245350\tC\tA\tS1\t.\nKRAS\t12\tabc\tC\tA\tS1\t30\nKRAS\t12\t1\tC\n"
        )
        let reader = try MAFReader(path: path)
        let first = try #require(try reader.nextRecord())
        #expect(try first.startPosition == 25_245_350)
        #expect(try first.tumorDepth == nil)
        #expect(first.lineNumber == 4)
        let second = try #require(try reader.nextRecord())
        let bad = #expect(throws: FormatError.self) { try second.startPosition }
        #expect(bad?.kind == .value)
        #expect(bad?.description == "\(path):5: Start_Position: expected an integer, found 'abc'")
        #expect(try second.tumorDepth == 30)
        let short = #expect(throws: FormatError.self) { try reader.nextRecord() }
        #expect(short?.kind == .record)
        #expect(short?.line == 6)
        #expect(short?.message.contains("expected 7") == true)

        let missing = #expect(throws: FormatError.self) {
            try MAFReader(path: try Self.write("#c\nHugo_Symbol\tChromosome\tStart_Position\n1\t2\t3\n"))
        }
        #expect(missing?.field == "Reference_Allele")
        #expect(missing?.line == 2)
        let empty = #expect(throws: FormatError.self) {
            try MAFReader(path: try Self.write("#only comments\n"))
        }
        #expect(empty?.kind == .header)
    }

    @Test("CRLF lines, blank lines and a last line without newline")
    func lineEndings() throws {
        let header =
            "Tumor_Sample_Barcode\tHugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2"
        let path = try Self.write(
            "\(header)\r\nS1\tBRAF\t7\t140753336\tA\tT\r\n\r\nS2\tEGFR\t7\t55191822\tT\tG")
        let reader = try MAFReader(path: path)
        let rows = try Self.rows(reader) {
            "\($0.tumorSampleBarcode!) \($0.hugoSymbol!) \(try $0.startPosition!) \($0.tumorSeqAllele2!)"
        }
        #expect(rows == ["S1 BRAF 140753336 T", "S2 EGFR 55191822 G"])
    }
}
