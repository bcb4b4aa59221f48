/// AMP/ASCO/CAP level of evidence (Li et al. 2017) for the stated tumour types.
public enum AMPLevel: String, Hashable, Sendable, CaseIterable, Comparable {
    /// FDA-approved therapy or professional guideline in this tumour type.
    case a = "A"
    /// Well-powered studies with expert consensus.
    case b = "B"
    /// Approved therapy in another tumour type, or inclusion criteria of trials; multiple small studies.
    case c = "C"
    /// Preclinical evidence or case reports.
    case d = "D"

    /// Strongest first.
    public static func < (lhs: AMPLevel, rhs: AMPLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
