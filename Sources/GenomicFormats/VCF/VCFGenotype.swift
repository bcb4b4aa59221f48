/// A sample's `GT` value: allele indices (0 = REF, 1… = ALT, `nil` = missing `.`), any ploidy,
/// with the phasing of each allele.
///
/// Phasing: each allele after the first takes the phasing of the separator before it (`|`
/// phased, `/` unphased). The first allele takes the VCF 4.4 explicit prefix when present
/// (`|0/1`, `/0|1`); otherwise it is phased when every other allele is phased (so a haploid
/// `1` and `0|1` are fully phased, `0/1` and `0/1|2` are not).
public struct VCFGenotype: Sendable, Hashable, CustomStringConvertible {
    /// Allele indices in call order; `nil` for a missing allele.
    public var alleles: [Int?]
    /// Whether each allele is phased (same count as `alleles`).
    public var phased: [Bool]
    /// Whether the text carried an explicit VCF 4.4 leading phasing prefix.
    public var hasExplicitFirstPhase: Bool

    public init(alleles: [Int?], phased: [Bool], hasExplicitFirstPhase: Bool = false) {
        self.alleles = alleles
        self.phased = phased
        self.hasExplicitFirstPhase = hasExplicitFirstPhase
    }

    /// The number of alleles called.
    public var ploidy: Int { alleles.count }
    /// Whether every allele is phased.
    public var isPhased: Bool { phased.allSatisfy { $0 } }
    /// Whether any allele is missing.
    public var hasMissingAllele: Bool { alleles.contains(nil) }

    /// A coarse zygosity class.
    public enum Zygosity: String, Sendable, Hashable {
        /// Every allele is the reference (`0/0`, `0`).
        case homozygousReference
        /// At least two different alleles (`0/1`, `1/2`, `0/0/1`).
        case heterozygous
        /// Every allele is the same ALT (`1/1`, `2`).
        case homozygousAlternate
        /// Any allele missing (`./.`, `0/.`), or an empty call.
        case missing
    }

    /// Zygosity: any missing allele → missing; two different alleles → heterozygous; all `0` →
    /// homozygous reference; otherwise homozygous alternate.
    public var zygosity: Zygosity {
        guard let first = alleles.first else { return .missing }
        if alleles.contains(nil) { return .missing }
        if alleles.contains(where: { $0 != first }) { return .heterozygous }
        return first == 0 ? .homozygousReference : .homozygousAlternate
    }

    /// `0|1`, `./.`, `|0/1` (the prefix only when it was explicit).
    public var description: String {
        var text = ""
        for (index, allele) in alleles.enumerated() {
            if index > 0 || hasExplicitFirstPhase { text += phased[index] ? "|" : "/" }
            text += allele.map(String.init) ?? "."
        }
        return text
    }

    /// Parses GT bytes, or `nil` when they are not a genotype.
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> VCFGenotype? {
        var alleles: [Int?] = []
        var phased: [Bool] = []
        var explicit = false
        var index = 0
        let count = bytes.count
        if count == 0 { return nil }
        var pendingPhase: Bool? = nil
        if bytes[0] == UInt8(ascii: "|") || bytes[0] == UInt8(ascii: "/") {
            pendingPhase = bytes[0] == UInt8(ascii: "|")
            explicit = true
            index = 1
        }
        while true {
            guard index < count else { return nil }
            if bytes[index] == UInt8(ascii: ".") {
                alleles.append(nil)
                index += 1
            } else {
                var value = 0
                let start = index
                while index < count, bytes[index] >= 48, bytes[index] <= 57 {
                    value = value &* 10 &+ Int(bytes[index] - 48)
                    index += 1
                    if index - start > 9 { return nil }
                }
                if index == start { return nil }
                alleles.append(value)
            }
            phased.append(pendingPhase ?? false)
            if index == count { break }
            let separator = bytes[index]
            guard separator == UInt8(ascii: "|") || separator == UInt8(ascii: "/") else { return nil }
            pendingPhase = separator == UInt8(ascii: "|")
            index += 1
        }
        if !explicit {
            phased[0] = phased.count == 1 || phased[1...].allSatisfy { $0 }
        }
        return VCFGenotype(alleles: alleles, phased: phased, hasExplicitFirstPhase: explicit)
    }

    /// The zygosity of GT bytes without allocating, or `nil` when they are not a genotype.
    /// Agrees with `parse(_:)?.zygosity`.
    public static func zygosity(of bytes: UnsafeRawBufferPointer) -> Zygosity? {
        let count = bytes.count
        if count == 0 { return nil }
        var index = 0
        if bytes[0] == UInt8(ascii: "|") || bytes[0] == UInt8(ascii: "/") { index = 1 }
        var first = -2
        var missing = false
        var different = false
        while true {
            guard index < count else { return nil }
            var value = -1
            if bytes[index] == UInt8(ascii: ".") {
                missing = true
                index += 1
            } else {
                value = 0
                let start = index
                while index < count, bytes[index] >= 48, bytes[index] <= 57 {
                    value = value &* 10 &+ Int(bytes[index] - 48)
                    index += 1
                    if index - start > 9 { return nil }
                }
                if index == start { return nil }
            }
            if first == -2 { first = value } else if value != first { different = true }
            if index == count { break }
            guard bytes[index] == UInt8(ascii: "|") || bytes[index] == UInt8(ascii: "/") else { return nil }
            index += 1
        }
        if missing { return .missing }
        if different { return .heterozygous }
        return first == 0 ? .homozygousReference : .homozygousAlternate
    }

    /// How a genotype calls one allele: its ploidy, whether it calls the allele, and whether it
    /// calls that allele only (every copy).
    public struct AlleleCall: Sendable, Hashable {
        public var ploidy: Int
        public var callsAllele: Bool
        public var callsOnlyAllele: Bool

        public init(ploidy: Int, callsAllele: Bool, callsOnlyAllele: Bool) {
            self.ploidy = ploidy
            self.callsAllele = callsAllele
            self.callsOnlyAllele = callsOnlyAllele
        }
    }

    /// How the GT bytes call ALT `allele`, without allocating: what `parse(_:)` gives (its
    /// ``ploidy``, whether ``alleles`` contains `allele`, whether all of them are `allele`), for
    /// bytes that are already written as ``description`` writes them and whose alleles are at
    /// most `alternates`; `nil` otherwise (not a genotype, a number with a leading zero, an allele
    /// out of range: the caller reads those with `parse(_:)`). The bytes are then the genotype's
    /// text.
    public static func call(of allele: Int, in bytes: UnsafeRawBufferPointer, alternates: Int) -> AlleleCall?
    {
        let count = bytes.count
        guard count > 0 else { return nil }
        var index = bytes[0] == UInt8(ascii: "|") || bytes[0] == UInt8(ascii: "/") ? 1 : 0
        var call = AlleleCall(ploidy: 0, callsAllele: false, callsOnlyAllele: true)
        while true {
            guard index < count else { return nil }
            call.ploidy += 1
            if bytes[index] == UInt8(ascii: ".") {
                call.callsOnlyAllele = false
                index += 1
            } else {
                let start = index
                var value = 0
                while index < count, bytes[index] >= 48, bytes[index] <= 57 {
                    value = value &* 10 &+ Int(bytes[index] - 48)
                    index += 1
                    if index - start > 9 { return nil }
                }
                // No digits, a leading zero (written back without it), or out of range.
                if index == start || (bytes[start] == 48 && index - start > 1) || value > alternates {
                    return nil
                }
                if value == allele { call.callsAllele = true } else { call.callsOnlyAllele = false }
            }
            if index == count { break }
            guard bytes[index] == UInt8(ascii: "|") || bytes[index] == UInt8(ascii: "/") else { return nil }
            index += 1
        }
        return call
    }
}
