import Foundation
import GenomicFormats
import TestSupport
import Testing

@testable import OncoMatchCLI

@Suite("oncomatch stats")
struct StatsCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let command = try StatsCommand.parse(arguments)
        var output = ""
        var errors = ""
        let status = command.execute(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    @Test func jsonOutput() throws {
        let result = try run(["--json", TestData.fixture("vcf/stats-small.vcf")])
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["records"] as? Int == 4)
        #expect(object["snvs"] as? Int == 2)
        #expect(object["indels"] as? Int == 1)
        #expect(object["multiallelic"] as? Int == 2)
        #expect(object["filtered"] as? Int == 1)
        #expect(object["samples"] as? [String] == ["NORMAL", "TUMOR"])
        #expect(object["build"] as? String == "GRCh38")
        #expect(object["annotation_entries"] as? Int == 2)
        #expect((object["consequences"] as? [String: Int])?["missense_variant"] == 2)
        let genotypes = try #require(object["genotypes"] as? [String: [String: Int]])
        #expect(genotypes["NORMAL"] == ["hom_ref": 1, "het": 1, "hom_alt": 2, "missing": 0, "dp_sum": 97])
    }

    @Test func humanReadableByDefault() throws {
        let result = try run([TestData.fixture("vcf/stats-small.vcf")])
        #expect(result.status == 0)
        #expect(result.output.contains("records:"))
        #expect(result.output.contains("GRCh38"))
        #expect(!result.output.hasPrefix("{"))
    }

    @Test func missingFileIsAnIOError() throws {
        let result = try run(["/nonexistent/file.vcf"])
        #expect(result.status == 2)
        #expect(result.errors.contains("/nonexistent/file.vcf"))
    }

    @Test func invalidInputExitsWithOne() throws {
        let url = try TestData.temporaryDirectory().appendingPathComponent("bad.vcf")
        try "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\tx\t.\tA\tC\t.\t.\t.\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let strict = try run(["--strict", url.path])
        #expect(strict.status == 1)
        #expect(strict.errors.contains("POS"))
        let lenient = try run(["--json", url.path])
        #expect(lenient.status == 0)
        #expect(lenient.output.contains("\"skipped_records\": 1"))
        let headerless = url.deletingLastPathComponent().appendingPathComponent("headerless.vcf")
        try "1\t5\t.\tA\tC\t.\t.\t.\n".write(to: headerless, atomically: true, encoding: .utf8)
        #expect(try run([headerless.path]).status == 1)
    }

    @Test func usageErrorsAreRejectedByTheParser() {
        #expect(throws: (any Error).self) { _ = try StatsCommand.parse([]) }
        #expect(throws: (any Error).self) { _ = try StatsCommand.parse(["--bogus", "x.vcf"]) }
    }
}
