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
    public var alteration: Alteration

    public init(gene: String, label: String, reason: String, ruleIDs: [String], alteration: Alteration) {
        self.gene = gene
        self.label = label
        self.reason = reason
        self.ruleIDs = ruleIDs
        self.alteration = alteration
    }
}
