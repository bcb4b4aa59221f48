import Testing

@testable import OncoReports

@Suite("TSV report writer")
struct TSVReportWriterTests {
    func rows(_ report: MatchReport) throws -> [[String]] {
        let text = try TSVReportWriter().render(report)
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func oneRowPerMatchAndAlterationAfterTheHeader() throws {
        let table = try rows(ReportFixtures.melanoma)
        #expect(table.first == TSVReportWriter.columns)
        // BRAF, TMB (no alteration), PIK3CA, NRAS.
        #expect(table.count == 1 + 4)
        for row in table { #expect(row.count == TSVReportWriter.columns.count) }
        let column = { (name: String) in TSVReportWriter.columns.firstIndex(of: name)! }
        #expect(table[1][column("rule_id")] == "fixture-braf-v600e-melanoma")
        #expect(table[1][column("gene")] == "BRAF")
        #expect(table[1][column("protein_change")] == "V600E")
        #expect(table[1][column("vaf")] == "0.4124")
        #expect(table[1][column("position")] == "140753336")
        #expect(table[1][column("on_label")] == "true")
        #expect(
            table[1][column("references")] == "FDA label: dabrafenib + trametinib;Trial COMBI-d (NCT01584648)"
        )
        #expect(table[2][column("rule_id")] == "fixture-tmb-high-pembrolizumab")
        #expect(table[2][column("match_level")] == "biomarker")
        let alterationColumns =
            TSVReportWriter.columns.firstIndex(of: "gene")!...column("principal_transcript")
        let alterationCells = table[2][alterationColumns]
        #expect(alterationCells.count == 19)
        #expect(alterationCells.allSatisfy { $0.isEmpty })
        #expect(table[3][column("escat")] == "")
        #expect(table[3][column("on_label")] == "false")
        #expect(table[4][column("effect")] == "resistance")
    }

    @Test func aMatchWithSeveralAlterationsGetsOneRowEach() throws {
        var report = ReportFixtures.melanoma
        report.matches = [ReportFixtures.onLabelBRAF]
        report.matches[0].alterations.append(ReportFixtures.nrasQ61K)
        let table = try rows(report)
        #expect(table.count == 3)
        #expect(table[1][TSVReportWriter.columns.firstIndex(of: "gene")!] == "BRAF")
        #expect(table[2][TSVReportWriter.columns.firstIndex(of: "gene")!] == "NRAS")
        #expect(table[1][0..<17] == table[2][0..<17])
    }

    @Test func tabsLineBreaksAndSeparatorsAreEscaped() throws {
        let table = try rows(ReportFixtures.hostile)
        #expect(table.count == 5)
        for row in table { #expect(row.count == TSVReportWriter.columns.count) }
        let explanation = table[1][TSVReportWriter.columns.firstIndex(of: "explanation")!]
        #expect(explanation == #"tab\there\nnew line\r\x00nul\x07bell;semi\\back"#)
        let therapies = table[1][TSVReportWriter.columns.firstIndex(of: "therapies")!]
        #expect(therapies == #"drug\; with semicolon;<script>alert(1)</script>"#)
    }

    @Test func emptyReportIsJustTheHeader() throws {
        #expect(
            try TSVReportWriter().render(ReportFixtures.empty) == TSVReportWriter.columns.joined(
                separator: "\t") + "\n")
    }

    @Test func nonFiniteVAFIsAnError() {
        var report = ReportFixtures.melanoma
        report.matches[0].alterations[0].vaf = .nan
        #expect(throws: ReportError.nonFiniteNumber(field: "matches[0].alterations[0].vaf")) {
            try TSVReportWriter().render(report)
        }
    }

    @Test func sameReportGivesSameBytes() throws {
        #expect(
            try TSVReportWriter().renderBytes(ReportFixtures.hostile)
                == TSVReportWriter().renderBytes(ReportFixtures.hostile))
    }

    @Test("The pass that finds nothing to escape agrees with the scalar-by-scalar escape")
    func quickPassAgreesWithScalarEscape() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "a", "BRAF p.V600E", "\\", "\t", "\n", "\r", ";", "\u{00}", "\u{1F}", "\u{7F}", "é", "′", "🧬",
        ]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            for listItem in [false, true] {
                #expect(
                    TSVReportWriter.escape(text, listItem: listItem)
                        == TSVReportWriter.escapeByScalars(text, listItem: listItem),
                    "\(text.debugDescription)")
            }
        }
    }
}
