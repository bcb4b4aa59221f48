import Foundation
import TestSupport
import Testing

@testable import OncoMatchCLI

@Suite("oncomatch validate")
struct ValidateCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let command = try ValidateCommand.parse(arguments)
        var output = ""
        var errors = ""
        let status = command.execute(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = try TestData.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let header =
        "##fileformat=VCFv4.2\n##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"

    @Test func validFileExitsZeroWithASummary() throws {
        let path = try write("good.vcf", Self.header + "1\t5\t.\tA\tC\t.\tPASS\tDP=3\n")
        let result = try run([path])
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        #expect(result.output == "\(path): valid (VCFv4.2, 1 record, 0 errors, 0 warnings)\n")
    }

    @Test func invalidFileExitsOneWithFileLineDiagnostics() throws {
        let path = try write(
            "bad.vcf", Self.header + "1\t5\t.\tA\tC\t.\tPASS\tDP=abc\n1\t6\t.\tA\tC\t.\tlow\t.\n")
        let result = try run([path])
        #expect(result.status == 1)
        #expect(result.errors.contains("\(path):4: error: INFO/DP: expected an Integer, found 'abc'\n"))
        #expect(result.errors.contains("\(path):5: warning: FILTER: filter 'low' is not declared"))
        #expect(result.output.contains("INVALID (VCFv4.2, 2 records, 1 error, 1 warning)"))
    }

    @Test func strictPromotesWarnings() throws {
        let path = try write("warn.vcf", Self.header + "1\t6\t.\tA\tC\t.\tlow\t.\n")
        #expect(try run([path]).status == 0)
        let strict = try run(["--strict", path])
        #expect(strict.status == 1)
        #expect(strict.errors.contains(":4: error: FILTER:"))
    }

    @Test func diagnosticsAreCappedButCounted() throws {
        let records = (1...5).map { "1\t\($0)\t.\tA\tC\t.\tPASS\tDP=x\n" }.joined()
        let path = try write("many.vcf", Self.header + records)
        let result = try run(["--max-diagnostics", "2", path])
        #expect(result.status == 1)
        #expect(result.errors.components(separatedBy: ": error: ").count - 1 == 2)
        #expect(result.errors.contains("3 more diagnostics not shown"))
        #expect(result.output.contains("5 errors"))
    }

    @Test func severalFilesOneSummaryEach() throws {
        let good = try write("a.vcf", Self.header)
        let bad = try write("b.vcf", "not a vcf\n")
        let result = try run([good, bad])
        #expect(result.status == 1)
        #expect(result.output.split(separator: "\n").count == 2)
    }

    @Test func missingFileExitsTwo() throws {
        let good = try write("ok.vcf", Self.header)
        let result = try run([good, "/nonexistent/file.vcf"])
        #expect(result.status == 2)
        #expect(result.errors.contains("/nonexistent/file.vcf"))
        #expect(result.output.contains("valid"))
    }

    @Test func usageErrors() {
        // No FILE: validate() throws ExitCode(2).
        #expect(throws: (any Error).self) { _ = try ValidateCommand.parse([]) }
        do {
            _ = try ValidateCommand.parse([])
        } catch {
            #expect(ValidateCommand.exitCode(for: error).rawValue == 2)
        }
        #expect(throws: (any Error).self) { _ = try ValidateCommand.parse(["--bogus", "x.vcf"]) }
    }
}
