/// The copy-number call of one gene, from the segments that overlap it.
public struct GeneCopyNumber: Hashable, Sendable {
    public var gene: String
    public var state: CopyNumberState
    /// Lowest total copy number over the gene's segments.
    public var minimumTotalCopies: Int
    /// Highest total copy number over the gene's segments.
    public var maximumTotalCopies: Int
    /// How many segments overlap the gene.
    public var segmentCount: Int

    /// Calls every gene of `table` that at least one segment overlaps, sorted by symbol.
    ///
    /// A gene is a homozygous deletion when any overlapping segment has no copy (a partial
    /// deletion still disrupts it); an amplification only when every overlapping segment is
    /// amplified (the whole gene is gained); LOH when any overlapping segment has minor 0;
    /// otherwise neutral. Genes no segment covers are not reported: they are unknown, not neutral.
    public static func call(
        segments: [CopyNumberSegment], genes table: GeneCoordinateTable,
        thresholds: CopyNumberThresholds = .default
    ) -> [GeneCopyNumber] {
        var calls: [GeneCopyNumber] = []
        for gene in table.genes {
            let overlapping = segments.filter { $0.overlaps(gene) }
            guard !overlapping.isEmpty else { continue }
            let totals = overlapping.map(\.totalCopies)
            let states = overlapping.map { $0.state(thresholds: thresholds) }
            let state: CopyNumberState
            if states.contains(.homozygousDeletion) {
                state = .homozygousDeletion
            } else if states.allSatisfy({ $0 == .amplification }) {
                state = .amplification
            } else if overlapping.contains(where: { $0.minorCopies == 0 }) {
                state = .lossOfHeterozygosity
            } else {
                state = .neutral
            }
            calls.append(
                GeneCopyNumber(
                    gene: gene.gene, state: state, minimumTotalCopies: totals.min()!,
                    maximumTotalCopies: totals.max()!, segmentCount: overlapping.count))
        }
        return calls
    }
}
