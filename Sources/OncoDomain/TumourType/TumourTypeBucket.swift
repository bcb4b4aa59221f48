/// The groups knowledge bases use instead of a tumour type.
public enum TumourTypeBucket: String, Sendable, CaseIterable {
    /// Every tumour type outside the myeloid and lymphoid tissues.
    case allSolid = "all-solid"
    /// Every tumour type of the myeloid and lymphoid tissues.
    case allHaematological = "all-haematological"
    /// Every tumour type, known to the tree or not.
    case any = "any"

    /// Whether the tumour type `code` falls in this bucket. A code unknown to `tree` is in
    /// ``any`` only: without the tree it cannot be called solid or haematological.
    public func contains(_ code: String, in tree: OncoTree) -> Bool {
        switch self {
        case .any:
            return true
        case .allHaematological:
            return tree.isHaematological(code)
        case .allSolid:
            guard let node = tree.node(code), node.code != OncoTree.rootCode else { return false }
            return !tree.isHaematological(code)
        }
    }
}
