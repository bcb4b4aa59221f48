/// Conditions on the alteration itself that may sit beside the fields of `allele`, `protein`,
/// `codon`, `range`, `exon` and `gene` criteria.
public struct AlterationQualifiers: Hashable, Sendable {
    /// Where the alteration must come from.
    public enum Origin: String, Hashable, Sendable, CaseIterable {
        case somatic, germline, any
    }

    /// How many copies must be hit.
    public enum Zygosity: String, Hashable, Sendable, CaseIterable {
        case any, homozygous
        /// Two hits, or one hit plus LOH or a homozygous state.
        case biallelic
    }

    /// Which records count, by their FILTER column.
    public enum FilterRequirement: String, Hashable, Sendable, CaseIterable {
        /// Only PASS records (the match command's `--filter all` overrides it).
        case pass
        case any
    }

    public var origin: Origin
    public var zygosity: Zygosity
    /// Minimum variant allele fraction (0–1).
    public var minVAF: Double?
    /// Minimum read depth.
    public var minDepth: Int?
    public var filter: FilterRequirement

    /// The defaults: any origin, any zygosity, no VAF or depth limit, PASS only.
    public static let `default` = AlterationQualifiers()

    public init(
        origin: Origin = .any, zygosity: Zygosity = .any, minVAF: Double? = nil, minDepth: Int? = nil,
        filter: FilterRequirement = .pass
    ) {
        self.origin = origin
        self.zygosity = zygosity
        self.minVAF = minVAF
        self.minDepth = minDepth
        self.filter = filter
    }

    /// Whether every qualifier has its default value.
    public var isDefault: Bool { self == .default }

    /// `somatic, min VAF 0.05` — only the non-default qualifiers; empty when all are default.
    public var summary: String {
        var parts: [String] = []
        if origin != .any { parts.append(origin.rawValue) }
        if zygosity != .any { parts.append(zygosity.rawValue) }
        if let minVAF { parts.append("min VAF \(minVAF)") }
        if let minDepth { parts.append("min depth \(minDepth)") }
        if filter != .pass { parts.append("any FILTER") }
        return parts.joined(separator: ", ")
    }
}
