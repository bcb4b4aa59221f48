import Testing

@testable import OncoReports

@Suite struct CohortTableTests {
    @Test func rowsFromAReportEqualRowsReadBackFromItsJSON() throws {
        for report in [ReportFixtures.melanoma, ReportFixtures.empty, ReportFixtures.hostile] {
            let direct = try CohortSampleResult(sample: "S1", report: report)
            let json = try JSONReportWriter().renderBytes(report)
            let readBack = try CohortReportReader.read(bytes: json, file: "S1.json", sample: "S1")
            #expect(direct == readBack)
            let table = CohortTable(results: [direct])
            let tableBack = CohortTable(results: [readBack])
            for file in CohortTable.File.allCases { #expect(table.render(file) == tableBack.render(file)) }
        }
    }

    @Test func renderingOnSeveralThreadsGivesTheSameText() throws {
        let melanoma = try CohortSampleResult(sample: "M", report: ReportFixtures.melanoma)
        let hostile = try CohortSampleResult(sample: "H\t<&>\"", report: ReportFixtures.hostile)
        let empty = try CohortSampleResult(sample: "E", report: ReportFixtures.empty)
        let failed = CohortSampleResult.failed(
            sample: "F", tumourType: "LUAD",
            error: SampleSheetError(file: "x.vcf", line: 3, message: "bad\nline"))
        var many: [CohortSampleResult] = []
        for index in 0..<23 {
            var result = [melanoma, hostile, empty, failed][index % 4]
            result.sample += "-\(index)"
            many.append(result)
        }
        // Ten samples in eight runs leave the last runs empty.
        for results in [[], [melanoma], [failed], [melanoma, failed, hostile], Array(many.prefix(10)), many] {
            let table = CohortTable(results: results)
            for threads in [1, 2, 3, 8] {
                let texts = table.renderAll(threads: threads)
                for file in CohortTable.File.allCases {
                    #expect(
                        texts[file] == table.render(file),
                        "\(results.count) samples, \(threads) threads, \(file)")
                }
            }
        }
    }

    @Test func matchesWithTheSameTherapiesAndEffectMergeKeepingTheBestTier() {
        var better = ReportFixtures.onLabelBRAF
        better.ampTier = "I-A"
        var worse = ReportFixtures.onLabelBRAF
        worse.ampTier = "II-C"
        worse.onLabel = false
        worse.ruleId = "other-rule"
        worse.supportingRuleIds = ["other-rule"]
        worse.alterations = [ReportFixtures.nrasQ61K]
        let rows = CohortTherapyRow.rows(from: [better, worse, ReportFixtures.resistanceNRAS])
        #expect(rows.count == 2)
        #expect(rows[0].ampTier == "I-A")
        #expect(rows[0].onLabel)
        #expect(rows[0].ruleIds == ["fixture-braf-v600e-melanoma", "other-rule"])
        #expect(rows[0].alterations == ["BRAF V600E", "NRAS Q61K"])
        #expect(rows[1].effect == ReportFixtures.resistanceNRAS.effect)
    }

    @Test func tablesHaveOneRowPerSampleAndPerTherapyGroup() throws {
        let melanoma = try CohortSampleResult(sample: "M", report: ReportFixtures.melanoma)
        let failed = CohortSampleResult.failed(
            sample: "F", tumourType: "LUAD",
            error: SampleSheetError(file: "x.vcf", line: 3, message: "bad\nline"))
        let table = CohortTable(results: [melanoma, failed])
        let samples = table.render(.samples).split(separator: "\n")
        #expect(samples.count == 3)
        #expect(samples[0] == Substring(CohortTable.sampleColumns.joined(separator: "\t")))
        #expect(samples[2] == "F\tLUAD\tfailed: x.vcf:3: bad line\t\t\tunknown\tunknown\t0\t0\t\t0\t0\t0")
        let therapies = table.render(.therapies).split(separator: "\n")
        #expect(therapies.count == 1 + melanoma.therapyRows.count)
        #expect(therapies.dropFirst().allSatisfy { $0.hasPrefix("M\tMEL\t") })
        let json = table.render(.json)
        #expect(json.contains("\"failed\": 1"))
        #expect(json.contains("\"error\": \"x.vcf:3: bad line\""))
    }

    @Test func htmlEscapesSampleValuesAndDrawsTheChart() throws {
        var hostile = try CohortSampleResult(
            sample: ReportFixtures.Hostile.script, report: ReportFixtures.melanoma)
        hostile.therapyRows[0].therapies = [ReportFixtures.Hostile.image]
        let html = CohortTable(results: [hostile]).render(.html)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func therapyCountsCountEachSampleOnceAtItsBestTier() throws {
        let one = try CohortSampleResult(sample: "A", report: ReportFixtures.melanoma)
        let two = try CohortSampleResult(sample: "B", report: ReportFixtures.melanoma)
        let counts = CohortHTMLWriter(results: [one, two]).therapyCounts()
        let braf = try #require(counts.first { $0.therapies.contains("dabrafenib + trametinib") })
        #expect(braf.total == 2)
        #expect(braf.samplesByTier["I-A"] == 2)
    }

    @Test func progressLineShowsRateAndETA() {
        let line = CohortProgressText.line(
            .init(done: 50, total: 200, failed: 1, reused: 0), elapsedSeconds: 10)
        #expect(line == "50/200 samples · 1 failed · 5.0 samples/s · ETA 30 s")
        #expect(CohortProgressText.duration(185) == "3 min 05 s")
    }
}
