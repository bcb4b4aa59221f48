import OncoDomain

/// An alteration in a gene the rules care about that produced no match (or a rule withheld for the
/// tumour type), and why.
public struct NearMissFinding: Hashable, Sendable {
    public var gene: String
    /// Short label, e.g. `BRCA2 p.N372H`.
    public var label: String
    /// A concrete reason built from the criteria tried, e.g. `missense; rules need a
    /// loss-of-function alteration`.
    public var reason: String
    /// The rules considered, in rule-set order.
    public var ruleIDs: [String]
    /// The alteration concerned.
    public var alteration: Alteration {
        get { boxed.alteration }
        set { boxed = AlterationBox(newValue) }
    }

    /// The alteration, held by reference: findings are made, sorted and merged by the thousand,
    /// and an alteration in place is some 300 bytes with a dozen references to count at each
    /// copy (a finding is 64 bytes so).
    private var boxed: AlterationBox

    public init(gene: String, label: String, reason: String, ruleIDs: [String], alteration: Alteration) {
        self.gene = gene
        self.label = label
        self.reason = reason
        self.ruleIDs = ruleIDs
        boxed = AlterationBox(alteration)
    }

    public static func == (left: NearMissFinding, right: NearMissFinding) -> Bool {
        left.gene == right.gene && left.label == right.label && left.reason == right.reason
            && left.ruleIDs == right.ruleIDs
            && (left.boxed === right.boxed || left.alteration == right.alteration)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(gene)
        hasher.combine(label)
        hasher.combine(reason)
        hasher.combine(ruleIDs)
        hasher.combine(alteration)
    }
}

/// An immutable alteration behind a reference (see ``NearMissFinding``).
private final class AlterationBox: Sendable {
    let alteration: Alteration

    init(_ alteration: Alteration) { self.alteration = alteration }
}
