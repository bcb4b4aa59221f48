/// ESMO Scale for Clinical Actionability of molecular Targets (Mateo et al. 2018).
public enum ESCATTier: String, Hashable, Sendable, CaseIterable, Comparable {
    case iA = "I-A"
    case iB = "I-B"
    case iC = "I-C"
    case iiA = "II-A"
    case iiB = "II-B"
    case iiiA = "III-A"
    case iiiB = "III-B"
    case ivA = "IV-A"
    case v = "V"
    case x = "X"

    /// Strongest first.
    public static func < (lhs: ESCATTier, rhs: ESCATTier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
