/// The INFO and FORMAT keys the VCF specification reserves, with the Number and Type it gives
/// them. Used to type undeclared reserved keys and to flag declarations that contradict the
/// specification.
enum VCFReservedFields {
    /// A reserved key's definition and whether its values are counts (never negative).
    struct Definition {
        var number: VCFNumber
        var type: VCFValueType
        var nonNegative = false
    }

    /// Reserved INFO keys (VCF 4.2 §1.4.2 and §3; 4.3+ keeps them). `SB` is left out: 4.1 and
    /// 4.2 give it no type and older GATK writes it as a Float.
    static let info: [String: Definition] = [
        "AA": Definition(number: .count(1), type: .string),
        "AC": Definition(number: .perAlternateAllele, type: .integer, nonNegative: true),
        "AD": Definition(number: .perAllele, type: .integer, nonNegative: true),
        "ADF": Definition(number: .perAllele, type: .integer, nonNegative: true),
        "ADR": Definition(number: .perAllele, type: .integer, nonNegative: true),
        "AF": Definition(number: .perAlternateAllele, type: .float, nonNegative: true),
        "AN": Definition(number: .count(1), type: .integer, nonNegative: true),
        "BQ": Definition(number: .count(1), type: .float),
        "CIGAR": Definition(number: .perAlternateAllele, type: .string),
        "DB": Definition(number: .count(0), type: .flag),
        "DP": Definition(number: .count(1), type: .integer, nonNegative: true),
        "END": Definition(number: .count(1), type: .integer, nonNegative: true),
        "H2": Definition(number: .count(0), type: .flag),
        "H3": Definition(number: .count(0), type: .flag),
        "MQ": Definition(number: .count(1), type: .float),
        "MQ0": Definition(number: .count(1), type: .integer, nonNegative: true),
        "NS": Definition(number: .count(1), type: .integer, nonNegative: true),
        "SOMATIC": Definition(number: .count(0), type: .flag),
        "VALIDATED": Definition(number: .count(0), type: .flag),
        "1000G": Definition(number: .count(0), type: .flag),
        // Structural variants (§3).
        "IMPRECISE": Definition(number: .count(0), type: .flag),
        "NOVEL": Definition(number: .count(0), type: .flag),
        "SVTYPE": Definition(number: .count(1), type: .string),
        "CIPOS": Definition(number: .count(2), type: .integer),
        "CIEND": Definition(number: .count(2), type: .integer),
        "HOMLEN": Definition(number: .unknown, type: .integer),
        "HOMSEQ": Definition(number: .unknown, type: .string),
        "BKPTID": Definition(number: .unknown, type: .string),
        "MEINFO": Definition(number: .count(4), type: .string),
        "METRANS": Definition(number: .count(4), type: .string),
        "DGVID": Definition(number: .count(1), type: .string),
        "DBVARID": Definition(number: .count(1), type: .string),
        "DBRIPID": Definition(number: .count(1), type: .string),
        "MATEID": Definition(number: .unknown, type: .string),
        "PARID": Definition(number: .count(1), type: .string),
        "EVENT": Definition(number: .count(1), type: .string),
        "CILEN": Definition(number: .count(2), type: .integer),
        "DPADJ": Definition(number: .unknown, type: .integer),
        "CN": Definition(number: .count(1), type: .integer),
        "CNADJ": Definition(number: .unknown, type: .integer),
        "CICN": Definition(number: .count(2), type: .integer),
        "CICNADJ": Definition(number: .unknown, type: .integer),
    ]

    /// Reserved FORMAT keys (VCF 4.2 §1.4.2 and §3; `AD`/`ADF`/`ADR` from 4.3).
    static let format: [String: Definition] = [
        "AD": Definition(number: .perAllele, type: .integer, nonNegative: true),
        "ADF": Definition(number: .perAllele, type: .integer, nonNegative: true),
        "ADR": Definition(number: .perAllele, type: .integer, nonNegative: true),
        "DP": Definition(number: .count(1), type: .integer, nonNegative: true),
        "EC": Definition(number: .perAlternateAllele, type: .integer, nonNegative: true),
        "FT": Definition(number: .count(1), type: .string),
        "GL": Definition(number: .perGenotype, type: .float),
        "GLE": Definition(number: .perGenotype, type: .string),
        "GP": Definition(number: .perGenotype, type: .float),
        "GQ": Definition(number: .count(1), type: .integer),
        "GT": Definition(number: .count(1), type: .string),
        "HQ": Definition(number: .count(2), type: .integer),
        "MQ": Definition(number: .count(1), type: .integer),
        "PL": Definition(number: .perGenotype, type: .integer),
        "PQ": Definition(number: .count(1), type: .integer),
        "PS": Definition(number: .count(1), type: .integer),
        "CN": Definition(number: .count(1), type: .integer),
        "CNQ": Definition(number: .count(1), type: .float),
        "CNL": Definition(number: .perGenotype, type: .float),
        "CNP": Definition(number: .perGenotype, type: .float),
        "NQ": Definition(number: .count(1), type: .integer),
        "HAP": Definition(number: .count(1), type: .integer),
        "AHAP": Definition(number: .count(1), type: .integer),
    ]

    /// First-level types of symbolic ALT alleles that need no `##ALT` line (VCF 4.1–4.5), plus
    /// `*` (any other allele, 4.3+).
    static let symbolicAlleleTypes: Set<String> = ["DEL", "INS", "DUP", "INV", "CNV", "BND", "*"]

    /// Symbolic alleles in wide use outside the specification's reserved types (GATK's
    /// reference-model allele), accepted with a warning in any version.
    static let communitySymbolicAlleles: Set<String> = ["NON_REF"]

    /// The first-level type of a symbolic allele ID (`DEL` for `DEL:ME:ALU`).
    static func firstLevelType(_ id: Substring) -> Substring {
        id.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? id
    }
}
