/// The putative impact class that VEP (`IMPACT`) and SnpEff (`Annotation_Impact`) give an entry.
public enum AnnotationImpact: String, Sendable, CaseIterable, Comparable {
    case modifier = "MODIFIER"
    case low = "LOW"
    case moderate = "MODERATE"
    case high = "HIGH"

    /// The impact written as `bytes`, or `nil` for an empty or unknown word.
    public init?(_ bytes: AnnotationBytes) {
        guard let impact = Self.allCases.first(where: { bytes.equals($0.rawValue) }) else { return nil }
        self = impact
    }

    private var order: Int {
        switch self {
        case .modifier: 0
        case .low: 1
        case .moderate: 2
        case .high: 3
        }
    }

    /// `modifier < low < moderate < high`.
    public static func < (lhs: AnnotationImpact, rhs: AnnotationImpact) -> Bool { lhs.order < rhs.order }
}
