import GenomicFormats
import OncoDomain

/// A codon named by an optional one-letter reference residue and its position: `G12`, `600`.
public struct CodonPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// One-letter reference residue, when written.
    public var residue: Character?
    /// 1-based residue position.
    public var position: Int

    public init(residue: Character?, position: Int) {
        self.residue = residue
        self.position = position
    }

    /// Parses `G12`, `p.G12`, `Gly12` or `12`; `nil` otherwise.
    public init?(parsing text: String) {
        var body = Substring(text)
        if body.hasPrefix("p.") { body = body.dropFirst(2) }
        let letters = body.prefix { $0.isLetter }
        let digits = body.dropFirst(letters.count)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let position = Int(digits),
            position > 0
        else { return nil }
        switch letters.count {
        case 0: residue = nil
        case 1:
            guard let letter = letters.first, letter.isUppercase, AminoAcid.oneLetterCodes.contains(letter)
            else { return nil }
            residue = letter
        case 3:
            guard let letter = AminoAcid.oneLetter(forThreeLetter: String(letters)) else { return nil }
            residue = letter
        default: return nil
        }
        self.position = position
    }

    /// By position, then residue.
    public static func < (lhs: CodonPosition, rhs: CodonPosition) -> Bool {
        (lhs.position, lhs.residue.map(String.init) ?? "") < (
            rhs.position, rhs.residue.map(String.init) ?? ""
        )
    }

    /// `G12` (or `12` without a residue).
    public var description: String { "\(residue.map(String.init) ?? "")\(position)" }
}

/// Amino-acid codes used to validate codon names.
enum AminoAcid {
    static let oneLetterCodes: Set<Character> = Set("ACDEFGHIKLMNPQRSTVWY*")
    static let threeToOne: [String: Character] = [
        "Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E", "Gly": "G",
        "His": "H", "Ile": "I", "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F", "Pro": "P", "Ser": "S",
        "Thr": "T", "Trp": "W", "Tyr": "Y", "Val": "V", "Ter": "*",
    ]
    static func oneLetter(forThreeLetter code: String) -> Character? { threeToOne[code] }
}

/// The alteration class a `gene` criterion asks for.
public enum GeneAlterationClass: Hashable, Sendable, CustomStringConvertible {
    /// One variant class.
    case variantClass(VariantClass)
    /// Any protein-altering alteration.
    case any
    /// Truncating, or a homozygous deletion.
    case lossOfFunction
    /// A codon listed under the rule set's `hotspots:` for the gene.
    case activatingHotspot

    /// Parses the rule-file spelling.
    public init?(rawValue: String) {
        switch rawValue {
        case "any": self = .any
        case "loss-of-function": self = .lossOfFunction
        case "activating-hotspot": self = .activatingHotspot
        default:
            guard let variantClass = VariantClass(rawValue: rawValue) else { return nil }
            self = .variantClass(variantClass)
        }
    }

    /// Every accepted spelling, for error messages.
    public static var allSpellings: [String] {
        ["any", "loss-of-function", "activating-hotspot"] + VariantClass.allCases.map(\.rawValue)
    }

    /// The rule-file spelling.
    public var description: String {
        switch self {
        case .variantClass(let variantClass): variantClass.rawValue
        case .any: "any"
        case .lossOfFunction: "loss-of-function"
        case .activatingHotspot: "activating-hotspot"
        }
    }
}

/// Copy-number states a `copy_number` criterion asks for.
public enum CopyNumberRequirement: String, Hashable, Sendable, CaseIterable {
    case amplification
    case homozygousDeletion = "homozygous-deletion"
    /// Loss of heterozygosity.
    case loh

    /// The observed copy-number state this requirement asks for.
    public var state: CopyNumberState {
        switch self {
        case .amplification: .amplification
        case .homozygousDeletion: .homozygousDeletion
        case .loh: .lossOfHeterozygosity
        }
    }
}

/// The partners a `fusion` criterion asks for.
public enum FusionPartners: Hashable, Sendable, CustomStringConvertible {
    /// `five_prime` – `three_prime` in this orientation.
    case ordered(fivePrime: String, threePrime: String)
    /// The gene with any partner, on either side.
    case anyPartner(String)
    /// The gene as the 5′ partner, with any 3′ partner (`FGFR2::?`: FGFR2 keeps its kinase
    /// domain, which lies in its 5′ part).
    case fivePrime(String)
    /// The gene as the 3′ partner, with any 5′ partner (`?::ALK`: the kinase domain of ALK, RET,
    /// ROS1 or NTRK lies in its 3′ part, which the oncogenic fusion keeps).
    case threePrime(String)
    /// The two genes in either orientation.
    case eitherOrientation(String, String)

    /// The genes named.
    public var genes: [String] {
        switch self {
        case .ordered(let five, let three): [five, three]
        case .anyPartner(let gene), .fivePrime(let gene), .threePrime(let gene): [gene]
        case .eitherOrientation(let first, let second): [first, second]
        }
    }

    /// `EML4::ALK`, `ALK (any partner)`, `FGFR2 (5′ partner)`, `ALK (3′ partner)`, `BCR/ABL1
    /// (either orientation)`.
    public var description: String {
        switch self {
        case .ordered(let five, let three): "\(five)::\(three)"
        case .anyPartner(let gene): "\(gene) (any partner)"
        case .fivePrime(let gene): "\(gene) (5′ partner)"
        case .threePrime(let gene): "\(gene) (3′ partner)"
        case .eitherOrientation(let first, let second): "\(first)/\(second) (either orientation)"
        }
    }
}

/// The microsatellite status a rule requires (`msi: high`).
public enum MSIRequirement: String, Hashable, Sendable, CaseIterable {
    case high
    case stable
}

/// Mismatch-repair status.
public enum MMRStatus: String, Hashable, Sendable, CaseIterable {
    /// MSI-high, or a truncating / loss-of-function alteration in an MMR gene.
    case deficient
    case proficient

    /// The genes whose loss makes a tumour MMR-deficient.
    public static let genes = ["MLH1", "MSH2", "MSH6", "PMS2", "EPCAM"]
}

/// The homologous-recombination-deficiency status a rule requires (`hrd: positive`).
public enum HRDRequirement: String, Hashable, Sendable, CaseIterable {
    case positive
    case negative
}
