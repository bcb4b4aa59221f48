import OncoDomain
import OncoRules

/// How a rule's tumour types relate to the sample's tumour type.
public enum TumourTypeFit: Hashable, Sendable {
    /// The sample's code is one of the rule's codes or a descendant, or lies in the rule's bucket,
    /// and is not excluded.
    case onLabel
    /// The rule's evidence is for other tumour types.
    case offLabel
    /// The rule explicitly excludes the sample's tumour type (the OncoTree code named).
    case excluded(by: String)

    /// Where `tumourType` stands with respect to `selector`.
    public init(tumourType: String, selector: TumourTypeSelector, oncoTree: OncoTree) {
        if let excluding = selector.exclude.first(where: { oncoTree.isSameOrDescendant(tumourType, of: $0) })
        {
            self = .excluded(by: excluding)
            return
        }
        let included = selector.include.contains { oncoTree.isSameOrDescendant(tumourType, of: $0) }
        let inBucket = selector.bucket?.contains(tumourType, in: oncoTree) ?? false
        self = included || inBucket ? .onLabel : .offLabel
    }
}
