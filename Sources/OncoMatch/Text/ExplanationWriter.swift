import OncoDomain
import OncoRules

/// Writes the one or two plain sentences that explain a match.
struct ExplanationWriter {
    let tumourType: String
    let oncoTree: OncoTree

    /// `melanoma (MEL)`, or the code alone when the tree does not know it.
    var tumourTypeName: String {
        guard let node = oncoTree.node(tumourType) else { return tumourType }
        return "\(node.name.lowercased()) (\(node.code))"
    }

    /// `FDA label`, `guideline`, `phase 3 trial`…
    static func sourcePhrase(_ evidence: Evidence) -> String {
        switch evidence.source {
        case .regulatory:
            for reference in evidence.references {
                if case .label(let agency, _, _, _) = reference { return "\(agency.rawValue) label" }
            }
            return "regulatory approval"
        case .guideline: return "guideline"
        case .phase3: return "phase 3 trial"
        case .phase1To2: return "phase 1–2 trial"
        case .caseReport: return "case reports"
        case .preclinical: return "preclinical evidence"
        case .inferential: return "inferred from related evidence"
        }
    }

    /// How the alteration is described: `BRAF p.V600E (missense, VAF 0.44, somatic) on the MANE
    /// Select transcript ENST00000646891`.
    static func describe(_ matched: MatchedAlteration) -> String {
        let alteration = matched.alteration
        // (Annotations read in place, by index: taking one copied it whole, retaining its strings.)
        let gene =
            matched.transcriptOrPrincipalIndex.map { alteration.transcripts[$0].gene } ?? alteration.gene
        switch alteration.kind {
        case .copyNumber, .fusion, .structural:
            return AlterationText.label(alteration, gene: gene)
        case .smallVariant:
            break
        }
        // Appended piece by piece rather than interpolated: one per matched alteration.
        guard let transcriptIndex = matched.transcriptIndex else {
            // Allele-level match: genomic coordinates, plus the protein change when annotated.
            var text = AlterationText.label(alteration, gene: gene)
            text += " ("
            let principal = alteration.principalTranscriptIndex
            text += AlterationText.facts(
                alteration, variantClass: principal.map { alteration.transcripts[$0].variantClass })
            text += ")"
            if let allele = alteration.allele, let principal,
                alteration.transcripts[principal].proteinChange != nil
            {
                text += " at "
                text += allele.description
            }
            return text
        }
        var text = AlterationText.label(alteration, gene: gene, transcriptIndex: transcriptIndex)
        text += " ("
        text += AlterationText.facts(
            alteration, variantClass: alteration.transcripts[transcriptIndex].variantClass)
        text += ")"
        if transcriptIndex != alteration.principalTranscriptIndex {
            text += " on transcript "
        } else if alteration.transcripts[transcriptIndex].maneSelect != nil {
            text += " on the MANE Select transcript "
        } else if alteration.transcripts[transcriptIndex].isCanonical {
            text += " on the canonical transcript "
        } else {
            text += " on transcript "
        }
        text += alteration.transcripts[transcriptIndex].transcript ?? "unnamed"
        if transcriptIndex != alteration.principalTranscriptIndex { text += ", not the principal transcript" }
        return text
    }

    /// The explanation of one rule's hit.
    func explain(
        outcome: RuleOutcome, alterations: [MatchedAlteration], tier: AMPTier, caveats: [String]
    ) -> String {
        let hits = outcome.evaluation.hits
        var subjects = alterations.map(Self.describe)
        subjects += ListText.unique(hits.compactMap(\.observation))
        let named = ListText.unique(bestRequirements(hits))
        let rule = outcome.rule
        let fit: String
        switch outcome.fit {
        case .onLabel: fit = "on-label"
        case .offLabel: fit = "off-label, tier \(tier.rawValue): the evidence is in \(rule.tumourTypes)"
        case .excluded(let code): fit = "excluded type \(code)"
        }
        let context = "in \(tumourTypeName) (\(fit), \(Self.sourcePhrase(rule.evidence)))."
        var text: String
        if !hits.isEmpty && hits.allSatisfy({ $0.level == .wildType }) {
            text =
                "\(ListText.joined(subjects, conjunction: "and")), so the tumour counts as "
                + "\(ListText.joined(named, conjunction: "and")) \(context)"
        } else {
            let verb = subjects.count > 1 ? "match" : "matches"
            text =
                "\(ListText.joined(subjects, conjunction: "and")) \(verb) "
                + "\(ListText.joined(named, conjunction: "and")) \(context)"
        }
        if rule.effect != .sensitivity {
            text +=
                " The evidence predicts \(rule.effect == .reducedSensitivity ? "reduced sensitivity" : rule.effect.rawValue) to \(ListText.joined(rule.therapies.map(\.description)))."
        }
        if !caveats.isEmpty { text += " " + caveats.joined(separator: " ") }
        return text
    }

    /// What fired: alteration requirements by level (most specific first), then biomarker ones.
    private func bestRequirements(_ hits: [LeafHit]) -> [String] {
        let alterationHits = hits.filter { $0.alterationID != nil }
            .sorted { ($0.level, $0.requirement) < ($1.level, $1.requirement) }
        return alterationHits.map(\.requirement) + hits.filter { $0.alterationID == nil }.map(\.requirement)
    }
}
