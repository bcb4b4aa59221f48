/// The family a therapy belongs to, as written in rule files and reports.
public enum TherapyCategory: String, Hashable, Sendable, CaseIterable, Comparable {
    case immunotherapy
    case dnaRepairInhibitor = "dna-repair-inhibitor"
    case epigeneticModulator = "epigenetic-modulator"
    case targeted
    case hormonal
    case chemotherapy
    case other

    /// Declaration order.
    public static func < (lhs: TherapyCategory, rhs: TherapyCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
