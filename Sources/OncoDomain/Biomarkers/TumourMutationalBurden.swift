/// Counts variants towards a tumour mutational burden, for every numerator at once.
///
/// The domain core calls ``record(_:passesFilters:)`` once per somatic small variant (one class
/// per variant: its most severe over the transcripts considered); ``result(numerator:territory:isTumourOnly:)``
/// then gives the burden.
public struct TMBCounter: Hashable, Sendable {
    /// Variants counted per numerator (numerators with none are absent).
    public var counts: [TMBNumerator: Int] {
        var result: [TMBNumerator: Int] = [:]
        for numerator in TMBNumerator.allCases where count(for: numerator) > 0 {
            result[numerator] = count(for: numerator)
        }
        return result
    }
    // One field per numerator: `record` runs once per variant of the file, so no hashing there.
    private var codingNonsynonymous = 0
    private var allCoding = 0
    private var missenseOnly = 0
    /// Variants seen that passed the filters (whatever their class).
    public private(set) var variantsPassingFilters = 0
    /// Variants seen that failed the filters (never counted).
    public private(set) var variantsFailingFilters = 0

    public init() {}

    /// Records one variant; it counts only when it passes the filters.
    public mutating func record(_ variantClass: VariantClass, passesFilters: Bool) {
        guard passesFilters else {
            variantsFailingFilters += 1
            return
        }
        variantsPassingFilters += 1
        if TMBNumerator.codingNonsynonymous.counts(variantClass) { codingNonsynonymous += 1 }
        if TMBNumerator.allCoding.counts(variantClass) { allCoding += 1 }
        if TMBNumerator.missenseOnly.counts(variantClass) { missenseOnly += 1 }
    }

    /// Adds the counts of `other` (another part of the same input).
    public mutating func add(_ other: TMBCounter) {
        variantsPassingFilters += other.variantsPassingFilters
        variantsFailingFilters += other.variantsFailingFilters
        codingNonsynonymous += other.codingNonsynonymous
        allCoding += other.allCoding
        missenseOnly += other.missenseOnly
    }

    /// The number of variants counted by `numerator`.
    public func count(for numerator: TMBNumerator) -> Int {
        switch numerator {
        case .codingNonsynonymous: codingNonsynonymous
        case .allCoding: allCoding
        case .missenseOnly: missenseOnly
        }
    }

    /// The burden for `numerator` over `territory`.
    public func result(
        numerator: TMBNumerator = .codingNonsynonymous, territory: CallableTerritory, isTumourOnly: Bool
    ) throws -> TumourMutationalBurden {
        try TumourMutationalBurden(
            numerator: numerator, count: count(for: numerator), territory: territory,
            isTumourOnly: isTumourOnly)
    }
}

/// A tumour mutational burden: variants per megabase of callable territory, with the formula
/// and the cautions that limit how far it can be trusted.
public struct TumourMutationalBurden: Hashable, Sendable {
    /// Reasons to read the value with care.
    public enum Caution: String, Hashable, Sendable, CaseIterable {
        /// Callable territory below 1 Mb (small panel): a few variants swing the value widely.
        case smallPanel = "panel-under-1-mb"
        /// No matched normal: germline variants not removed by filters inflate the count.
        case tumourOnly = "tumour-only"
        /// The denominator is the assumed exome size, not a measured one.
        case assumedTerritory = "assumed-territory"

        /// One sentence for reports.
        public var explanation: String {
            switch self {
            case .smallPanel:
                "The callable territory is under 1 Mb, so a handful of variants changes the value a lot."
            case .tumourOnly:
                "Tumour-only calling: residual germline variants may inflate the count."
            case .assumedTerritory:
                "The callable size is an assumed exome of \(CallableTerritory.assumedExomeMegabases) Mb, not measured from the assay."
            }
        }
    }

    /// Why no burden could be computed.
    public struct InvalidTerritory: Error, Sendable, CustomStringConvertible {
        public var description: String { "the callable territory is empty (0 bases): TMB is undefined" }
    }

    public var numerator: TMBNumerator
    /// Variants counted.
    public var count: Int
    public var territory: CallableTerritory
    /// Variants per megabase.
    public var value: Double
    public var cautions: [Caution]

    public init(numerator: TMBNumerator, count: Int, territory: CallableTerritory, isTumourOnly: Bool) throws
    {
        guard territory.bases > 0 else { throw InvalidTerritory() }
        self.numerator = numerator
        self.count = count
        self.territory = territory
        self.value = Double(count) / territory.megabases
        var cautions: [Caution] = []
        if territory.bases < 1_000_000 { cautions.append(.smallPanel) }
        if isTumourOnly { cautions.append(.tumourOnly) }
        if territory.source == .assumedExome { cautions.append(.assumedTerritory) }
        self.cautions = cautions
    }

    /// `12 coding non-synonymous variants / 30.00 Mb = 0.40 variants/Mb`.
    public var formula: String {
        "\(count) \(numerator.phrase) / \(Self.format(territory.megabases)) Mb = \(Self.format(value)) variants/Mb"
    }

    /// Two decimals, rounded half away from zero, without Foundation.
    static func format(_ number: Double) -> String {
        // Beyond what an `Int` holds (a territory of a few bases), Swift's own form.
        guard number.isFinite, (number.magnitude * 100).rounded() < 9.0e18 else { return "\(number)" }
        let hundredths = Int((number * 100).rounded())
        let whole = hundredths / 100
        let fraction = abs(hundredths % 100)
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
