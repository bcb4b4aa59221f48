import OncoDomain

typealias VariantClassName = VariantClass

/// Readable criteria for listings and explanations.
extension Criterion: CustomStringConvertible {
    /// e.g. `BRAF V600E or V600K`, `all of (EGFR exon 19 [inframe-deletion]; not EGFR C797S)`.
    public var description: String {
        switch self {
        case .allele(let allele):
            let builds = allele.alleles.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                "\($0.key.rawValue) \($0.value)"
            }
            return qualified("\(allele.gene) allele \(builds.joined(separator: ", "))", allele.qualifiers)
        case .protein(let protein):
            return qualified(
                "\(protein.gene) \(protein.notations.joined(separator: " or "))", protein.qualifiers)
        case .codon(let codon):
            return qualified(
                "\(codon.gene) \(codon.residue)\(Self.classList(codon.classes))", codon.qualifiers)
        case .range(let range):
            return qualified(
                "\(range.gene) residues \(range.from)–\(range.to)\(Self.classList(range.classes))",
                range.qualifiers)
        case .exon(let exon):
            let splice = exon.flankingSplice ? " (with flanking splice sites)" : ""
            return qualified(
                "\(exon.gene) exon \(exon.exon)\(splice)\(Self.classList(exon.classes))", exon.qualifiers)
        case .gene(let gene):
            return qualified("\(gene.gene) \(gene.alterationClass)", gene.qualifiers)
        case .copyNumber(let gene, let state):
            return "\(gene) \(state.rawValue)"
        case .fusion(let partners):
            return "\(partners) fusion"
        case .tmb(let minimum):
            let text = minimum.rounded() == minimum ? String(Int(minimum)) : String(minimum)
            return "TMB ≥ \(text) mut/Mb"
        case .msi(let status):
            return "MSI-\(status.rawValue)"
        case .mmr(let status):
            return "MMR-\(status.rawValue)"
        case .hrd(let status):
            return "HRD-\(status.rawValue)"
        case .wildType(let genes):
            return "\(genes.joined(separator: "/")) wild-type"
        case .all(let parts):
            return parts.count == 1
                ? parts[0].description : "all of (\(parts.map(\.description).joined(separator: "; ")))"
        case .any(let parts):
            return parts.count == 1
                ? parts[0].description : "any of (\(parts.map(\.description).joined(separator: "; ")))"
        case .not(let inner):
            return "not \(inner)"
        }
    }

    private static func classList(_ classes: [VariantClassName]) -> String {
        classes.isEmpty ? "" : " [\(classes.map(\.rawValue).joined(separator: ", "))]"
    }

    private func qualified(_ text: String, _ qualifiers: AlterationQualifiers) -> String {
        qualifiers.isDefault ? text : "\(text) (\(qualifiers.summary))"
    }
}
