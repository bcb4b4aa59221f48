import Foundation
import GenomicFormats
import TestSupport
import Testing

/// Compares `VCFStatistics` with counts computed once by `bcftools stats` / `bcftools query`
/// (`scripts/make-stats-expectations.sh` → `Fixtures/stats-expectations.tsv`).
@Suite("Statistics agree with bcftools", .enabled(if: TestData.hasSharedData))
struct StatsExpectationTests {
    struct Expectation: CustomTestStringConvertible {
        var file: String
        var counts: [String: Int]
        var testDescription: String { file }
    }

    static let expectations: [Expectation] = {
        guard
            let text = try? String(
                contentsOfFile: TestData.fixture("stats-expectations.tsv"), encoding: .utf8)
        else { return [] }
        let rows = text.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        guard let columns = rows.first?.map(String.init) else { return [] }
        return rows.dropFirst().map { row in
            var counts: [String: Int] = [:]
            for (name, value) in zip(columns.dropFirst(), row.dropFirst()) { counts[name] = Int(value) }
            return Expectation(file: String(row[0]), counts: counts)
        }
    }()

    @Test func expectationsArePresent() {
        #expect(Self.expectations.count >= 100)
    }

    @Test(arguments: expectations)
    func countsMatch(expectation: Expectation) throws {
        let plain = try VCFTestSupport.plainCopy(of: TestData.shared(expectation.file))
        let statistics = try VCFStatistics(path: plain)
        let ours: [String: Int] = [
            "records": statistics.records, "snvs": statistics.snvs, "mnps": statistics.mnps,
            "indels": statistics.indels, "others": statistics.others, "no_alts": statistics.noAlts,
            "multiallelic": statistics.multiallelic, "filtered": statistics.filtered,
            "symbolic": statistics.symbolic,
        ]
        for (key, expected) in expectation.counts.sorted(by: { $0.key < $1.key }) {
            #expect(ours[key] == expected, "\(key)")
        }
    }
}
