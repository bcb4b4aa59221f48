/// What a biomarker predicts about a therapy.
public enum Effect: String, Hashable, Sendable, CaseIterable, Comparable {
    case sensitivity
    case resistance
    case reducedSensitivity = "reduced-sensitivity"

    /// Whether two effects contradict each other for the same biomarker, tumour types and therapy:
    /// sensitivity against resistance or reduced sensitivity.
    public func contradicts(_ other: Effect) -> Bool {
        (self == .sensitivity) != (other == .sensitivity)
    }

    /// Declaration order.
    public static func < (lhs: Effect, rhs: Effect) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
