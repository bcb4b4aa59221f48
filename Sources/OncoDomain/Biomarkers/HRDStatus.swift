/// Homologous-recombination deficiency status given as an input (from an HRD score or the lab).
public enum HRDStatus: String, Hashable, Sendable, CaseIterable {
    /// HR-deficient.
    case positive
    /// HR-proficient.
    case negative
    case unknown

    /// The spellings ``init(parsing:)`` accepts, for error messages.
    public static let acceptedSpellings = "positive, hrd, hrd+, negative, hrp, hrd-, unknown, na"

    /// Parses a command-line value, case-insensitively: `positive`, `pos`, `hrd`, `hrd+`,
    /// `deficient` → positive; `negative`, `neg`, `hrp`, `hrd-`, `proficient` → negative;
    /// `unknown`, `na`, `.` → unknown. Anything else is `nil`.
    public init?(parsing text: some StringProtocol) {
        switch text.lowercased().filter({ $0 != " " }) {
        case "positive", "pos", "hrd", "hrd+", "deficient", "hr-deficient": self = .positive
        case "negative", "neg", "hrp", "hrd-", "proficient", "hr-proficient": self = .negative
        case "unknown", "na", "n/a", ".", "": self = .unknown
        default: return nil
        }
    }
}
