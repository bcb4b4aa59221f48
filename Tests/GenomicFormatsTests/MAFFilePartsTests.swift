import Foundation
import GenomicFormats
import TestSupport
import Testing

@Suite("MAF file parts")
struct MAFFilePartsTests {
    /// A row as read: its line number and text, or the error that stopped the reader.
    enum Row: Equatable {
        case row(Int, String)
        case error(String)
    }

    /// Every row one reader gives (lenient: a row error is recorded and reading goes on, as the
    /// loader does; any other error ends the reader).
    static func rows(_ reader: MAFReader) -> [Row] {
        var rows: [Row] = []
        while true {
            do {
                guard let record = try reader.nextRecord() else { return rows }
                rows.append(.row(record.lineNumber, String(decoding: record.line, as: UTF8.self)))
            } catch let error as FormatError where error.kind == .record {
                rows.append(.error(error.description))
            } catch {
                rows.append(.error("\(error)"))
                return rows
            }
        }
    }

    /// The rows of all parts, read one part after the other.
    static func rows(_ parts: MAFFileParts) throws -> [Row] {
        try parts.parts.indices.flatMap { rows(try parts.reader(forPart: $0)) }
    }

    static func write(_ text: String, name: String = "test.maf") throws -> String {
        let path = try TestData.temporaryDirectory().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let header =
        "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tTumor_Sample_Barcode"

    /// Rows of varied length, blank lines, `#` lines among the rows, CRLF endings, a row with a
    /// missing column, and no final newline.
    static let awkward: String = {
        var lines = ["#version 2.4", "", "#another comment", header]
        for index in 1...400 {
            let gene = String(repeating: "G", count: 1 + index % 37)
            lines.append("\(gene)\t\(index % 22 + 1)\t\(index * 1000)\tA\tT\tS-\(index % 7)")
            if index % 50 == 0 { lines.append("") }
            if index % 77 == 0 { lines.append("# note \(index)") }
            if index % 91 == 0 { lines.append("BROKEN\t1\t5\tA\tT") }
        }
        return lines.enumerated().map { $0.offset % 3 == 0 ? $0.element + "\r" : $0.element }
            .joined(separator: "\n")
    }()

    @Test("parts read one after the other give the rows of one reader", arguments: [1, 2, 3, 5, 8, 64])
    func sameRowsAsOneReader(count: Int) throws {
        let path = try Self.write(Self.awkward)
        let whole = Self.rows(try MAFReader(path: path))
        let parts = try #require(try MAFFileParts(path: path, count: count, minimumPartSize: 1))
        #expect(parts.parts.count == count)
        #expect(parts.comments == ["#version 2.4", "#another comment"])
        #expect(parts.layout.columnNames.count == 6)
        #expect(try Self.rows(parts) == whole)
        #expect(whole.count == 404)
        // Parts are contiguous and cover the file from the first row to the end.
        for (previous, next) in zip(parts.parts, parts.parts.dropFirst()) {
            #expect(previous.bytes.upperBound == next.bytes.lowerBound)
            #expect(previous.firstLineNumber < next.firstLineNumber)
        }
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        #expect(parts.parts.last?.bytes.upperBound == size)
    }

    @Test("fixture and shared MAFs split in any number of parts read as one")
    func fixturesAndSharedFiles() throws {
        var files = ["maf/cohort.maf", "maf/broken.maf"].map(TestData.fixture)
        files += TestData.sharedFiles(under: "callers/vcf2maf", suffixes: [".maf"])
        for file in files {
            let whole = Self.rows(try MAFReader(path: file, requiredColumns: MAFReader.minimalColumns))
            for count in [2, 3, 7] {
                let parts = try #require(
                    try MAFFileParts(
                        path: file, count: count, requiredColumns: MAFReader.minimalColumns,
                        minimumPartSize: 1))
                #expect(try Self.rows(parts) == whole, "\(file) in \(count) parts")
            }
        }
    }

    @Test("a small file gets fewer parts than asked")
    func smallFileFewerParts() throws {
        let path = try Self.write(Self.awkward)
        let parts = try #require(try MAFFileParts(path: path, count: 8))
        #expect(parts.parts.count == 1)
        #expect(try Self.rows(parts) == Self.rows(try MAFReader(path: path)))
    }

    @Test("a file without rows has one empty part")
    func headerOnly() throws {
        let path = try Self.write("#version 2.4\n" + Self.header + "\n")
        let parts = try #require(try MAFFileParts(path: path, count: 4, minimumPartSize: 1))
        #expect(parts.parts.count == 1)
        #expect(try Self.rows(parts).isEmpty)
    }

    @Test("a gzip MAF is not cut")
    func gzipIsNotCut() throws {
        let path = try Self.write(Self.awkward)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -k \"$0\"", path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        #expect(try MAFFileParts(path: path + ".gz", count: 4, minimumPartSize: 1) == nil)
    }

    @Test("header errors are those of MAFReader")
    func headerErrors() throws {
        let path = try Self.write("#only a comment\n")
        #expect(throws: FormatError.self) { try MAFFileParts(path: path, count: 2) }
        let missing = try Self.write("Hugo_Symbol\tChromosome\nA\t1\n")
        do {
            _ = try MAFFileParts(path: missing, count: 2)
            Issue.record("a MAF without required columns was accepted")
        } catch let error as FormatError {
            #expect(error.field == "Start_Position")
            #expect(error.line == 1)
        }
    }

    @Test("a too-long line is reported at its line number")
    func lineTooLong() throws {
        let long = String(repeating: "A", count: 300)
        let path = try Self.write(
            Self.header + "\nG\t1\t5\tA\tT\tS\nG\t1\t5\t\(long)\tT\tS\nG\t1\t6\tA\tT\tS\n")
        let parts = try #require(
            try MAFFileParts(path: path, count: 1, maximumLineLength: 200, minimumPartSize: 1))
        let rows = try Self.rows(parts)
        #expect(rows == Self.rows(try MAFReader(path: path, maximumLineLength: 200)))
        #expect(rows.count == 2)
        guard case .error(let message) = rows.last else {
            Issue.record("no error for the long line")
            return
        }
        #expect(message.contains(":3:") && message.contains("line longer than 200 bytes"))
    }
}
