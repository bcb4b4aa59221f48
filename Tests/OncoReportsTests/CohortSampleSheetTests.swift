import OncoDomain
import Testing

@testable import OncoReports

@Suite struct CohortSampleSheetTests {
    private func parse(_ text: String, sharedInput: String? = nil) throws(SampleSheetError) -> SampleSheet {
        try SampleSheet.parse(
            text, file: "sheet.tsv", baseDirectory: "/data/cohort", sharedInput: sharedInput)
    }

    private func error(_ text: String, sharedInput: String? = nil) -> SampleSheetError? {
        do {
            _ = try parse(text, sharedInput: sharedInput)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsRowsInOrderAndResolvesRelativePaths() throws {
        let sheet = try parse(
            "# a comment\nsample\tinput\ttumour_type\tmsi\thrd\ttarget_mb\tcopy_number\r\n"
                + "S1\tvcf/s1.vcf.gz\tMEL\tmsi-h\t\t38.5\tcn/s1.tsv\r\n\n"
                + "S2\t/abs/s2.vcf\tLUAD\t\tpositive\t\t\n")
        #expect(sheet.entries.map(\.sample) == ["S1", "S2"])
        let first = sheet.entries[0]
        #expect(first.inputPath == "/data/cohort/vcf/s1.vcf.gz")
        #expect(first.tumourType == "MEL")
        #expect(first.msi == .high)
        #expect(first.hrd == .unknown)
        #expect(first.targetMegabases == 38.5)
        #expect(first.copyNumberPath == "/data/cohort/cn/s1.tsv")
        #expect(first.line == 3)
        #expect(first.inputSample == nil)
        let second = sheet.entries[1]
        #expect(second.inputPath == "/abs/s2.vcf")
        #expect(second.hrd == .positive)
        #expect(second.targetMegabases == nil)
        #expect(second.line == 5)
    }

    @Test func sharedInputMakesTheInputColumnOptionalAndNamesTheColumn() throws {
        let sheet = try parse("sample\ttumour_type\nT1\tMEL\nT2\tLUAD\n", sharedInput: "/cohort.vcf")
        #expect(sheet.entries.map(\.inputPath) == ["/cohort.vcf", "/cohort.vcf"])
        #expect(sheet.entries.map(\.inputSample) == ["T1", "T2"])
    }

    @Test func unknownColumnIsNamedWithTheAcceptedOnes() {
        let problem = error("sample\tinput\ttumour_type\tstage\nS1\ta.vcf\tMEL\tII\n")
        #expect(problem?.line == 1)
        #expect(problem?.column == "stage")
        #expect(
            problem?.description.hasPrefix("sheet.tsv:1: stage: unknown column (expected: sample, input,")
                == true)
    }

    @Test func missingRequiredColumnIsAnError() {
        let problem = error("sample\tinput\nS1\ta.vcf\n")
        #expect(problem?.description == "sheet.tsv:1: missing required column 'tumour_type'")
    }

    @Test func duplicateSampleNamesTheFirstLine() {
        let problem = error("sample\tinput\ttumour_type\nS1\ta.vcf\tMEL\nS2\tb.vcf\tMEL\nS1\tc.vcf\tLUAD\n")
        #expect(problem?.description == "sheet.tsv:4: sample: duplicate sample 'S1' (first on line 2)")
    }

    @Test func wrongFieldCountNamesTheLine() {
        let problem = error("sample\tinput\ttumour_type\nS1\ta.vcf\n")
        #expect(
            problem?.description == "sheet.tsv:2: expected 3 tab-separated fields as in the header, found 2")
    }

    @Test func badValuesNameTheirColumn() {
        let header = "sample\tinput\ttumour_type\tmsi\thrd\ttarget_mb\ttarget_bed\n"
        #expect(error(header + "S1\ta.vcf\tMEL\tmsi-low\t\t\t\n")?.column == "msi")
        #expect(error(header + "S1\ta.vcf\tMEL\t\tmaybe\t\t\n")?.column == "hrd")
        #expect(error(header + "S1\ta.vcf\tMEL\t\t\t-3\t\n")?.column == "target_mb")
        #expect(
            error(header + "S1\ta.vcf\tMEL\t\t\t30\tx.bed\n")?.message
                == "give target_mb or target_bed, not both")
        #expect(error(header + "S1\t\tMEL\t\t\t\t\n")?.column == "input")
        #expect(error(header + "S1\ta.vcf\t\t\t\t\t\n")?.column == "tumour_type")
        #expect(error(header + "a/b\ta.vcf\tMEL\t\t\t\t\n")?.column == "sample")
        #expect(error(header + ".hidden\ta.vcf\tMEL\t\t\t\t\n")?.column == "sample")
    }

    @Test func emptySheetsAreErrors() {
        #expect(error("")?.message == "the sheet is empty: expected a header row")
        #expect(error("sample\tinput\ttumour_type\n")?.message == "the sheet has a header but no sample rows")
    }

    @Test func clinicalTableSkipsMetadataRowsAndKeepsOrder() throws {
        let text =
            "#Patient\tSample\tCode\n#1\t1\t1\nPATIENT_ID\tSAMPLE_ID\tONCOTREE_CODE\nP1\tT-2\tLUAD\nP2\tT-1\tMEL\n"
        let sheet = try ClinicalSampleTable.parse(text, file: "clinical.tsv", mafPath: "/c.maf")
        #expect(sheet.entries.map(\.sample) == ["T-2", "T-1"])
        #expect(sheet.entries.map(\.tumourType) == ["LUAD", "MEL"])
        #expect(sheet.entries.map(\.inputSample) == ["T-2", "T-1"])
        #expect(sheet.entries.allSatisfy { $0.inputPath == "/c.maf" })
    }

    @Test func clinicalTableErrorsNameLineAndColumn() {
        func problem(_ text: String) -> String? {
            do {
                _ = try ClinicalSampleTable.parse(text, file: "clinical.tsv", mafPath: "/c.maf")
                return nil
            } catch { return error.description }
        }
        #expect(
            problem("SAMPLE_ID\tCANCER_TYPE\nT1\tMelanoma\n")
                == "clinical.tsv:1: missing column 'ONCOTREE_CODE'")
        #expect(
            problem("SAMPLE_ID\tONCOTREE_CODE\nT1\tNA\n")?.hasPrefix("clinical.tsv:2: ONCOTREE_CODE: empty")
                == true)
        #expect(
            problem("SAMPLE_ID\tONCOTREE_CODE\nT1\tMEL\nT1\tLUAD\n")
                == "clinical.tsv:3: SAMPLE_ID: duplicate sample 'T1' (first on line 2)")
    }
}
