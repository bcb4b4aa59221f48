/// The class of a small variant, derived from its Sequence Ontology consequence terms (VEP CSQ,
/// SnpEff ANN), its HGVSp, or a MAF `Variant_Classification`.
///
/// The spellings (raw values) are the ones used in rule files and JSON reports. Cases are
/// declared in severity order, most severe first; `<` follows that order, so the most severe of
/// several classes is their `min()`.
///
/// ## SO term table (``classify(consequences:stopLostIsTruncating:)``)
/// | class | terms |
/// |---|---|
/// | truncating | `transcript_ablation`, `stop_gained`, `frameshift_variant`, `splice_donor_variant`, `splice_acceptor_variant`, `start_lost`, `exon_loss_variant` (SnpEff), `stop_lost` when `stopLostIsTruncating` |
/// | missense | `missense_variant` |
/// | inframe-delins | never from terms alone: see ``classify(consequences:proteinChange:stopLostIsTruncating:)`` |
/// | inframe-deletion | `inframe_deletion`, `disruptive_inframe_deletion`, `conservative_inframe_deletion` |
/// | inframe-insertion | `inframe_insertion`, `disruptive_inframe_insertion`, `conservative_inframe_insertion` |
/// | other-coding | `protein_altering_variant`, `coding_sequence_variant`, `incomplete_terminal_codon_variant`, `initiator_codon_variant`, `rare_amino_acid_variant`, `stop_lost` when not truncating |
/// | structural | `feature_elongation`, `feature_truncation`, `transcript_amplification`, `gene_fusion`, `bidirectional_gene_fusion`, `feature_fusion`, `duplication`, `inversion`, `translocation` |
/// | splice-region | `splice_region_variant`, `splice_donor_region_variant`, `splice_donor_5th_base_variant`, `splice_polypyrimidine_tract_variant` |
/// | synonymous | `synonymous_variant`, `stop_retained_variant`, `start_retained_variant` |
/// | non-coding | every other term (UTR, intron, up/downstream, intergenic, regulatory, non-coding transcript, NMD, `5_prime_UTR_premature_start_codon_gain_variant`, …) |
///
/// `splice_donor_5th_base_variant` is a splice-region term, not a truncating one: it does not
/// touch the canonical donor dinucleotide. SnpEff joins several terms with `&`; they are split.
public enum VariantClass: String, Hashable, Sendable, CaseIterable, Comparable {
    /// stop_gained, frameshift_variant, splice_donor_variant, splice_acceptor_variant,
    /// start_lost, transcript_ablation, exon_loss_variant, and stop_lost when configured so.
    case truncating
    case missense
    /// A deletion-insertion that keeps the frame (`L747_P753delinsS`).
    case inframeDelins = "inframe-delins"
    case inframeDeletion = "inframe-deletion"
    case inframeInsertion = "inframe-insertion"
    /// Protein-altering but none of the above (e.g. stop_lost when not counted as truncating,
    /// protein_altering_variant, coding_sequence_variant).
    case otherCoding = "other-coding"
    /// Changes to features as a whole: fusions, amplified or elongated transcripts.
    case structural
    case spliceRegion = "splice-region"
    case synonymous
    case nonCoding = "non-coding"

    /// Severity order: the most severe class first.
    public static func < (lhs: VariantClass, rhs: VariantClass) -> Bool {
        lhs.severityRank < rhs.severityRank
    }

    /// 0 for the most severe class.
    public var severityRank: Int {
        switch self {
        case .truncating: 0
        case .missense: 1
        case .inframeDelins: 2
        case .inframeDeletion: 3
        case .inframeInsertion: 4
        case .otherCoding: 5
        case .structural: 6
        case .spliceRegion: 7
        case .synonymous: 8
        case .nonCoding: 9
        }
    }

    /// Whether the class changes the protein sequence (the TMB "non-synonymous" set): truncating,
    /// missense, in-frame and other-coding.
    public var isProteinAltering: Bool {
        switch self {
        case .truncating, .missense, .inframeDelins, .inframeDeletion, .inframeInsertion, .otherCoding:
            true
        case .structural, .spliceRegion, .synonymous, .nonCoding:
            false
        }
    }

    /// The most severe class implied by a set of SO consequence terms.
    public static func classify(
        consequences: some Sequence<some StringProtocol>, stopLostIsTruncating: Bool = true
    ) -> VariantClass {
        var best = VariantClass.nonCoding
        for consequence in consequences {
            for term in consequence.split(separator: "&") {
                let termClass = classify(term: term, stopLostIsTruncating: stopLostIsTruncating)
                if termClass < best { best = termClass }
            }
        }
        return best
    }

    /// The most severe class implied by consequence terms, refined by the HGVSp when given.
    ///
    /// VEP and SnpEff describe a deletion-insertion as `inframe_deletion`, `inframe_insertion`,
    /// `protein_altering_variant` or (same length) `missense_variant`; the HGVSp tells which it
    /// is. When the terms give a protein-altering class below truncating:
    /// - a `delins` that changes the protein length → ``inframeDelins``; one that keeps the
    ///   length (several adjacent missense changes) stays ``missense``;
    /// - a `del` → ``inframeDeletion``; an `ins` or `dup` → ``inframeInsertion``
    ///   (for `protein_altering_variant` / `coding_sequence_variant`, which say less).
    public static func classify(
        consequences: some Sequence<some StringProtocol>, proteinChange: ProteinChange?,
        stopLostIsTruncating: Bool = true
    ) -> VariantClass {
        let fromTerms = classify(consequences: consequences, stopLostIsTruncating: stopLostIsTruncating)
        guard let proteinChange else { return fromTerms }
        return refine(fromTerms, with: proteinChange)
    }

    /// The class for one SO term (case-insensitive); unknown terms are ``nonCoding``.
    public static func classify(term: some StringProtocol, stopLostIsTruncating: Bool = true) -> VariantClass
    {
        let key = term.lowercased()
        if key == "stop_lost" { return stopLostIsTruncating ? .truncating : .otherCoding }
        return termTable[key] ?? .nonCoding
    }

    /// The class for a MAF `Variant_Classification` (GDC / vcf2maf spellings), or `nil` when the
    /// value is not one of them.
    ///
    /// `Frame_Shift_Del/Ins`, `Nonsense_Mutation`, `Splice_Site`, `Translation_Start_Site` →
    /// truncating; `Nonstop_Mutation` → truncating or other-coding per `stopLostIsTruncating`;
    /// `Missense_Mutation` → missense; `In_Frame_Del` / `In_Frame_Ins` → in-frame deletion /
    /// insertion; `Splice_Region` → splice-region; `Silent` → synonymous; `3'UTR`, `5'UTR`,
    /// `3'Flank`, `5'Flank`, `Intron`, `IGR`, `RNA`, `lincRNA`, `Targeted_Region`,
    /// `De_novo_Start_InFrame`, `De_novo_Start_OutOfFrame` → non-coding. `Unknown` → `nil`.
    public static func classify(
        mafVariantClassification value: some StringProtocol, stopLostIsTruncating: Bool = true
    ) -> VariantClass? {
        switch String(value) {
        case "Frame_Shift_Del", "Frame_Shift_Ins", "Nonsense_Mutation", "Splice_Site",
            "Translation_Start_Site":
            .truncating
        case "Nonstop_Mutation": stopLostIsTruncating ? .truncating : .otherCoding
        case "Missense_Mutation": .missense
        case "In_Frame_Del": .inframeDeletion
        case "In_Frame_Ins": .inframeInsertion
        case "Splice_Region": .spliceRegion
        case "Silent": .synonymous
        case "3'UTR", "5'UTR", "3'Flank", "5'Flank", "Intron", "IGR", "RNA", "lincRNA", "Targeted_Region",
            "De_novo_Start_InFrame", "De_novo_Start_OutOfFrame":
            .nonCoding
        default: nil
        }
    }

    /// Like ``classify(mafVariantClassification:stopLostIsTruncating:)``, refined by the MAF's
    /// `HGVSp_Short` (vcf2maf files a delins as `In_Frame_Ins` or `In_Frame_Del`).
    public static func classify(
        mafVariantClassification value: some StringProtocol, proteinChange: ProteinChange?,
        stopLostIsTruncating: Bool = true
    ) -> VariantClass? {
        guard let base = classify(mafVariantClassification: value, stopLostIsTruncating: stopLostIsTruncating)
        else { return nil }
        guard let proteinChange else { return base }
        return refine(base, with: proteinChange)
    }

    static func refine(_ base: VariantClass, with change: ProteinChange) -> VariantClass {
        switch base {
        case .missense, .inframeDeletion, .inframeInsertion, .otherCoding, .inframeDelins:
            break
        default:
            return base
        }
        switch change.kind {
        case .deletionInsertion:
            let deleted = change.end - change.start + 1
            if base == .missense && change.alternate.count == deleted { return .missense }
            return .inframeDelins
        case .inframeDeletion where base == .otherCoding:
            return .inframeDeletion
        case .inframeInsertion where base == .otherCoding, .duplication where base == .otherCoding:
            return .inframeInsertion
        default:
            return base
        }
    }

    private static let termTable: [String: VariantClass] = {
        var table: [String: VariantClass] = [:]
        let groups: [(VariantClass, [String])] = [
            (
                .truncating,
                [
                    "transcript_ablation", "stop_gained", "frameshift_variant", "splice_donor_variant",
                    "splice_acceptor_variant", "start_lost", "exon_loss_variant",
                ]
            ),
            (.missense, ["missense_variant"]),
            (
                .inframeDeletion,
                ["inframe_deletion", "disruptive_inframe_deletion", "conservative_inframe_deletion"]
            ),
            (
                .inframeInsertion,
                ["inframe_insertion", "disruptive_inframe_insertion", "conservative_inframe_insertion"]
            ),
            (
                .otherCoding,
                [
                    "protein_altering_variant", "coding_sequence_variant",
                    "incomplete_terminal_codon_variant", "initiator_codon_variant",
                    "rare_amino_acid_variant",
                ]
            ),
            (
                .structural,
                [
                    "feature_elongation", "feature_truncation", "transcript_amplification", "gene_fusion",
                    "bidirectional_gene_fusion", "feature_fusion", "duplication", "inversion",
                    "translocation",
                ]
            ),
            (
                .spliceRegion,
                [
                    "splice_region_variant", "splice_donor_region_variant", "splice_donor_5th_base_variant",
                    "splice_polypyrimidine_tract_variant",
                ]
            ),
            (.synonymous, ["synonymous_variant", "stop_retained_variant", "start_retained_variant"]),
        ]
        for (variantClass, terms) in groups {
            for term in terms { table[term] = variantClass }
        }
        return table
    }()
}
