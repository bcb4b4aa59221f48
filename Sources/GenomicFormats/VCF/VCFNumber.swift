/// The `Number=` of an INFO or FORMAT declaration: how many values a field holds.
public enum VCFNumber: Sendable, Hashable, CustomStringConvertible {
    /// A fixed count (`Number=1`, `Number=0` for flags).
    case count(Int)
    /// One value per alternate allele (`A`).
    case perAlternateAllele
    /// One value per allele, reference included (`R`).
    case perAllele
    /// One value per possible genotype (`G`).
    case perGenotype
    /// One value per allele of the sample's ploidy (`P`, VCF 4.4+).
    case perPloidy
    /// Local-allele forms of VCF 4.5 (`LA`, `LR`, `LG`), kept by name.
    case local(String)
    /// Unknown or varying (`.`).
    case unknown

    /// Parses the text of `Number=`, or `nil` when it is none of the forms above.
    public init?(_ text: String) {
        switch text {
        case "A": self = .perAlternateAllele
        case "R": self = .perAllele
        case "G": self = .perGenotype
        case "P": self = .perPloidy
        case ".": self = .unknown
        case "LA", "LR", "LG": self = .local(text)
        default:
            guard let count = Int(text), count >= 0 else { return nil }
            self = .count(count)
        }
    }

    public var description: String {
        switch self {
        case .count(let count): return String(count)
        case .perAlternateAllele: return "A"
        case .perAllele: return "R"
        case .perGenotype: return "G"
        case .perPloidy: return "P"
        case .local(let text): return text
        case .unknown: return "."
        }
    }
}
