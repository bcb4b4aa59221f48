/// Per-sample mutation counts gathered while loading a MAF: the inputs of tumour mutational
/// burden (TMB), kept as plain counts (dividing by the callable territory is the TMB calculator's
/// job).
///
/// Every row of the sample is counted, whatever the genes of interest. A row is **eligible** when
/// its FILTER passes (`PASS`, `.` or empty), its origin is not germline (TMB counts somatic
/// mutations), and its tumour VAF is at least ``minimumAlleleFraction`` — or unknown: a MAF
/// without read counts (such as vcf2maf's minimal MAF) is taken as already filtered, and such rows
/// are also counted in ``eligibleWithoutAlleleFraction`` so that a report can say so.
///
/// Classes are those of ``TMBNumerator``: **non-synonymous** = protein-altering (truncating,
/// missense, in-frame insertion / deletion / delins, other-coding); **coding** = non-synonymous +
/// synonymous; splice-region, non-coding and structural rows are in neither. Feed a count to
/// ``TumourMutationalBurden`` with ``count(for:)`` and ``isTumourOnly``.
public struct MAFMutationCounts: Sendable, Hashable {
    /// The `Tumor_Sample_Barcode`.
    public var sample: String
    /// The VAF threshold the counts were made with (0.05 by default).
    public var minimumAlleleFraction: Double
    /// Rows of this sample read (well-formed ones; skipped rows are not counted).
    public var rows: Int = 0
    /// Rows passing FILTER, not germline, with VAF ≥ the threshold or unknown.
    public var eligible: Int = 0
    /// Eligible rows whose VAF is unknown (no tumour read counts in the MAF).
    public var eligibleWithoutAlleleFraction: Int = 0
    /// Eligible coding non-synonymous rows.
    public var codingNonSynonymous: Int = 0
    /// Eligible coding rows, synonymous included.
    public var coding: Int = 0
    /// Eligible missense rows.
    public var missense: Int = 0
    /// Rows without a `Matched_Norm_Sample_Barcode`.
    public var rowsWithoutMatchedNormal: Int = 0
    /// The `Matched_Norm_Sample_Barcode`s of the sample's rows, each once, in the order seen (at
    /// most ``maximumMatchedNormals``).
    public var matchedNormals: [String] = []
    static let maximumMatchedNormals = 4

    /// Empty counts for `sample`.
    public init(sample: String, minimumAlleleFraction: Double) {
        self.sample = sample
        self.minimumAlleleFraction = minimumAlleleFraction
    }

    /// Whether the sample was called without a matched normal (no row names one): its counts may
    /// include residual germline variants.
    public var isTumourOnly: Bool { rows > 0 && rowsWithoutMatchedNormal == rows }

    /// The matched normal as a report names it: its barcode, several joined with `, `, `nil` when
    /// no row names one.
    public var matchedNormalName: String? {
        matchedNormals.isEmpty ? nil : matchedNormals.joined(separator: ", ")
    }

    /// The eligible rows counted by `numerator`.
    public func count(for numerator: TMBNumerator) -> Int {
        switch numerator {
        case .codingNonsynonymous: codingNonSynonymous
        case .allCoding: coding
        case .missenseOnly: missense
        }
    }

    /// Adds the counts of `other` (the same sample, counted on other rows of the file).
    mutating func add(_ other: MAFMutationCounts) {
        rows += other.rows
        eligible += other.eligible
        eligibleWithoutAlleleFraction += other.eligibleWithoutAlleleFraction
        codingNonSynonymous += other.codingNonSynonymous
        coding += other.coding
        missense += other.missense
        rowsWithoutMatchedNormal += other.rowsWithoutMatchedNormal
        for normal in other.matchedNormals { noteMatchedNormal(normal) }
    }

    private mutating func noteMatchedNormal(_ normal: String) {
        if matchedNormals.count < Self.maximumMatchedNormals && !matchedNormals.contains(normal) {
            matchedNormals.append(normal)
        }
    }

    /// Counts one well-formed row of this sample; `matchedNormal` is its
    /// `Matched_Norm_Sample_Barcode` (`nil` when missing), made a string only when new.
    mutating func count(
        variantClass: VariantClass, passesFilter: Bool, origin: Origin, alleleFraction: Double?,
        matchedNormal: UnsafeRawBufferPointer?
    ) {
        rows += 1
        if let matchedNormal {
            // Compared in place with the few kept: a string is made once per new barcode.
            if matchedNormals.count < Self.maximumMatchedNormals
                && !matchedNormals.contains(where: { $0.utf8.elementsEqual(matchedNormal) })
            {
                matchedNormals.append(String(decoding: matchedNormal, as: UTF8.self))
            }
        } else {
            rowsWithoutMatchedNormal += 1
        }
        guard passesFilter, origin != .germline else { return }
        if let alleleFraction, alleleFraction < minimumAlleleFraction { return }
        eligible += 1
        if alleleFraction == nil { eligibleWithoutAlleleFraction += 1 }
        if TMBNumerator.codingNonsynonymous.counts(variantClass) { codingNonSynonymous += 1 }
        if TMBNumerator.allCoding.counts(variantClass) { coding += 1 }
        if TMBNumerator.missenseOnly.counts(variantClass) { missense += 1 }
    }
}
