/// The copy-number call of a segment or gene.
public enum CopyNumberState: String, Hashable, Sendable, CaseIterable {
    /// Total copy number at or above the amplification threshold (see ``CopyNumberThresholds``).
    case amplification
    /// No copy left (total 0).
    case homozygousDeletion = "homozygous-deletion"
    /// One allele lost (minor 0) while copies remain.
    case lossOfHeterozygosity = "loh"
    /// None of the above.
    case neutral
}

/// When a total copy number counts as an amplification.
///
/// The default, an absolute total of at least 6 copies, is a convention of this tool (a common
/// choice for focal amplification calls), not a clinical definition: set it to what the
/// caller or assay defines. ``relativeToPloidy(_:excess:)`` calls amplification at
/// `total ≥ ploidy + excess` (e.g. ploidy 3.2, excess 4 → 7.2 copies, so 8 or more).
public enum CopyNumberThresholds: Hashable, Sendable {
    case absolute(minimumTotal: Int)
    case relativeToPloidy(Double, excess: Double)

    /// `absolute(minimumTotal: 6)`.
    public static let `default` = CopyNumberThresholds.absolute(minimumTotal: 6)

    /// Whether `total` copies is an amplification under this rule.
    public func isAmplified(total: Int) -> Bool {
        switch self {
        case .absolute(let minimumTotal): total >= minimumTotal
        case .relativeToPloidy(let ploidy, let excess): Double(total) >= ploidy + excess
        }
    }

    /// A short human description (`total ≥ 6`, `total ≥ ploidy 3.2 + 4`).
    public var description: String {
        switch self {
        case .absolute(let minimumTotal): "total ≥ \(minimumTotal)"
        case .relativeToPloidy(let ploidy, let excess): "total ≥ ploidy \(ploidy) + \(excess)"
        }
    }
}
