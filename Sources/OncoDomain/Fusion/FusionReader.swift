import GenomicFormats

/// Reads fusions from a fusion caller's table:
///
/// - PCGR's (`FusionGene` as `FIVE--THREE`, optionally `LeftBreakpoint`, `RightBreakpoint` as
///   `chrom:position`, and `SplitReads`); one side of `FusionGene` may be empty (`--ALK`,
///   `FGFR2--`): that partner is unnamed; a gene fused with itself (`EGFR--EGFR`) is an
///   intragenic rearrangement, counted in ``Table/notes``;
/// - STAR-Fusion's predictions (`#FusionName` as `LEFT--RIGHT`, the left gene 5′;
///   `JunctionReadCount`; breakpoints with their strand, `chr2:29223528:-`);
/// - Arriba's `fusions.tsv` (`#gene1`, the 5′ gene, and `gene2`; `breakpoint1`, `breakpoint2`;
///   `split_reads1` + `split_reads2`). A fusion whose transcribed strand Arriba could not
///   predict (`.` after the slash of `strand1(gene/fusion)` or `strand2(gene/fusion)`) is kept
///   without orientation; an intergenic side (`GENE(1234),GENE(5678)`) is an unnamed partner.
///   Rows that are not gene fusions — an intragenic event (`gene1` = `gene2`), genes fused
///   head-to-head or tail-to-tail (`5'-5'`, `3'-3'`: no chimeric protein) or intergenic on both
///   sides — are not read as fusions and are counted in ``Table/notes``.
///
/// A malformed value is an error naming the file, line and column.
public enum FusionReader {
    /// The fusions of a table and what was not read as a fusion, and why (one sentence per
    /// reason, with the count and the genes).
    public struct Table: Sendable {
        public var events: [FusionEvent]
        public var notes: [String]
    }

    public static func read(path: String) throws -> [FusionEvent] {
        try readTable(path: path).events
    }

    /// Parses TSV text already in memory; `name` is used in error messages.
    public static func read(text: String, name: String) throws -> [FusionEvent] {
        try readTable(text: text, name: name).events
    }

    public static func readTable(path: String) throws -> Table {
        try read(TabularText(path: path, commentPrefixes: commentPrefixes))
    }

    /// Parses TSV text already in memory, with the notes on rows that are not fusions.
    public static func readTable(text: String, name: String) throws -> Table {
        try read(TabularText(path: name, text: text, commentPrefixes: commentPrefixes))
    }

    /// STAR-Fusion's and Arriba's header lines start with `#` (`#FusionName`, `#gene1`): only
    /// `##` and `# ` lines are comments here.
    static let commentPrefixes = ["##", "# "]

    static func read(_ tabular: TabularText) throws -> Table {
        guard let header = tabular.lines.first else {
            throw FormatError(.header, file: tabular.path, message: "empty file: expected a header line")
        }
        let names = header.fields.map { $0.lowercased() }
        if names.contains("#gene1") || (names.contains("gene1") && names.contains("gene2")) {
            return try readArriba(tabular, names: names)
        }
        let fusionColumn = try tabular.columns(
            ["fusion": ["FusionGene", "fusion", "#FusionName", "FusionName"]], in: header)["fusion"]!
        let left = names.firstIndex(of: "leftbreakpoint")
        let right = names.firstIndex(of: "rightbreakpoint")
        let reads = names.firstIndex(of: "splitreads") ?? names.firstIndex(of: "junctionreadcount")
        var events: [FusionEvent] = []
        var intragenic: [String] = []
        for line in tabular.lines.dropFirst() {
            let value = try tabular.field(line, fusionColumn, name: "FusionGene")
            let parts = splitOnDoubleDash(value)
            guard parts.count == 2, !(parts[0].isEmpty && parts[1].isEmpty) else {
                throw FormatError(
                    .value, file: tabular.path, line: line.number, field: "FusionGene",
                    message: "expected FIVE--THREE (one side may be empty), found '\(value)'")
            }
            // `EGFR--EGFR`: a rearrangement within one gene, not a fusion of two.
            if parts[0] == parts[1] {
                intragenic.append(String(parts[0]))
                continue
            }
            var support: Int?
            if let reads, let text = try optionalField(tabular, line, reads, name: "SplitReads"),
                !text.isEmpty
            {
                support = try tabular.integer(line, reads, name: "SplitReads")
            }
            events.append(
                FusionEvent(
                    fivePrimeGene: parts[0].isEmpty ? nil : String(parts[0]),
                    threePrimeGene: parts[1].isEmpty ? nil : String(parts[1]),
                    fivePrimeBreakpoint: try breakpoint(tabular, line, left, "LeftBreakpoint"),
                    threePrimeBreakpoint: try breakpoint(tabular, line, right, "RightBreakpoint"),
                    splitReads: support))
        }
        return Table(
            events: events,
            notes: intragenicNote(intragenic, file: tabular.path, caller: "").map { [$0] } ?? [])
    }

    /// `f.tsv: 2 intragenic Arriba events (EGFR, MET) not read as fusions` (`caller` is the
    /// caller's name and a space, or empty), or `nil` for none.
    private static func intragenicNote(_ genes: [String], file: String, caller: String) -> String? {
        guard !genes.isEmpty else { return nil }
        return "\(file): \(genes.count) intragenic \(caller)event\(genes.count == 1 ? "" : "s") "
            + "(\(unique(genes).joined(separator: ", "))) not read as fusions"
    }

    private static func readArriba(_ tabular: TabularText, names: [String]) throws -> Table {
        let header = tabular.lines[0]
        let columns = try tabular.columns(
            [
                "gene1": ["#gene1", "gene1"], "gene2": ["gene2"],
                "strand1": ["strand1(gene/fusion)"], "strand2": ["strand2(gene/fusion)"],
            ], in: header)
        let breakpoint1 = names.firstIndex(of: "breakpoint1")
        let breakpoint2 = names.firstIndex(of: "breakpoint2")
        let type = names.firstIndex(of: "type")
        let splitReads = [names.firstIndex(of: "split_reads1"), names.firstIndex(of: "split_reads2")]
        var events: [FusionEvent] = []
        var intragenic: [String] = []
        var headToHead: [String] = []
        var intergenic = 0
        for line in tabular.lines.dropFirst() {
            let gene1 = try tabular.field(line, columns["gene1"]!, name: "gene1")
            let gene2 = try tabular.field(line, columns["gene2"]!, name: "gene2")
            let five = arribaGene(gene1)
            let three = arribaGene(gene2)
            if let type, let text = try optionalField(tabular, line, type, name: "type"),
                text.contains("5'-5'") || text.contains("3'-3'")
            {
                headToHead.append("\(gene1)/\(gene2)")
                continue
            }
            guard five != nil || three != nil else {
                intergenic += 1
                continue
            }
            if let five, five == three {
                intragenic.append(five)
                continue
            }
            var oriented = true
            for (key, name) in [("strand1", "strand1(gene/fusion)"), ("strand2", "strand2(gene/fusion)")] {
                let text = try tabular.field(line, columns[key]!, name: name)
                guard let slash = text.firstIndex(of: "/") else {
                    throw FormatError(
                        .value, file: tabular.path, line: line.number, field: name,
                        message: "expected gene/fusion strands such as +/-, found '\(text)'")
                }
                if text[text.index(after: slash)...] == "." { oriented = false }
            }
            var reads: Int?
            for (index, column) in splitReads.enumerated() {
                guard let column else { continue }
                let value = try tabular.integer(line, column, name: "split_reads\(index + 1)")
                let (sum, overflow) = (reads ?? 0).addingReportingOverflow(value)
                guard !overflow else {
                    throw FormatError(
                        .value, file: tabular.path, line: line.number, field: "split_reads\(index + 1)",
                        message: "the split reads add up beyond the largest supported count (\(Int.max))")
                }
                reads = sum
            }
            events.append(
                FusionEvent(
                    fivePrimeGene: five, threePrimeGene: three,
                    fivePrimeBreakpoint: try breakpoint(tabular, line, breakpoint1, "breakpoint1"),
                    threePrimeBreakpoint: try breakpoint(tabular, line, breakpoint2, "breakpoint2"),
                    splitReads: reads, oriented: oriented))
        }
        var notes: [String] = []
        let file = tabular.path
        if let note = intragenicNote(intragenic, file: file, caller: "Arriba ") { notes.append(note) }
        if !headToHead.isEmpty {
            notes.append(
                "\(file): \(headToHead.count) Arriba event\(headToHead.count == 1 ? "" : "s") fusing genes "
                    + "head-to-head or tail-to-tail (\(unique(headToHead).joined(separator: ", "))) not read as "
                    + "fusions: no chimeric protein")
        }
        if intergenic > 0 {
            notes.append(
                "\(file): \(intergenic) Arriba event\(intergenic == 1 ? "" : "s") intergenic on both sides not "
                    + "read as fusions")
        }
        return Table(events: events, notes: notes)
    }

    /// Arriba's gene column: a gene, or for an intergenic breakpoint the closest genes with
    /// their distances (`GENE1(1234),GENE2(5678)`), which name no partner (`nil`).
    private static func arribaGene(_ field: Substring) -> String? {
        let text = String(field)
        if text.isEmpty || text == "." || text.contains(",") || text.contains("(") { return nil }
        return text
    }

    /// The field, or `nil` when it is empty or says missing (`.`, `NA`); an error when the line
    /// is short of the column.
    private static func optionalField(
        _ tabular: TabularText, _ line: TabularText.Line, _ column: Int, name: String
    )
        throws -> Substring?
    {
        let text = try tabular.field(line, column, name: name)
        return text.isEmpty || text == "." || text == "NA" ? nil : text
    }

    private static func breakpoint(
        _ tabular: TabularText, _ line: TabularText.Line, _ column: Int?, _ name: String
    ) throws -> GenomicPosition? {
        guard let column, let text = try optionalField(tabular, line, column, name: name) else { return nil }
        guard let position = GenomicPosition(parsing: text) else {
            throw FormatError(
                .value, file: tabular.path, line: line.number, field: name,
                message: "expected chromosome:position, found '\(text)'")
        }
        return position
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
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
