import Foundation
import GenomicFormats
import TestSupport
import Testing

/// Broken and hostile MAF input: precise errors (file, line, column), no traps.
@Suite("Hostile MAF input")
struct HostileMAFTests {
    static let columns =
        "Hugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tt_depth"

    static func write(_ text: String) throws -> String {
        let path = try TestData.temporaryDirectory().appendingPathComponent("hostile.maf").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
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

    @Test("a missing required column is refused naming the column and the header line")
    func missingColumn() throws {
        let path = try Self.write("#version 2.4\nHugo_Symbol\tChromosome\tStart_Position\n" + "BRAF\t7\t1\n")
        let error = Self.formatError { _ = try MAFReader(path: path) }
        #expect(error?.kind == .header)
        #expect(error?.line == 2)
        #expect(error?.field == "Reference_Allele")
    }

    @Test("no column header at all is refused")
    func emptyAndCommentOnly() throws {
        #expect(Self.formatError { _ = try MAFReader(path: try Self.write("")) } != nil)
        #expect(Self.formatError { _ = try MAFReader(path: try Self.write("#version 2.4\n\n")) } != nil)
    }

    @Test("ragged rows are an error at their line, and the reader goes on")
    func raggedRows() throws {
        let text =
            Self.columns + "\nBRAF\t7\t140453136\n" + "BRAF\t7\t1\t1\tA\tT\tS1\t10\textra\textra\n"
            + "KRAS\t12\t25398284\t25398284\tC\tA\tS1\t30\n"
        let reader = try MAFReader(path: try Self.write(text))
        var outcomes: [String] = []
        for _ in 0..<3 {
            do {
                if let record = try reader.nextRecord() { outcomes.append(record.hugoSymbol ?? "?") }
            } catch let error as FormatError {
                outcomes.append("error@\(error.line ?? 0)")
            }
        }
        #expect(outcomes.first == "error@2")
        #expect(outcomes.last == "KRAS")
        #expect(try reader.nextRecord() == nil)
    }

    @Test("huge numbers are a value error naming the column, not an overflow")
    func hugeNumbers() throws {
        let text =
            Self.columns
            + "\nBRAF\t7\t99999999999999999999\t-99999999999999999999\tA\tT\tS1\t9223372036854775807\n"
        let reader = try MAFReader(path: try Self.write(text))
        let record = try #require(try reader.nextRecord())
        let start = Self.formatError { _ = try record.startPosition }
        #expect(start?.field == "Start_Position")
        #expect(start?.line == 2)
        #expect(Self.formatError { _ = try record.endPosition }?.field == "End_Position")
        #expect(try record.tumorDepth == Int.max)
    }

    @Test("the most negative integer parses without overflow")
    func mostNegative() throws {
        let text = Self.columns + "\nBRAF\t7\t-9223372036854775808\t1\tA\tT\tS1\t.\n"
        let reader = try MAFReader(path: try Self.write(text))
        let record = try #require(try reader.nextRecord())
        // Either the exact value or a value error; never a trap.
        let value = try? record.startPosition
        #expect(value == nil || value == Int.min)
        #expect(try record.tumorDepth == nil)
    }
}
