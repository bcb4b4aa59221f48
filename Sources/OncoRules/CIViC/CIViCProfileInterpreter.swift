import Foundation
import OncoDomain

/// Turns CIViC variant / molecular-profile names into criteria of the rule language, or says why
/// it cannot.
struct CIViCProfileInterpreter {
    let vocabulary: RuleVocabulary

    enum Outcome {
        case criterion(Criterion)
        case unsupported(CIViCSkipReason, String)
    }

    static let expressionWords = ["EXPRESSION", "PHOSPHORYLATION", "METHYLATION", "SERUM", "STAINING"]

    /// A current-layout molecular profile: `BRAF V600E`, `EGFR L858R AND EGFR T790M`.
    func interpret(profile: String, qualifiers: AlterationQualifiers) -> Outcome {
        let hasAnd = profile.contains(" AND ")
        let hasOr = profile.contains(" OR ")
        if hasAnd && hasOr || profile.hasPrefix("NOT ") || profile.contains(" NOT ") {
            return .unsupported(.unsupportedProfile, profile)
        }
        let parts = profile.components(separatedBy: hasAnd ? " AND " : " OR ")
        var criteria: [Criterion] = []
        for part in parts {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let space = trimmed.firstIndex(of: " ") else {
                return .unsupported(.unsupportedProfile, profile)
            }
            let gene = String(trimmed[..<space])
            let variant = String(trimmed[trimmed.index(after: space)...])
            switch interpret(gene: gene, variant: variant, qualifiers: qualifiers) {
            case .criterion(let criterion): criteria.append(criterion)
            case .unsupported(let reason, _): return .unsupported(reason, profile)
            }
        }
        if criteria.count == 1 { return .criterion(criteria[0]) }
        return .criterion(hasAnd ? .all(criteria) : .any(criteria))
    }

    /// A gene and a variant name (2018 layout, or one part of a profile).
    func interpret(gene: String, variant rawVariant: String, qualifiers: AlterationQualifiers) -> Outcome {
        let variant = rawVariant.trimmingCharacters(in: .whitespaces)
        let upper = variant.uppercased()
        let name = "\(gene) \(variant)"
        guard CriterionParser.isGeneSymbol(gene) else { return .unsupported(.unsupportedProfile, name) }
        if Self.expressionWords.contains(where: upper.contains) {
            return .unsupported(.expressionProfile, name)
        }
        switch upper {
        case "MUTATION", "MUTATIONS":
            return .criterion(.gene(.init(gene: gene, alterationClass: .any, qualifiers: qualifiers)))
        case "LOSS-OF-FUNCTION", "LOSS OF FUNCTION":
            return .criterion(
                .gene(.init(gene: gene, alterationClass: .lossOfFunction, qualifiers: qualifiers)))
        case "TRUNCATING MUTATION", "TRUNCATING MUTATIONS":
            return .criterion(
                .gene(.init(gene: gene, alterationClass: .variantClass(.truncating), qualifiers: qualifiers)))
        case "AMPLIFICATION":
            return .criterion(.copyNumber(gene: gene, state: .amplification))
        case "DELETION", "HOMOZYGOUS DELETION":
            return .criterion(.copyNumber(gene: gene, state: .homozygousDeletion))
        case "WILD TYPE", "WILDTYPE", "WILD-TYPE":
            return .criterion(.wildType(genes: [gene]))
        case "FUSION", "FUSIONS", "\(gene.uppercased()) FUSION", "\(gene.uppercased()) FUSIONS":
            return .criterion(.fusion(.anyPartner(gene)))
        default:
            break
        }
        if let exon = exonCriterion(gene: gene, upper: upper, qualifiers: qualifiers) {
            return .criterion(exon)
        }
        if let fusion = fusionCriterion(gene: gene, upper: upper, qualifiers: qualifiers) {
            return .criterion(fusion)
        }
        if upper.contains("/") {
            let codons = upper.split(separator: "/").map { CodonPosition(parsing: String($0)) }
            if codons.count > 1, codons.allSatisfy({ $0?.residue != nil }) {
                return .criterion(
                    .any(
                        codons.compactMap { $0 }.map {
                            .codon(.init(gene: gene, residue: $0, qualifiers: qualifiers))
                        }))
            }
        }
        if let protein = proteinCriterion(gene: gene, variant: variant, qualifiers: qualifiers) {
            return .criterion(protein)
        }
        return .unsupported(.unsupportedProfile, name)
    }

    private func exonCriterion(gene: String, upper: String, qualifiers: AlterationQualifiers) -> Criterion? {
        let words = upper.split(separator: " ")
        guard words.count >= 3, words[0] == "EXON", let number = Int(words[1]), number > 0 else { return nil }
        let rest = words.dropFirst(2).joined(separator: " ")
        switch rest {
        case "DELETION", "DELETIONS":
            return .exon(
                .init(
                    gene: gene, exon: number, classes: [.inframeDeletion, .inframeDelins],
                    qualifiers: qualifiers))
        case "INSERTION", "INSERTIONS":
            return .exon(
                .init(
                    gene: gene, exon: number, classes: [.inframeInsertion, .inframeDelins],
                    qualifiers: qualifiers))
        case "MUTATION", "MUTATIONS":
            return .exon(.init(gene: gene, exon: number, qualifiers: qualifiers))
        case "SKIPPING MUTATION", "SKIPPING MUTATIONS", "SKIPPING":
            return .exon(
                .init(
                    gene: gene, exon: number, flankingSplice: true,
                    classes: [.truncating, .spliceRegion, .inframeDeletion], qualifiers: qualifiers))
        default:
            return nil
        }
    }

    /// `EML4-ALK`, `BCR-ABL T315I`, `ALK FUSION G1202R`.
    private func fusionCriterion(gene: String, upper: String, qualifiers: AlterationQualifiers) -> Criterion?
    {
        var words = upper.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { return nil }
        var fusion: Criterion
        if first == gene.uppercased(), words.count >= 2, words[1] == "FUSION" || words[1] == "FUSIONS" {
            fusion = .fusion(.anyPartner(gene))
            words.removeFirst(2)
        } else {
            let partners = first.split(separator: "-").map(String.init)
            guard partners.count == 2, partners.allSatisfy(CriterionParser.isGeneSymbol),
                partners.contains(where: { gene.uppercased().hasPrefix($0) })
            else { return nil }
            // CIViC writes some partners with legacy names (BCR-ABL for ABL1): use the gene's symbol.
            let named = partners.map {
                gene.uppercased() != $0 && gene.uppercased().hasPrefix($0) ? gene : $0
            }
            fusion = .fusion(.ordered(fivePrime: named[0], threePrime: named[1]))
            words.removeFirst()
        }
        if words.isEmpty { return fusion }
        guard words.count == 1,
            let protein = proteinCriterion(gene: gene, variant: words[0], qualifiers: qualifiers)
        else { return nil }
        return .all([fusion, protein])
    }

    /// A protein change (`V600E`, `T790M`), a codon (`V600`) or a residue range (`E746_A750`).
    private func proteinCriterion(gene: String, variant: String, qualifiers: AlterationQualifiers)
        -> Criterion?
    {
        let normalised = Self.normaliseHGVS(variant)
        guard normalised.first?.isLetter == true, let change = vocabulary.parseProteinChange(normalised)
        else { return nil }
        switch change.kind {
        case .unknown:
            return nil
        case .position:
            if change.start == change.end, let residue = change.referenceStart {
                return .codon(
                    .init(
                        gene: gene, residue: CodonPosition(residue: residue, position: change.start),
                        qualifiers: qualifiers))
            }
            return .range(.init(gene: gene, from: change.start, to: change.end, qualifiers: qualifiers))
        default:
            return .protein(
                .init(gene: gene, changes: [change], notations: [normalised], qualifiers: qualifiers))
        }
    }

    /// CIViC's 2018 names are upper case (`M774INSAYVM`, `E746_A750DEL`): lower the HGVS keywords.
    static func normaliseHGVS(_ variant: String) -> String {
        var text = variant
        for keyword in ["DELINS", "INS", "DEL", "DUP", "FS"] {
            guard let range = text.range(of: keyword, options: .backwards) else { continue }
            let before = text[..<range.lowerBound]
            guard let last = before.last, last.isNumber else { continue }
            text.replaceSubrange(range, with: keyword.lowercased())
        }
        if text.hasSuffix("X"), text.dropLast().last?.isNumber == true {
            text = String(text.dropLast()) + "*"
        }
        return text
    }
}
