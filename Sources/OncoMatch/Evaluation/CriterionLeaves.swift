import OncoRules

/// Walking a criterion tree for its positive leaves.
enum CriterionLeaves {
    /// Leaves outside `not` that need an alteration (an `mmr` criterion contributes its MMR-gene
    /// loss-of-function leaves); biomarker and wild-type leaves are left out.
    static func positiveAlterationLeaves(_ criterion: Criterion) -> [Criterion] {
        switch criterion {
        case .all(let parts), .any(let parts): return parts.flatMap(positiveAlterationLeaves)
        case .not, .tmb, .msi, .hrd, .wildType: return []
        case .mmr(let status):
            guard status == .deficient else { return [] }
            return MMRStatus.genes.map { .gene(Criterion.Gene(gene: $0, alterationClass: .lossOfFunction)) }
        default: return [criterion]
        }
    }

    /// Genes named by `wild_type` criteria outside `not`.
    static func wildTypeGenes(_ criterion: Criterion) -> [String] {
        switch criterion {
        case .all(let parts), .any(let parts): return parts.flatMap(wildTypeGenes)
        case .wildType(let genes): return genes
        default: return []
        }
    }
}
