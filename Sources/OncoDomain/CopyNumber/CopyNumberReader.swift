import GenomicFormats

/// Reads allele-specific copy-number segments from a TSV with a header naming `Chromosome`,
/// `Start`, `End`, `nMajor`, `nMinor` (any order, case-insensitive), as PCGR takes them.
///
/// Coordinates are taken as 1-based inclusive. Errors name the file, line and column.
public enum CopyNumberReader {
    public static func read(path: String) throws -> [CopyNumberSegment] {
        try read(TabularText(path: path))
    }

    /// Parses TSV text already in memory; `name` is used in error messages.
    public static func read(text: String, name: String) throws -> [CopyNumberSegment] {
        try read(TabularText(path: name, text: text))
    }

    static func read(_ tabular: TabularText) throws -> [CopyNumberSegment] {
        guard let header = tabular.lines.first else {
            throw FormatError(.header, file: tabular.path, message: "empty file: expected a header line")
        }
        let columns = try tabular.columns(
            [
                "chromosome": ["Chromosome", "chrom", "chr"], "start": ["Start"], "end": ["End"],
                "major": ["nMajor", "major_cn"], "minor": ["nMinor", "minor_cn"],
            ], in: header)
        var segments: [CopyNumberSegment] = []
        for line in tabular.lines.dropFirst() {
            let chromosome = try tabular.field(line, columns["chromosome"]!, name: "Chromosome")
            let start = try tabular.integer(line, columns["start"]!, name: "Start")
            let end = try tabular.integer(line, columns["end"]!, name: "End")
            let major = try tabular.integer(line, columns["major"]!, name: "nMajor")
            let minor = try tabular.integer(line, columns["minor"]!, name: "nMinor")
            guard !chromosome.isEmpty else {
                throw FormatError(
                    .value, file: tabular.path, line: line.number, field: "Chromosome", message: "empty")
            }
            guard start >= 1, end >= start else {
                throw FormatError(
                    .value, file: tabular.path, line: line.number, field: "End",
                    message: "expected 1 ≤ Start ≤ End, found \(start)–\(end)")
            }
            guard !major.addingReportingOverflow(minor).overflow else {
                throw FormatError(
                    .value, file: tabular.path, line: line.number, field: "nMinor",
                    message: "nMajor + nMinor exceeds the largest supported copy number (\(Int.max))")
            }
            segments.append(
                CopyNumberSegment(
                    chromosome: String(chromosome), start: start, end: end, majorCopies: major,
                    minorCopies: minor))
        }
        return segments
    }
}
