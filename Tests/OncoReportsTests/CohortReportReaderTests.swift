import Foundation
import TestSupport
import Testing

@testable import OncoReports

@Suite struct CohortReportReaderTests {
    @Test func parserKeepsOrderNumberTextAndEscapes() throws {
        let text =
            #"{"b": [1, 2.50, -3e2], "a": "x\"\u00e9\ud83d\ude00\n", "c": {"t": true, "f": false, "n": null}}"#
        let value = try JSONTextParser.parse(Array(text.utf8))
        let expected = JSONValue.object([
            ("b", .array([.number("1"), .number("2.50"), .number("-3e2")])),
            ("a", .string("x\"é😀\n")),
            ("c", .object([("t", .bool(true)), ("f", .bool(false)), ("n", .null)])),
        ])
        #expect(value == expected)
    }

    @Test func parserRoundTripsTheWriterOutput() throws {
        let value = JSONValue.object([
            ("text", .string("tab\there \u{1F} \\ \u{2028}")), ("list", .strings(["a", "b"])),
            ("empty", .array([])),
        ])
        #expect(try JSONTextParser.parse(Array(value.serialized().utf8)) == value)
    }

    @Test func parserRejectsInvalidJSONWithAnOffset() {
        for text in ["{\"a\": }", "[1, 2", "{\"a\" 1}", "\"open", "tru", "{} extra", "[01x]"] {
            #expect(throws: JSONTextParser.SyntaxError.self, "\(text)") {
                try JSONTextParser.parse(Array(text.utf8))
            }
        }
    }

    @Test func readsTheGoldenMelanomaReport() throws {
        let result = try CohortReportReader.read(path: TestData.fixture("reports/melanoma-report.json"))
        #expect(result.sample == "melanoma-report")
        #expect(result.tumourType == "MEL")
        #expect(result.status == .ok)
        let first = try #require(result.therapyRows.first)
        #expect(first.therapies.contains("dabrafenib + trametinib"))
        #expect(first.ampTier == "I-A")
        #expect(first.onLabel)
        #expect(first.alterations == ["BRAF V600E"])
    }

    @Test func readsFusionPartnersAndUnannotatedAllelesIntoTheRowLabels() throws {
        let json = try JSONReportWriter().render(MatchReportBuilderTests.fusionReport())
        let result = try CohortReportReader.read(bytes: Array(json.utf8), file: "lung.json", sample: "lung")
        let labels = result.therapyRows.flatMap(\.alterations)
        #expect(labels.contains("CCDC6::RET fusion"))
        #expect(labels.contains("BRAF 7:140753336:A>T"))
        #expect(!labels.contains { $0.hasPrefix("CCDC6 ") || $0.hasSuffix("unannotated") })
    }

    /// Biomarker findings join the row's labels (a TMB or HRD match has no alteration to name).
    @Test func readsBiomarkerFindingsIntoTheRowLabels() throws {
        let json = try JSONReportWriter().render(MatchReportBuilderTests.report())
        let result = try CohortReportReader.read(bytes: Array(json.utf8), file: "m.json", sample: "m")
        let row = try #require(
            result.therapyRows.first { $0.ruleIds.first == "io-tmb-high-pembrolizumab-solid" })
        #expect(row.alterations == ["TMB 12.00 mut/Mb"])
    }

    /// Schema 1.0.0 reports (before `fusion`, `alt_depth`, `biomarker_findings` and
    /// `conflicting_rule_ids`) are still read.
    @Test func readsASchema100ReportWithoutTheFusionField() throws {
        let json = try JSONReportWriter().render(MatchReportBuilderTests.fusionReport())
        let old = json.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in
                ["fusion", "alt_depth", "biomarker_findings", "conflicting_rule_ids", "germline_findings"]
                    .allSatisfy {
                        !line.contains("\"\($0)\": ")
                    }
            }
            .joined(separator: "\n")
            .replacingOccurrences(of: #""schema_version": "1.2.0""#, with: #""schema_version": "1.0.0""#)
        #expect(old != json)
        let result = try CohortReportReader.read(bytes: Array(old.utf8), file: "old.json", sample: "old")
        #expect(result.status == .ok)
        #expect(result.therapyRows.flatMap(\.alterations).contains("RET fusion"))
    }

    /// Germline findings (schema 1.2.0) reach the cohort tables the same way from a report in
    /// memory (`batch`) and from its JSON (`cohort-merge`).
    @Test func readsGermlineFindingsAsBatchDoes() throws {
        let report = try GoldenMatchCase.ovarian.run()
        let json = try JSONReportWriter().render(report)
        let read = try CohortReportReader.read(
            bytes: Array(json.utf8), file: "ovarian.json", sample: "ovarian")
        let built = try CohortSampleResult(sample: "ovarian", report: report)
        #expect(read.germlineFindings == ["BRCA1 p.E23Vfs*17 (germline)"])
        #expect(read == built)
        let table = CohortTable(results: [read])
        #expect(table.render(.samples).contains("\tBRCA1 p.E23Vfs*17 (germline)\t"))
        let document = try JSONTextParser.parse(Array(table.render(.json).utf8))
        guard case .object(let root) = document,
            case .array(let samples)? = root.first(where: { $0.key == "samples" })?.value,
            case .object(let sample)? = samples.first
        else {
            Issue.record("no samples in the cohort document")
            return
        }
        #expect(
            sample.first { $0.key == "germline_findings" }?.value
                == .strings(["BRCA1 p.E23Vfs*17 (germline)"]))
    }

    @Test func notAReportNamesTheMissingField() {
        do {
            _ = try CohortReportReader.read(
                bytes: Array(#"{"schema_version": "1.0.0"}"#.utf8), file: "x.json", sample: "x")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "x.json: tumour_type: missing (is this an OncoMatch JSON report?)")
        }
    }

    @Test func otherSchemaMajorVersionIsRefused() {
        #expect(throws: CohortReportReader.ReadError.self) {
            try CohortReportReader.read(
                bytes: Array(#"{"schema_version": "9.0.0"}"#.utf8), file: "x.json", sample: "x")
        }
    }

    @Test func sampleIdComesFromTheFileName() {
        #expect(CohortReportReader.sampleId(fromPath: "out/reports/S-01.json") == "S-01")
        #expect(CohortReportReader.sampleId(fromPath: "S.v2.json") == "S.v2")
    }
}
