import GenomicFormats

/// The rows of one part of a MAF (see ``MAFFileParts``), loaded on their own by
/// ``MAFAlterationLoader/load(part:of:genesOfInterest:)``: an index of the part's samples and
/// alterations, and the part's statistics.
///
/// The parts of a file, taken in file order, hold exactly the rows of the file: a sample's
/// alterations are those of its samples in every part, in part order.
public struct MAFPartLoad: Sendable {
    /// The part's alterations; its samples are those with a row in the part.
    public var index: VariantIndex
    /// The part's counts; its mutation counts cover only the part's rows.
    public var statistics: MAFLoadStatistics

    public init(index: VariantIndex, statistics: MAFLoadStatistics) {
        self.index = index
        self.statistics = statistics
    }

    /// The statistics of the whole file from those of its parts (in file order): what
    /// ``MAFAlterationLoader/load(path:into:)`` gives for the file.
    ///
    /// - Throws: the loader's error when ``MAFAlterationLoader/Options/sample`` has no row in any part.
    public static func mergedStatistics(
        _ parts: [MAFPartLoad], file: String, options: MAFAlterationLoader.Options
    ) throws -> MAFLoadStatistics {
        var merged = MAFLoadStatistics(file: file)
        var countsSlot: [String: Int] = [:]
        for part in parts {
            let statistics = part.statistics
            merged.rowsRead += statistics.rowsRead
            merged.alterationsAdded += statistics.alterationsAdded
            merged.rowsOutsideGenesOfInterest += statistics.rowsOutsideGenesOfInterest
            merged.rowsOfOtherSamples += statistics.rowsOfOtherSamples
            merged.rowsSkipped += statistics.rowsSkipped
            merged.rowsFailingFilter += statistics.rowsFailingFilter
            let room = max(0, options.maximumSkippedExamples - merged.skippedExamples.count)
            merged.skippedExamples.append(contentsOf: statistics.skippedExamples.prefix(room))
            if merged.build == nil { merged.build = statistics.build }
            for counts in statistics.mutationCounts {
                if let slot = countsSlot[counts.sample] {
                    merged.mutationCounts[slot].add(counts)
                } else {
                    countsSlot[counts.sample] = merged.mutationCounts.count
                    merged.mutationCounts.append(counts)
                }
            }
        }
        try MAFAlterationLoader(options: options).checkSampleFound(merged)
        return merged
    }
}
