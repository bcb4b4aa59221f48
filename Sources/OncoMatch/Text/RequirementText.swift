import OncoDomain
import OncoRules

/// What a leaf criterion asks for, in words fit for `rules need …`.
enum RequirementText {
    /// Alternatives the criterion accepts: protein criteria give each notation (`V600E`, `V600K`);
    /// the others one phrase (`a loss-of-function alteration`).
    static func alternatives(_ criterion: Criterion, hotspots: [String: [CodonPosition]]) -> [String] {
        switch criterion {
        case .allele(let allele):
            let alleles = allele.alleles.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.value) (\($0.key.rawValue))" }
            return [qualified("the allele \(alleles.joined(separator: " / "))", allele.qualifiers)]
        case .protein(let protein):
            return protein.notations.map { qualified($0, protein.qualifiers) }
        case .codon(let codon):
            return [qualified("\(classes(codon.classes)) at \(codon.residue)", codon.qualifiers)]
        case .range(let range):
            return [
                qualified("\(classes(range.classes)) in residues \(range.from)–\(range.to)", range.qualifiers)
            ]
        case .exon(let exon):
            let splice = exon.flankingSplice ? " or its flanking splice sites" : ""
            return [qualified("\(classes(exon.classes)) in exon \(exon.exon)\(splice)", exon.qualifiers)]
        case .gene(let gene):
            let phrase: String
            switch gene.alterationClass {
            case .any: phrase = "a protein-altering alteration"
            case .lossOfFunction: phrase = "a loss-of-function alteration"
            case .activatingHotspot:
                let codons = (hotspots[gene.gene] ?? []).map(\.description).joined(separator: ", ")
                phrase = "an activating hotspot (\(codons))"
            case .variantClass(let variantClass):
                phrase = "\(ListText.article(variantClass.rawValue)) \(variantClass.rawValue) alteration"
            }
            return [qualified(phrase, gene.qualifiers)]
        case .copyNumber(let gene, let state):
            return ["\(ListText.article(gene)) \(gene) \(state.rawValue)"]
        case .fusion(let partners):
            return ["\(ListText.article(partners.description)) \(partners) fusion"]
        default:
            return [criterion.description]
        }
    }

    /// `a missense change`, `an inframe-deletion or inframe-delins change`, `a protein-altering change`.
    static func classes(_ classes: [VariantClass]) -> String {
        let words = classes.isEmpty ? "protein-altering" : ListText.joined(classes.map(\.rawValue))
        return "\(ListText.article(words)) \(words) change"
    }

    private static func qualified(_ text: String, _ qualifiers: AlterationQualifiers) -> String {
        var suffix: [String] = []
        if qualifiers.origin != .any { suffix.append(qualifiers.origin.rawValue) }
        if qualifiers.zygosity != .any { suffix.append(qualifiers.zygosity.rawValue) }
        if let minVAF = qualifiers.minVAF { suffix.append("VAF ≥ \(NumberText.threshold(minVAF))") }
        if let minDepth = qualifiers.minDepth { suffix.append("depth ≥ \(minDepth)") }
        var result = text
        if !suffix.isEmpty { result += " (\(suffix.joined(separator: ", ")))" }
        return result
    }
}
