/// One allele-specific copy-number segment (PURPLE/ASCAT-style `nMajor`/`nMinor`).
public struct CopyNumberSegment: Hashable, Sendable {
    /// Chromosome without `chr` prefix.
    public var chromosome: String
    /// First base, 1-based inclusive.
    public var start: Int
    /// Last base, 1-based inclusive.
    public var end: Int
    /// Copies of the major allele.
    public var majorCopies: Int
    /// Copies of the minor allele.
    public var minorCopies: Int

    public init(chromosome: String, start: Int, end: Int, majorCopies: Int, minorCopies: Int) {
        self.chromosome = ChromosomeName.normalised(chromosome)
        self.start = start
        self.end = end
        self.majorCopies = majorCopies
        self.minorCopies = minorCopies
    }

    /// Total copy number (major + minor; `Int.max` when that overflows — the reader rejects such
    /// segments, this keeps hand-built ones from trapping).
    public var totalCopies: Int {
        let (total, overflow) = majorCopies.addingReportingOverflow(minorCopies)
        return overflow ? Int.max : total
    }

    /// Length in bases (`Int.max` when the span is wider than an `Int` counts).
    public var length: Int {
        let (span, overflow) = end.subtractingReportingOverflow(start)
        return overflow || span == Int.max ? Int.max : span + 1
    }

    /// The call for this segment. Homozygous deletion wins over everything, then amplification,
    /// then loss of heterozygosity (an amplified segment with minor 0 is an amplification).
    public func state(thresholds: CopyNumberThresholds = .default) -> CopyNumberState {
        if totalCopies == 0 { return .homozygousDeletion }
        if thresholds.isAmplified(total: totalCopies) { return .amplification }
        if minorCopies == 0 { return .lossOfHeterozygosity }
        return .neutral
    }

    /// Whether the segment overlaps `gene`.
    public func overlaps(_ gene: GeneCoordinate) -> Bool {
        gene.overlaps(chromosome: chromosome, start: start, end: end)
    }
}
