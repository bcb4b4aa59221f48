import GenomicFormats

/// Reads fusions from a TSV with a header naming `FusionGene` (`FIVE--THREE`), and optionally
/// `LeftBreakpoint`, `RightBreakpoint` (`chrom:position`) and `SplitReads`, as PCGR takes them;
/// STAR-Fusion's predictions (`#FusionName`, `JunctionReadCount`, breakpoints with a strand,
/// `chr2:29223528:-`) read the same way.
///
/// One side of `FusionGene` may be empty (`--ALK`, `FGFR2--`): that partner is unnamed. A value
/// without `--` or with both sides empty is an error naming the file and line.
public enum FusionReader {
    public static func read(path: String) throws -> [FusionEvent] {
        try read(TabularText(path: path, commentPrefixes: commentPrefixes))
    }

    /// Parses TSV text already in memory; `name` is used in error messages.
    public static func read(text: String, name: String) throws -> [FusionEvent] {
        try read(TabularText(path: name, text: text, commentPrefixes: commentPrefixes))
    }

    /// STAR-Fusion's header line starts with `#` (`#FusionName`): only `##` and `# ` lines are
    /// comments here.
    static let commentPrefixes = ["##", "# "]

    static func read(_ tabular: TabularText) throws -> [FusionEvent] {
        guard let header = tabular.lines.first else {
            throw FormatError(.header, file: tabular.path, message: "empty file: expected a header line")
        }
        let fusionColumn = try tabular.columns(
            ["fusion": ["FusionGene", "fusion", "#FusionName", "FusionName"]], in: header)["fusion"]!
        let names = header.fields.map { $0.lowercased() }
        let left = names.firstIndex(of: "leftbreakpoint")
        let right = names.firstIndex(of: "rightbreakpoint")
        let reads = names.firstIndex(of: "splitreads") ?? names.firstIndex(of: "junctionreadcount")
        var events: [FusionEvent] = []
        for line in tabular.lines.dropFirst() {
            let value = try tabular.field(line, fusionColumn, name: "FusionGene")
            let parts = splitOnDoubleDash(value)
            guard parts.count == 2, !(parts[0].isEmpty && parts[1].isEmpty) else {
                throw FormatError(
                    .value, file: tabular.path, line: line.number, field: "FusionGene",
                    message: "expected FIVE--THREE (one side may be empty), found '\(value)'")
            }
            func breakpoint(_ column: Int?, _ name: String) throws -> GenomicPosition? {
                guard let column else { return nil }
                let text = try tabular.field(line, column, name: name)
                if text.isEmpty || text == "." || text == "NA" { return nil }
                guard let position = GenomicPosition(parsing: text) else {
                    throw FormatError(
                        .value, file: tabular.path, line: line.number, field: name,
                        message: "expected chromosome:position, found '\(text)'")
                }
                return position
            }
            var support: Int?
            if let reads {
                let text = try tabular.field(line, reads, name: "SplitReads")
                if !(text.isEmpty || text == "." || text == "NA") {
                    support = try tabular.integer(line, reads, name: "SplitReads")
                }
            }
            events.append(
                FusionEvent(
                    fivePrimeGene: parts[0].isEmpty ? nil : String(parts[0]),
                    threePrimeGene: parts[1].isEmpty ? nil : String(parts[1]),
                    fivePrimeBreakpoint: try breakpoint(left, "LeftBreakpoint"),
                    threePrimeBreakpoint: try breakpoint(right, "RightBreakpoint"), splitReads: support))
        }
        return events
    }
}

/// Splits on `--` (the fusion separator of STAR-Fusion, Arriba exports and PCGR).
private func splitOnDoubleDash(_ text: Substring) -> [Substring] {
    var parts: [Substring] = []
    var rest = text
    while let range = rest.firstRange(of: "--") {
        parts.append(rest[..<range.lowerBound])
        rest = rest[range.upperBound...]
    }
    parts.append(rest)
    return parts
}
