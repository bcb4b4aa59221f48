/// A cBioPortal-style clinical sample table (`data_clinical_sample.txt`) read as the sample sheet
/// of a MAF cohort: `SAMPLE_ID` names the `Tumor_Sample_Barcode`, `ONCOTREE_CODE` the tumour type.
///
/// Lines starting with `#` (cBioPortal's four metadata rows) and blank lines are skipped; other
/// columns are ignored. Rows keep the table's order.
public enum ClinicalSampleTable {
    /// The sample id column.
    public static let sampleColumn = "SAMPLE_ID"
    /// The tumour type column.
    public static let tumourTypeColumn = "ONCOTREE_CODE"

    /// Reads `path` into a sample sheet whose every entry reads `mafPath`.
    public static func load(path: String, mafPath: String) throws(SampleSheetError) -> SampleSheet {
        try parse(TextFile.readText(path), file: path, mafPath: mafPath)
    }

    /// Parses clinical table text into a sample sheet whose every entry reads `mafPath`.
    public static func parse(_ text: String, file: String, mafPath: String) throws(SampleSheetError)
        -> SampleSheet
    {
        let lines = TextFile.numberedLines(text).filter { !$0.text.isEmpty && !$0.text.hasPrefix("#") }
        guard let header = lines.first else {
            throw SampleSheetError(
                file: file, line: 0, message: "the clinical table is empty: expected a header row")
        }
        let columns = header.text.split(separator: "\t", omittingEmptySubsequences: false).map {
            TextFile.trimmed($0)
        }
        guard let sampleColumn = columns.firstIndex(of: sampleColumn) else {
            throw SampleSheetError(
                file: file, line: header.number, message: "missing column '\(sampleColumn)'")
        }
        guard let typeColumn = columns.firstIndex(of: tumourTypeColumn) else {
            throw SampleSheetError(
                file: file, line: header.number, message: "missing column '\(tumourTypeColumn)'")
        }
        var entries: [SampleSheet.Entry] = []
        var lineOfSample: [String: Int] = [:]
        for row in lines.dropFirst() {
            let cells = row.text.split(separator: "\t", omittingEmptySubsequences: false).map {
                TextFile.trimmed($0)
            }
            guard cells.count == columns.count else {
                throw SampleSheetError(
                    file: file, line: row.number,
                    message:
                        "expected \(columns.count) tab-separated fields as in the header, found \(cells.count)"
                )
            }
            let sample = cells[sampleColumn]
            guard !sample.isEmpty else {
                throw SampleSheetError(
                    file: file, line: row.number, column: Self.sampleColumn, message: "empty sample id")
            }
            if let problem = SampleSheet.fileNameProblem(sample) {
                throw SampleSheetError(
                    file: file, line: row.number, column: Self.sampleColumn, message: problem)
            }
            let tumourType = cells[typeColumn]
            guard !tumourType.isEmpty && tumourType != "NA" else {
                throw SampleSheetError(
                    file: file, line: row.number, column: tumourTypeColumn,
                    message: "empty: expected an OncoTree code for sample '\(sample)'")
            }
            if let first = lineOfSample[sample] {
                throw SampleSheetError(
                    file: file, line: row.number, column: Self.sampleColumn,
                    message: "duplicate sample '\(sample)' (first on line \(first))")
            }
            lineOfSample[sample] = row.number
            entries.append(
                SampleSheet.Entry(
                    sample: sample, inputPath: mafPath, tumourType: tumourType, inputSample: sample,
                    line: row.number))
        }
        guard !entries.isEmpty else {
            throw SampleSheetError(
                file: file, line: header.number, message: "the clinical table has no sample rows")
        }
        return SampleSheet(file: file, entries: entries)
    }
}
