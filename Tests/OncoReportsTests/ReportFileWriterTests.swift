import Foundation
import OncoReports
import TestSupport
import Testing

@Suite("Atomic report file writer")
struct ReportFileWriterTests {
    struct BodyFailure: Error {}

    func entries(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test(arguments: ReportFormat.allCases)
    func writesTheRenderedReportAndLeavesNoTemporaryFile(format: ReportFormat) throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.\(format.fileExtension)").path
        try ReportFileWriter.write(ReportFixtures.melanoma, with: format.writer, toPath: path)
        #expect(try entries(directory) == ["report.\(format.fileExtension)"])
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == (try format.writer.renderBytes(ReportFixtures.melanoma)))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o644)
    }

    @Test func replacesAnExistingFileWhole() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.tsv").path
        try ReportFileWriter.write(Array(String(repeating: "old contents\n", count: 1000).utf8), toPath: path)
        try ReportFileWriter.write(Array("new\n".utf8), toPath: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try entries(directory) == ["out.tsv"])
    }

    @Test func aMissingDirectoryIsAnErrorAndCreatesNothing() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("missing/report.json").path
        do {
            try ReportFileWriter.write(Array("{}".utf8), toPath: path)
            Issue.record("expected an error")
        } catch let error as ReportError {
            guard case .fileSystem(let operation, let failedPath, let code) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(operation == "create temporary file")
            #expect(failedPath == path)
            #expect(code == ENOENT)
            #expect(error.description.contains("No such file or directory"))
        }
        #expect(try entries(directory).isEmpty)
    }

    @Test func aThrowingBodyLeavesNoPartialFileAndKeepsTheOldOne() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.html").path
        try ReportFileWriter.write(Array("previous\n".utf8), toPath: path)
        #expect(throws: BodyFailure.self) {
            try ReportFileWriter.write(toPath: path) { sink in
                try sink.write("<!DOCTYPE html>\n<p>half a report")
                #expect(try entries(directory).count == 2)  // the temporary file exists meanwhile
                throw BodyFailure()
            }
        }
        #expect(try entries(directory) == ["report.html"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous\n")

        let fresh = directory.appendingPathComponent("fresh.html").path
        #expect(throws: BodyFailure.self) {
            try ReportFileWriter.write(toPath: fresh) { sink in
                try sink.write("partial")
                throw BodyFailure()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: fresh))
        #expect(try entries(directory) == ["report.html"])
    }

    @Test func aRenameOntoADirectoryFailsAndCleansUp() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(
            at: target.appendingPathComponent("child"), withIntermediateDirectories: false)
        #expect(throws: ReportError.self) { try ReportFileWriter.write(Array("x".utf8), toPath: target.path) }
        #expect(try entries(directory) == ["taken"])
    }

    @Test func aRenderingErrorWritesNothing() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var report = ReportFixtures.melanoma
        report.biomarkers.tmb?.callableMegabases = .nan
        let path = directory.appendingPathComponent("report.json").path
        #expect(throws: ReportError.nonFiniteNumber(field: "biomarkers.tmb.callable_mb")) {
            try ReportFileWriter.write(report, with: JSONReportWriter(), toPath: path)
        }
        #expect(try entries(directory).isEmpty)
    }
}
