/// Readable labels and fixed CSS class names for the coded values of a report.
///
/// Class names are chosen from closed lists here — never built from report strings — so no input
/// can reach an attribute.
enum HTMLVocabulary {
    /// AMP/ASCO/CAP tiers in display order, with what each means (Li et al., J Mol Diagn 2017).
    static let tiers: [(code: String, meaning: String)] = [
        ("I-A", "Tier I, level A: an approved therapy or professional guideline for this tumour type."),
        ("I-B", "Tier I, level B: well-powered studies with expert consensus in this tumour type."),
        (
            "II-C",
            "Tier II, level C: approved in another tumour type, an investigational therapy, "
                + "or several small studies with some consensus."
        ),
        ("II-D", "Tier II, level D: preclinical studies or a few case reports, without consensus."),
    ]

    static func tierClass(_ tier: String) -> StaticString {
        switch tier {
        case "I-A", "I-B": return "tier tier-1"
        case "II-C", "II-D": return "tier tier-2"
        default: return "tier tier-other"
        }
    }

    /// Whether a match lowers the chance of response (shown in the resistance section).
    static func isResistance(_ effect: String) -> Bool {
        effect == "resistance" || effect == "reduced-sensitivity"
    }

    static func effectLabel(_ effect: String) -> String {
        switch effect {
        case "sensitivity": return "Sensitivity"
        case "resistance": return "Resistance"
        case "reduced-sensitivity": return "Reduced sensitivity"
        default: return effect
        }
    }

    static func categoryLabel(_ category: String) -> String {
        switch category {
        case "immunotherapy": return "Immunotherapy"
        case "dna-repair-inhibitor": return "DNA-repair inhibitor"
        case "epigenetic-modulator": return "Epigenetic modulator"
        case "targeted": return "Targeted therapy"
        case "hormonal": return "Hormonal therapy"
        case "chemotherapy": return "Chemotherapy"
        case "other": return "Other"
        default: return category
        }
    }

    static func evidenceSourceLabel(_ source: String) -> String {
        switch source {
        case "regulatory": return "Regulatory approval"
        case "guideline": return "Professional guideline"
        case "phase-3": return "Phase 3 trial"
        case "phase-1-2": return "Phase 1–2 trial"
        case "case-report": return "Case reports"
        case "preclinical": return "Preclinical studies"
        case "inferential": return "Inferential"
        default: return source
        }
    }

    /// A report's variant class or copy-number state in words (`loh` → `loss of heterozygosity`).
    static func variantClassLabel(_ variantClass: String) -> String {
        switch variantClass {
        case "loh": return "loss of heterozygosity"
        case "homozygous-deletion": return "homozygous deletion"
        case "inframe-deletion": return "in-frame deletion"
        case "inframe-insertion": return "in-frame insertion"
        case "inframe-delins": return "in-frame deletion-insertion"
        case "splice-region": return "splice region"
        case "other-coding": return "other coding"
        case "neutral": return "copy-neutral"
        default: return variantClass
        }
    }

    static func matchLevelLabel(_ level: String) -> String {
        switch level {
        case "exact-allele": return "exact allele"
        case "protein-change": return "protein change"
        case "codon": return "codon"
        case "residue-range": return "residue range"
        case "exon-class": return "exon and variant class"
        case "gene-class": return "gene and variant class"
        case "copy-number": return "copy number"
        case "fusion": return "fusion"
        case "biomarker": return "biomarker"
        case "wild-type": return "wild type"
        default: return level
        }
    }

    static func statusClass(_ value: String) -> StaticString {
        switch value {
        case "high", "positive": return "status status-flag"
        case "stable", "negative": return "status status-clear"
        default: return "status status-unknown"
        }
    }
}
