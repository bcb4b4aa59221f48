import Foundation
import OncoReports
import TestSupport
import Testing

/// End-to-end golden files: `MatchJob.run` on the example tumours and the shared PCGR tumours,
/// rendered by all three writers and compared byte for byte with `Fixtures/golden/`.
///
/// After an intended change, regenerate and review the diff (the per-case facts in
/// `GoldenMatchFactsTests` must still hold):
///
///     ONCOMATCH_UPDATE_GOLDEN=1 swift test --filter OncoReportsTests.GoldenMatchReportTests
///     git diff Fixtures/golden
@Suite("Golden end-to-end match reports")
struct GoldenMatchReportTests {
    static let updating = ProcessInfo.processInfo.environment["ONCOMATCH_UPDATE_GOLDEN"] == "1"

    @Test(arguments: GoldenMatchCase.examples)
    func exampleTumour(_ golden: GoldenMatchCase) throws {
        try check(golden)
    }

    @Test(.enabled(if: TestData.hasSharedData), arguments: GoldenMatchCase.sharedTumours)
    func sharedTumour(_ golden: GoldenMatchCase) throws {
        try check(golden)
    }

    /// Writes the reports through `MatchJob` (checking the files it writes), then compares the
    /// machine-independent rendering with the golden files, validates the JSON and runs the case
    /// a second time to check that the bytes do not change.
    private func check(_ golden: GoldenMatchCase) throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputDirectory = directory.appendingPathComponent("nested/reports")
        var outputs: [ReportFormat: String] = [:]
        for format in ReportFormat.allCases {
            outputs[format] =
                outputDirectory.appendingPathComponent("\(golden.name).\(format.fileExtension)").path
        }
        let written = try golden.runWithAbsolutePaths(outputs: outputs)

        // The files MatchJob wrote are the writers' rendering of the report it returned, and nothing else.
        let listing = try FileManager.default.contentsOfDirectory(atPath: outputDirectory.path).sorted()
        #expect(listing == ReportFormat.allCases.map { "\(golden.name).\($0.fileExtension)" }.sorted())
        for format in ReportFormat.allCases {
            let bytes = try #require(FileManager.default.contents(atPath: outputs[format]!))
            #expect([UInt8](bytes) == (try format.writer.renderBytes(written)), "\(format) file differs")
        }

        let report = golden.machineIndependent(written)
        let again = try golden.run()
        for format in ReportFormat.allCases {
            let rendered = try format.writer.renderBytes(report)
            let text = String(decoding: rendered, as: UTF8.self)
            for prefix in [TestData.packageRoot.path, TestData.sharedDataRoot.path] {
                #expect(!text.contains(prefix), "\(format) report holds the machine-specific path \(prefix)")
            }
            #expect(
                try format.writer.renderBytes(again) == rendered, "\(format): a second run gave other bytes")

            let path = golden.goldenPath(format)
            if Self.updating {
                try OutputDirectory.createParents(of: path)
                try ReportFileWriter.write(rendered, toPath: path)
            }
            let committed = try #require(
                FileManager.default.contents(atPath: path),
                "missing \(path); run with ONCOMATCH_UPDATE_GOLDEN=1 to create it")
            if [UInt8](committed) != rendered {
                let difference = Self.firstDifference([UInt8](committed), rendered)
                Issue.record(
                    Comment(
                        rawValue: "\(path) differs (\(difference)); if intended, regenerate with "
                            + "ONCOMATCH_UPDATE_GOLDEN=1 and review the diff"))
            }
        }

        let document = try OrderedJSONParser.parse(try JSONReportWriter().render(report))
        let errors = SchemaValidator(root: try SchemaValidationTests.schema()).errors(in: document)
        #expect(errors.isEmpty, "\(errors)")
    }

    /// Where two texts first differ, as `line N: expected … / got …` (not the whole byte arrays).
    static func firstDifference(_ expected: [UInt8], _ actual: [UInt8]) -> String {
        let expectedLines = String(decoding: expected, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
            if want != got {
                return "line \(index + 1): expected \(want.prefix(200)) / got \(got.prefix(200))"
            }
        }
        return "same lines, different bytes"
    }
}
