import GenomicFormats

/// The size of the genome in which variants could have been called: the TMB denominator.
public struct CallableTerritory: Hashable, Sendable {
    /// Where the size came from.
    public enum Source: Hashable, Sendable {
        /// Summed from a BED file (after merging overlapping intervals).
        case bed(path: String)
        /// Given as a number by the user.
        case stated
        /// The exome default ``CallableTerritory/assumedExomeMegabases``: an assumption.
        case assumedExome
    }

    /// Callable bases.
    public var bases: Int
    public var source: Source

    /// The default exome size when nothing better is known: 30 Mb.
    ///
    /// This is an ASSUMPTION of this tool, roughly the size of the protein-coding exome;
    /// capture kits differ (their targets are often larger, and callable territory after
    /// coverage filters is smaller). Give the kit's BED or callable size for a real value.
    public static let assumedExomeMegabases = 30.0

    public init(bases: Int, source: Source) {
        self.bases = bases
        self.source = source
    }

    /// A size stated in megabases (1 Mb = 1,000,000 bases); more bases than an `Int` holds (or
    /// not a number) saturate at `Int.max` — callers check sizes against
    /// ``largestStatedMegabases`` first and say what is wrong.
    public init(megabases: Double) {
        let bases = (megabases * 1_000_000).rounded()
        self.init(bases: bases.isNaN || bases >= 9.0e18 ? Int.max : max(0, Int(bases)), source: .stated)
    }

    /// The largest territory a user may state, in megabases: far above any genome (the human one
    /// is about 3,100 Mb), and below the sizes whose base count would not fit an `Int`.
    public static let largestStatedMegabases = 1_000_000.0

    /// The assumed exome (``assumedExomeMegabases``).
    public static var assumedExome: CallableTerritory {
        CallableTerritory(bases: Int(assumedExomeMegabases * 1_000_000), source: .assumedExome)
    }

    /// Size in megabases.
    public var megabases: Double { Double(bases) / 1_000_000 }

    /// Sums the intervals of a BED file, merging overlaps per chromosome (BED is 0-based,
    /// half-open: `chr1 100 200` is 100 bases). `track`, `browser` and `#` lines are skipped;
    /// a line with fewer than 3 columns, a non-integer or `end < start` is an error.
    public static func load(bedPath: String) throws -> CallableTerritory {
        try CallableTerritory(
            bases: bedBases(TabularText(path: bedPath, commentPrefixes: ["#", "track", "browser"])),
            source: .bed(path: bedPath))
    }

    /// Like ``load(bedPath:)`` for BED text in memory; `name` is used in error messages.
    public static func parse(bedText: String, name: String) throws -> CallableTerritory {
        try CallableTerritory(
            bases: bedBases(
                TabularText(path: name, text: bedText, commentPrefixes: ["#", "track", "browser"])),
            source: .bed(path: name))
    }

    static func bedBases(_ tabular: TabularText) throws -> Int {
        var intervals: [String: [(start: Int, end: Int)]] = [:]
        for line in tabular.lines {
            let chromosome = try tabular.field(line, 0, name: "chrom")
            let start = try tabular.integer(line, 1, name: "chromStart")
            let end = try tabular.integer(line, 2, name: "chromEnd")
            guard end >= start else {
                throw FormatError(
                    .value, file: tabular.path, line: line.number, field: "chromEnd",
                    message: "expected chromEnd ≥ chromStart, found \(start)–\(end)")
            }
            intervals[ChromosomeName.normalised(chromosome), default: []].append((start, end))
        }
        var total = 0
        // Starts are non-negative and ends at least their starts, so a span cannot overflow; the
        // sum of spans can, for a BED of absurd coordinates: an error, not a trap.
        func add(_ interval: (start: Int, end: Int)) throws {
            let (sum, overflow) = total.addingReportingOverflow(interval.end - interval.start)
            guard !overflow else {
                throw FormatError(
                    .value, file: tabular.path, field: "chromEnd",
                    message:
                        "the intervals cover more bases than can be counted (\(Int.max)); are the coordinates right?"
                )
            }
            total = sum
        }
        for (_, list) in intervals {
            let sorted = list.sorted { $0.start < $1.start }
            var current: (start: Int, end: Int)?
            for interval in sorted {
                if let open = current, interval.start <= open.end {
                    current = (open.start, max(open.end, interval.end))
                } else {
                    if let open = current { try add(open) }
                    current = interval
                }
            }
            if let open = current { try add(open) }
        }
        return total
    }
}
