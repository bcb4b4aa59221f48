import Foundation
import OncoReports
import TestSupport
import Testing

/// Compares the writers' output for ``ReportFixtures/melanoma`` with the committed files in
/// `Fixtures/reports/`. After an intended change, regenerate them with
/// `ONCOMATCH_UPDATE_GOLDEN=1 swift test --filter OncoReportsTests.GoldenReportTests` and review the diff.
@Suite("Golden report files")
struct GoldenReportTests {
    static let updating = ProcessInfo.processInfo.environment["ONCOMATCH_UPDATE_GOLDEN"] == "1"

    @Test(arguments: ReportFormat.allCases)
    func matchesTheCommittedFile(format: ReportFormat) throws {
        let path = TestData.fixture("reports/melanoma-report.\(format.fileExtension)")
        let rendered = try format.writer.renderBytes(ReportFixtures.melanoma)
        if Self.updating {
            try ReportFileWriter.write(rendered, toPath: path)
        }
        let golden = try #require(
            FileManager.default.contents(atPath: path),
            "missing \(path); run with ONCOMATCH_UPDATE_GOLDEN=1 to create it")
        #expect(
            [UInt8](golden) == rendered,
            "\(path) differs; if intended, regenerate with ONCOMATCH_UPDATE_GOLDEN=1")
    }
}
