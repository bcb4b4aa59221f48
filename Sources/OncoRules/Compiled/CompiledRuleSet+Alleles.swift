import GenomicFormats
import OncoDomain

extension CompiledRuleSet {
    /// Every genomic allele an `allele` criterion names (all builds), with its gene, so a loader
    /// can keep those variants even when the input carries no gene annotation.
    public var allelesOfInterest: [GenomicAllele: String] {
        var result: [GenomicAllele: String] = [:]
        func visit(_ criterion: Criterion) {
            switch criterion {
            case .allele(let allele):
                for value in allele.alleles.values { result[value] = allele.gene }
            case .all(let children), .any(let children): children.forEach(visit)
            case .not(let child): visit(child)
            default: break
            }
        }
        for rule in rules { visit(rule.biomarker) }
        return result
    }
}
