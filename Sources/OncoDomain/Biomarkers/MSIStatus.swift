/// Microsatellite instability status given as an input (from an MSI caller or the lab).
public enum MSIStatus: String, Hashable, Sendable, CaseIterable {
    /// MSI-high.
    case high = "msi-high"
    /// Microsatellite stable (MSS).
    case stable
    case unknown

    /// The spellings ``init(parsing:)`` accepts, for error messages.
    public static let acceptedSpellings = "msi-h, msi-high, high, mss, stable, unknown, na"

    /// Parses a command-line value, case-insensitively: `msi-h`, `msi-high`, `msih`, `high`,
    /// `h` → high; `mss`, `stable`, `s` → stable; `unknown`, `na`, `.` → unknown.
    ///
    /// `msi-l` / `low` is rejected (`nil`) on purpose: whether MSI-low should count as stable is
    /// a decision for the user, who passes `mss` or `unknown` explicitly.
    public init?(parsing text: some StringProtocol) {
        switch text.lowercased().filter({ $0 != " " }) {
        case "msi-h", "msi-high", "msih", "high", "h", "msi_h", "msi_high": self = .high
        case "mss", "stable", "s", "ms-stable": self = .stable
        case "unknown", "na", "n/a", ".", "": self = .unknown
        default: return nil
        }
    }
}
