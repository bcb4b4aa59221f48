import OncoRules

/// AMP/ASCO/CAP tier of a variant–therapy match for the sample's tumour type (Li et al. 2017).
///
/// On-label (the sample's tumour type is one of the rule's): level A → I-A, B → I-B, C → II-C,
/// D → II-D. Off-label sensitivity evidence of level A or B (an approved or well-supported therapy
/// in another tumour type) is tier II-C, which is what AMP level C means.
public enum AMPTier: String, Hashable, Sendable, CaseIterable, Comparable {
    case iA = "I-A"
    case iB = "I-B"
    case iiC = "II-C"
    case iiD = "II-D"

    /// The tier of on-label evidence of `level`.
    public init(onLabel level: AMPLevel) {
        switch level {
        case .a: self = .iA
        case .b: self = .iB
        case .c: self = .iiC
        case .d: self = .iiD
        }
    }

    /// Strongest first.
    public static func < (lhs: AMPTier, rhs: AMPTier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
