/// Per-sample genotype tallies for `VCFStatistics`.
public struct SampleGenotypeCounts: Sendable, Hashable {
    /// GT with every allele `0`.
    public var homozygousReference = 0
    /// GT with at least two different (non-missing) alleles.
    public var heterozygous = 0
    /// GT with every allele the same ALT.
    public var homozygousAlternate = 0
    /// GT with any `.` allele (or GT dropped from the sample column while FORMAT declares it).
    public var missing = 0
    /// Sum of FORMAT/DP where present and not `.`; it stops at `Int.max` (or `Int.min`) rather
    /// than overflow, which only absurd depths can reach.
    public var depthSum = 0

    public init() {}

    /// Adds `depth` to ``depthSum``, saturating.
    @inline(__always)
    mutating func addDepth(_ depth: Int) {
        let (sum, overflow) = depthSum.addingReportingOverflow(depth)
        depthSum = overflow ? (depth > 0 ? Int.max : Int.min) : sum
    }
}
