/// The annotation fields the library knows by meaning, whatever a tool calls them.
///
/// A schema resolves each to a column index once per header; an entry then reads it by index.
/// VEP names come from the header's `Format:` list (they vary with VEP options and version),
/// SnpEff's from its fixed 16-column layout, bcftools/csq's from its own `Format:` list.
public enum AnnotationField: Int, Sendable, CaseIterable {
    case allele
    case consequence
    case impact
    case symbol
    case gene
    case featureType
    case feature
    case biotype
    case exon
    case intron
    /// SnpEff's `Rank`: the exon rank, or the intron rank for intronic annotations.
    case rank
    case hgvsc
    case hgvsp
    case cdnaPosition
    case cdsPosition
    case proteinPosition
    case aminoAcids
    case codons
    case existingVariation
    /// VEP's `ALLELE_NUM` (1-based index of the ALT allele; `--allele_number`).
    case alleleNumber
    case distance
    case strand
    /// VEP's `CANONICAL` (`YES` when the transcript is the canonical one).
    case canonical
    /// VEP's `MANE_SELECT` (VEP ≥ 104) or `MANE` (VEP 103): the MANE Select RefSeq id.
    case maneSelect
    case manePlusClinical
    /// VEP's `ENSP` column (protein id).
    case proteinID
    case clinicalSignificance
    case variantClass
    case sift
    case polyPhen
    /// SnpEff's `ERRORS / WARNINGS / INFO`.
    case messages

    /// Column names that mean this field, in order of preference.
    public var columnNames: [String] {
        switch self {
        case .allele: ["Allele"]
        case .consequence: ["Consequence", "Annotation"]
        case .impact: ["IMPACT", "Annotation_Impact"]
        case .symbol: ["SYMBOL", "Gene_Name", "gene"]
        case .gene: ["Gene", "Gene_ID"]
        case .featureType: ["Feature_type", "Feature_Type"]
        case .feature: ["Feature", "Feature_ID", "transcript"]
        case .biotype: ["BIOTYPE", "Transcript_BioType", "biotype"]
        case .exon: ["EXON"]
        case .intron: ["INTRON"]
        case .rank: ["Rank"]
        case .hgvsc: ["HGVSc", "HGVS.c"]
        case .hgvsp: ["HGVSp", "HGVS.p"]
        case .cdnaPosition: ["cDNA_position", "cDNA.pos / cDNA.length"]
        case .cdsPosition: ["CDS_position", "CDS.pos / CDS.length"]
        case .proteinPosition: ["Protein_position", "AA.pos / AA.length"]
        case .aminoAcids: ["Amino_acids", "amino_acid_change"]
        case .codons: ["Codons"]
        case .existingVariation: ["Existing_variation"]
        case .alleleNumber: ["ALLELE_NUM"]
        case .distance: ["DISTANCE", "Distance"]
        case .strand: ["STRAND", "strand"]
        case .canonical: ["CANONICAL"]
        case .maneSelect: ["MANE_SELECT", "MANE"]
        case .manePlusClinical: ["MANE_PLUS_CLINICAL"]
        case .proteinID: ["ENSP"]
        case .clinicalSignificance: ["CLIN_SIG"]
        case .variantClass: ["VARIANT_CLASS"]
        case .sift: ["SIFT"]
        case .polyPhen: ["PolyPhen"]
        case .messages: ["ERRORS / WARNINGS / INFO"]
        }
    }
}
