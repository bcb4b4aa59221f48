import OncoDomain

/// The samples of a cohort run: one ``Entry`` per tumour, in sheet order (the order of every
/// cohort table).
///
/// A sample sheet is a tab-separated file with a header row. Columns (any order):
///
/// | column | required | meaning |
/// |---|---|---|
/// | `sample` | yes | the sample's id in the cohort (also the per-sample report file name) |
/// | `input` | yes, unless a shared input is given | VCF or MAF path, relative to the sheet's folder |
/// | `tumour_type` | yes | OncoTree code |
/// | `input_sample` | no | the tumour's column in the VCF / `Tumor_Sample_Barcode` in the MAF |
/// | `normal` | no | the matched normal's VCF column |
/// | `msi`, `hrd` | no | statuses measured outside the variants |
/// | `target_mb` / `target_bed` | no | TMB denominator (one of them) |
/// | `copy_number`, `fusions` | no | per-sample tables, relative to the sheet's folder |
///
/// Blank lines and lines starting with `#` are ignored; empty cells mean "not given".
public struct SampleSheet: Sendable, Equatable {
    /// One tumour to match.
    public struct Entry: Sendable, Equatable {
        /// The id of the sample in the cohort tables.
        public var sample: String
        /// VCF or MAF path (resolved against the sheet's folder).
        public var inputPath: String
        /// OncoTree code as written in the sheet.
        public var tumourType: String
        /// The tumour's column (VCF) or barcode (MAF) in the input; `nil` lets the loader choose.
        public var inputSample: String?
        public var normal: String?
        public var msi: MSIStatus
        public var hrd: HRDStatus
        public var targetMegabases: Double?
        public var targetBED: String?
        public var copyNumberPath: String?
        public var fusionsPath: String?
        /// The sheet line the entry comes from (for messages).
        public var line: Int

        public init(
            sample: String, inputPath: String, tumourType: String, inputSample: String? = nil,
            normal: String? = nil, msi: MSIStatus = .unknown, hrd: HRDStatus = .unknown,
            targetMegabases: Double? = nil, targetBED: String? = nil, copyNumberPath: String? = nil,
            fusionsPath: String? = nil, line: Int = 0
        ) {
            self.sample = sample
            self.inputPath = inputPath
            self.tumourType = tumourType
            self.inputSample = inputSample
            self.normal = normal
            self.msi = msi
            self.hrd = hrd
            self.targetMegabases = targetMegabases
            self.targetBED = targetBED
            self.copyNumberPath = copyNumberPath
            self.fusionsPath = fusionsPath
            self.line = line
        }
    }

    /// Every column a sheet may have.
    public static let knownColumns = [
        "sample", "input", "tumour_type", "input_sample", "normal", "msi", "hrd", "target_mb", "target_bed",
        "copy_number", "fusions",
    ]

    /// The sheet's path as given (for messages).
    public var file: String
    public var entries: [Entry]

    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }

    /// Reads the sheet at `path`.
    ///
    /// - Parameter sharedInput: one multi-sample VCF (or MAF) for every row: the `input` column is
    ///   then optional, and `input_sample` defaults to `sample`.
    public static func load(path: String, sharedInput: String? = nil) throws(SampleSheetError) -> SampleSheet
    {
        try parse(
            TextFile.readText(path), file: path, baseDirectory: TextFile.directory(of: path),
            sharedInput: sharedInput)
    }

    /// Parses sheet text; relative paths are resolved against `baseDirectory`.
    public static func parse(
        _ text: String, file: String, baseDirectory: String, sharedInput: String? = nil
    ) throws(SampleSheetError) -> SampleSheet {
        let lines = TextFile.numberedLines(text).filter { !$0.text.isEmpty && !$0.text.hasPrefix("#") }
        guard let header = lines.first else {
            throw SampleSheetError(file: file, line: 0, message: "the sheet is empty: expected a header row")
        }
        let columns = header.text.split(separator: "\t", omittingEmptySubsequences: false).map {
            TextFile.trimmed($0)
        }
        var seenColumns: Set<String> = []
        for column in columns {
            guard knownColumns.contains(column) else {
                throw SampleSheetError(
                    file: file, line: header.number, column: column,
                    message: "unknown column (expected: \(knownColumns.joined(separator: ", ")))")
            }
            guard seenColumns.insert(column).inserted else {
                throw SampleSheetError(
                    file: file, line: header.number, column: column, message: "column given twice")
            }
        }
        var required = ["sample", "tumour_type"]
        if sharedInput == nil { required.insert("input", at: 1) }
        for column in required where !seenColumns.contains(column) {
            throw SampleSheetError(
                file: file, line: header.number, message: "missing required column '\(column)'")
        }

        var entries: [Entry] = []
        var lineOfSample: [String: Int] = [:]
        for row in lines.dropFirst() {
            let cells = row.text.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == columns.count else {
                throw SampleSheetError(
                    file: file, line: row.number,
                    message:
                        "expected \(columns.count) tab-separated fields as in the header, found \(cells.count)"
                )
            }
            var values: [String: String] = [:]
            for (column, cell) in zip(columns, cells) {
                let value = TextFile.trimmed(cell)
                if !value.isEmpty { values[column] = value }
            }
            let entry = try entry(
                from: values, line: row.number, file: file, base: baseDirectory, sharedInput: sharedInput)
            if let first = lineOfSample[entry.sample] {
                throw SampleSheetError(
                    file: file, line: row.number, column: "sample",
                    message: "duplicate sample '\(entry.sample)' (first on line \(first))")
            }
            lineOfSample[entry.sample] = row.number
            entries.append(entry)
        }
        guard !entries.isEmpty else {
            throw SampleSheetError(
                file: file, line: header.number, message: "the sheet has a header but no sample rows")
        }
        return SampleSheet(file: file, entries: entries)
    }

    private static func entry(
        from values: [String: String], line: Int, file: String, base: String, sharedInput: String?
    ) throws(SampleSheetError) -> Entry {
        func fail(_ column: String, _ message: String) -> SampleSheetError {
            SampleSheetError(file: file, line: line, column: column, message: message)
        }
        guard let sample = values["sample"] else {
            throw fail("sample", "empty: every row needs a sample id")
        }
        if let problem = fileNameProblem(sample) { throw fail("sample", problem) }
        guard let tumourType = values["tumour_type"] else {
            throw fail("tumour_type", "empty: expected an OncoTree code such as MEL or LUAD")
        }
        let input: String
        if let given = values["input"] {
            input = TextFile.resolve(given, against: base)
        } else if let sharedInput {
            input = sharedInput
        } else {
            throw fail("input", "empty: expected a VCF or MAF path")
        }
        var entry = Entry(sample: sample, inputPath: input, tumourType: tumourType, line: line)
        entry.inputSample =
            values["input_sample"] ?? (sharedInput != nil && values["input"] == nil ? sample : nil)
        entry.normal = values["normal"]
        if let text = values["msi"] {
            guard let status = MSIStatus(parsing: text) else {
                throw fail("msi", "unknown status '\(text)' (accepted: \(MSIStatus.acceptedSpellings))")
            }
            entry.msi = status
        }
        if let text = values["hrd"] {
            guard let status = HRDStatus(parsing: text) else {
                throw fail("hrd", "unknown status '\(text)' (accepted: \(HRDStatus.acceptedSpellings))")
            }
            entry.hrd = status
        }
        if let text = values["target_mb"] {
            guard let megabases = Double(text), megabases > 0,
                megabases <= CallableTerritory.largestStatedMegabases
            else {
                throw fail(
                    "target_mb",
                    "expected a positive number of megabases, at most "
                        + "\(Int(CallableTerritory.largestStatedMegabases)), found '\(text)'")
            }
            entry.targetMegabases = megabases
        }
        if let text = values["target_bed"] {
            if entry.targetMegabases != nil {
                throw fail("target_bed", "give target_mb or target_bed, not both")
            }
            entry.targetBED = TextFile.resolve(text, against: base)
        }
        entry.copyNumberPath = values["copy_number"].map { TextFile.resolve($0, against: base) }
        entry.fusionsPath = values["fusions"].map { TextFile.resolve($0, against: base) }
        return entry
    }

    /// Why `sample` cannot name a report file, or `nil` when it can.
    static func fileNameProblem(_ sample: String) -> String? {
        if sample.contains("/") { return "'\(sample)' contains '/': sample ids name report files" }
        if sample.hasPrefix(".") { return "'\(sample)' starts with '.': sample ids name report files" }
        if sample.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "'\(sample)' contains a control character"
        }
        return nil
    }
}
