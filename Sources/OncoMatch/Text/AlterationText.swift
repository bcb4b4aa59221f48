import OncoDomain

/// How alterations are named in explanations and near-misses, and their content-based order
/// (so results never depend on the order alterations were added).
enum AlterationText {
    /// The annotation to show for `gene`: the principal one if it is for the gene, else the first
    /// of the gene.
    static func annotation(of alteration: Alteration, gene: String) -> TranscriptAnnotation? {
        if let principal = alteration.principal, principal.gene == gene { return principal }
        return alteration.transcripts(forGene: gene).first
    }

    /// `BRAF p.V600E`, `ERBB2 amplification`, `EML4::ALK fusion`, `BRAF 7:140753336:A:T`.
    static func label(_ alteration: Alteration, gene: String, transcript: TranscriptAnnotation? = nil)
        -> String
    {
        switch alteration.kind {
        case .copyNumber(let state):
            return "\(gene) \(copyNumberPhrase(state))"
        case .fusion(let five, let three):
            return "\(five)::\(three) fusion"
        case .structural:
            return "\(gene) structural variant"
                + (alteration.allele.map { " at \($0.chromosome):\($0.position)" } ?? "")
        case .smallVariant:
            if let change = (transcript ?? annotation(of: alteration, gene: gene))?.proteinChange {
                return "\(gene) p.\(change)"
            }
            if let allele = alteration.allele { return "\(gene) \(allele)" }
            return "\(gene) variant"
        }
    }

    static func copyNumberPhrase(_ state: CopyNumberState) -> String {
        switch state {
        case .amplification: "amplification"
        case .homozygousDeletion: "homozygous deletion"
        case .lossOfHeterozygosity: "loss of heterozygosity"
        case .neutral: "copy-neutral state"
        }
    }

    /// What the alteration is, for near-miss reasons: `missense`, `synonymous`, `amplification`.
    static func classPhrase(_ alteration: Alteration, gene: String) -> String {
        switch alteration.kind {
        case .copyNumber(let state): return copyNumberPhrase(state)
        case .fusion: return "fusion"
        case .structural: return "structural variant"
        case .smallVariant:
            let classes = alteration.transcripts(forGene: gene).map(\.variantClass)
            guard let best = annotation(of: alteration, gene: gene)?.variantClass ?? classes.min() else {
                return "unannotated"
            }
            return best.rawValue
        }
    }

    /// `missense, VAF 0.44, somatic` — the facts shown beside an alteration in explanations.
    static func facts(_ alteration: Alteration, variantClass: VariantClass?) -> String {
        var parts: [String] = []
        if alteration.kind == .smallVariant, let variantClass { parts.append(variantClass.rawValue) }
        if let vaf = alteration.vaf { parts.append("VAF \(NumberText.fixed(vaf, digits: 2))") }
        switch alteration.origin {
        case .somatic: parts.append("somatic")
        case .germline: parts.append("germline")
        case .unknown: parts.append("origin unknown")
        }
        if alteration.zygosity == .homozygous || alteration.zygosity == .hemizygous {
            parts.append(alteration.zygosity.rawValue)
        }
        if !alteration.passesFilter { parts.append("FILTER=\(alteration.filter)") }
        return parts.joined(separator: ", ")
    }

    /// A content-based sort key.
    static func sortKey(_ alteration: Alteration) -> String {
        let allele = alteration.allele
        let position = allele.map {
            String(repeating: "0", count: max(0, 12 - String($0.position).count)) + String($0.position)
        }
        let kind: String =
            switch alteration.kind {
            case .smallVariant: "1"
            case .copyNumber(let state): "2\(state.rawValue)"
            case .fusion(let five, let three): "3\(five)::\(three)"
            case .structural: "4"
            }
        return [
            alteration.gene, kind, allele?.chromosome ?? "", position ?? "", allele?.reference ?? "",
            allele?.alternate ?? "", alteration.principal?.proteinChange?.description ?? "",
            alteration.filter, alteration.transcripts.first?.transcript ?? "",
            String(alteration.sampleIndex), String(alteration.sourceLine ?? 0),
        ].joined(separator: "\u{1}")
    }
}
