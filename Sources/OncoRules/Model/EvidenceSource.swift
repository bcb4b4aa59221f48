/// The kind of source the evidence of a rule rests on, strongest first.
public enum EvidenceSource: String, Hashable, Sendable, CaseIterable, Comparable {
    case regulatory
    case guideline
    case phase3 = "phase-3"
    case phase1To2 = "phase-1-2"
    case caseReport = "case-report"
    case preclinical
    case inferential

    /// Strongest first.
    public static func < (lhs: EvidenceSource, rhs: EvidenceSource) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
