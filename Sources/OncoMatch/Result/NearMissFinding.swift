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
        get { source.alterations[index] }
        set {
            source = AlterationList([newValue])
            index = 0
        }
    }

    /// The alteration, held by reference to a list and its position there: findings are made,
    /// sorted and merged by the thousand, and an alteration in place is some 300 bytes with a
    /// dozen references to count at each copy (a finding is 72 bytes so). The matcher's findings
    /// share the list of the profile's alterations (one per thread that made them), so making
    /// one copies no alteration either.
    private var source: AlterationList
    private var index: Int

    public init(gene: String, label: String, reason: String, ruleIDs: [String], alteration: Alteration) {
        self.init(
            gene: gene, label: label, reason: reason, ruleIDs: ruleIDs, alterationAt: 0,
            in: AlterationList([alteration]))
    }

    /// A finding about the alteration at `index` in `source`.
    init(
        gene: String, label: String, reason: String, ruleIDs: [String], alterationAt index: Int,
        in source: AlterationList
    ) {
        precondition(source.alterations.indices.contains(index), "no alteration at \(index)")
        self.gene = gene
        self.label = label
        self.reason = reason
        self.ruleIDs = ruleIDs
        self.source = source
        self.index = index
    }

    public static func == (left: NearMissFinding, right: NearMissFinding) -> Bool {
        left.gene == right.gene && left.label == right.label && left.reason == right.reason
            && left.ruleIDs == right.ruleIDs
            && ((left.source === right.source && left.index == right.index)
                || left.alteration == right.alteration)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(gene)
        hasher.combine(label)
        hasher.combine(reason)
        hasher.combine(ruleIDs)
        hasher.combine(alteration)
    }
}

/// An immutable list of alterations behind a reference (see ``NearMissFinding``).
final class AlterationList: Sendable {
    let alterations: [Alteration]

    init(_ alterations: [Alteration]) { self.alterations = alterations }
}
