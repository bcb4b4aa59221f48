import GenomicFormats

/// What loading one MAF did: rows read, kept, filtered out and skipped, and the per-sample
/// mutation counts for TMB.
public struct MAFLoadStatistics: Sendable {
    /// The file path as given.
    public var file: String
    /// Data rows read (column header, `#` lines and blank lines excluded), skipped ones included.
    public var rowsRead = 0
    /// Rows turned into alterations and kept by the index.
    public var alterationsAdded = 0
    /// Rows dropped because their gene is not among the index's genes of interest (or they have
    /// no gene while genes of interest are set).
    public var rowsOutsideGenesOfInterest = 0
    /// Rows of other samples than the one asked for (single-sample loading).
    public var rowsOfOtherSamples = 0
    /// Malformed rows skipped in lenient mode.
    public var rowsSkipped = 0
    /// The first skipped rows' errors (file, line, column, what was expected), in file order.
    public var skippedExamples: [FormatError] = []
    /// Rows of the chosen sample(s) whose FILTER is neither PASS nor `.`.
    public var rowsFailingFilter = 0
    /// The genome build named by the `NCBI_Build` column (first row that names one), if any.
    public var build: GenomeBuild?
    /// Mutation counts per sample, in order of first appearance in the file.
    public var mutationCounts: [MAFMutationCounts] = []

    /// Empty statistics for `file`.
    public init(file: String) {
        self.file = file
    }

    /// The mutation counts of `sample`, or `nil` when the file has no row of it.
    public func mutationCounts(ofSample sample: String) -> MAFMutationCounts? {
        mutationCounts.first { $0.sample == sample }
    }

    /// Rows filtered out on purpose (other genes, other samples), as opposed to skipped as malformed.
    public var rowsFiltered: Int { rowsOutsideGenesOfInterest + rowsOfOtherSamples }

    /// For an error saying no usable row was found: how many rows were skipped as malformed and
    /// the first reason (empty when none was), so the user looks at the rows, not the sample name.
    public var skippedNote: String {
        guard rowsSkipped > 0 else { return "" }
        let first = skippedExamples.first.map { "; the first: \($0.description)" } ?? ""
        return " (\(rowsSkipped) malformed row\(rowsSkipped == 1 ? "" : "s") skipped\(first))"
    }
}
