import OncoDomain

/// Genes in which a germline truncating variant is an established cause of a hereditary cancer
/// syndrome: hereditary breast and ovarian cancer and its moderate-risk genes (BRCA1, BRCA2,
/// PALB2, ATM, CHEK2, BARD1, BRIP1, RAD51C, RAD51D), Lynch syndrome (MLH1, MSH2, MSH6, PMS2,
/// EPCAM), Li-Fraumeni (TP53), Peutz-Jeghers (STK11), PTEN hamartoma tumour syndrome (PTEN),
/// hereditary diffuse gastric cancer (CDH1), neurofibromatosis type 1 (NF1), retinoblastoma (RB1),
/// familial adenomatous polyposis (APC), von Hippel-Lindau (VHL), rhabdoid tumour predisposition
/// (SMARCB1) and familial melanoma (CDKN2A).
///
/// Used only to flag that a variant found by tumour sequencing may matter beyond therapy
/// (``GermlineFinding``), in the spirit of the ESMO Precision Medicine Working Group's
/// recommendations for germline follow-up of tumour-detected variants (Mandelker D et al., Ann
/// Oncol 2019: germline-focussed analysis of tumour-only sequencing). The list is OncoMatch's —
/// genes of established hereditary syndromes — not the working group's gene list, whose
/// per-gene and per-tumour-type conditions it does not encode. Whether a given variant is
/// pathogenic is for germline testing and its interpretation to decide; OncoMatch does not
/// classify germline variants.
enum HereditaryCancerGenes {
    static let all: Set<String> = [
        "BRCA1", "BRCA2", "PALB2", "ATM", "CHEK2", "BARD1", "BRIP1", "RAD51C", "RAD51D",
        "MLH1", "MSH2", "MSH6", "PMS2", "EPCAM",
        "TP53", "STK11", "PTEN", "CDH1", "NF1", "RB1", "APC", "VHL", "SMARCB1", "CDKN2A",
    ]

    /// The germline findings among the view's alterations, sorted by gene, label and allele.
    static func findings(in view: ProfileView) -> [GermlineFinding] {
        var findings: [GermlineFinding] = []
        let tumourOnly = !view.profile.hasMatchedNormal
        // Tested in place, by index: only the few candidates are copied (iterating the array
        // copied every alteration, retaining each of its fields).
        let alterations = view.alterations
        for index in alterations.indices
        where alterations[index].origin != .somatic && alterations[index].kind == .smallVariant
            && view.passesFilterPolicy(alterations[index])
        {
            let alteration = alterations[index]
            var genes: [String] = []
            for transcript in alteration.transcripts
            where transcript.variantClass == .truncating && all.contains(transcript.gene)
                && !genes.contains(transcript.gene)
            {
                genes.append(transcript.gene)
            }
            for gene in genes.sorted() {
                let index = truncatingAnnotationIndex(of: alteration, gene: gene)
                let label = AlterationText.label(
                    alteration, gene: gene, transcript: index.map { alteration.transcripts[$0] })
                findings.append(
                    GermlineFinding(
                        gene: gene, label: label, origin: alteration.origin,
                        statement: statement(
                            gene: gene, origin: alteration.origin, vaf: alteration.vaf, tumourOnly: tumourOnly
                        ),
                        alteration: alteration, transcriptIndex: index))
            }
        }
        // Content order (the allele breaks ties of one label), whatever the input order.
        return findings.sorted {
            ($0.gene, $0.label, $0.alteration.allele?.description ?? "")
                < ($1.gene, $1.label, $1.alteration.allele?.description ?? "")
        }
    }

    /// The principal annotation when it is a truncating one of `gene`, else the first such.
    private static func truncatingAnnotationIndex(of alteration: Alteration, gene: String) -> Int? {
        let isTruncating = { (transcript: TranscriptAnnotation) in
            transcript.gene == gene && transcript.variantClass == .truncating
        }
        if let principal = alteration.principalTranscriptIndex,
            isTruncating(alteration.transcripts[principal])
        {
            return principal
        }
        return alteration.transcripts.firstIndex(where: isTruncating)
    }

    static func statement(gene: String, origin: Origin, vaf: Double?, tumourOnly: Bool) -> String {
        if origin == .germline {
            return "Present in the matched normal: a germline variant in \(gene), a hereditary cancer gene. "
                + "Confirm it with accredited germline testing and offer genetic counselling; if pathogenic, "
                + "it also matters for the patient's relatives."
        }
        let fraction = vaf.map { " (VAF \(NumberText.fixed($0, digits: 2)))" } ?? ""
        let cannotTell =
            tumourOnly
            ? "Tumour-only input cannot tell whether this truncating \(gene) variant\(fraction) is germline."
            : "The matched normal does not show whether this truncating \(gene) variant\(fraction) is germline."
        return cannotTell
            + " A germline one would matter for the patient's relatives: consider germline testing and genetic "
            + "counselling."
    }
}
