/// The variant class of a MAF `Variant_Classification` value (GDC / vcf2maf spellings).
///
/// PRIVATE INTERIM COPY: the domain-primitives work adds
/// `VariantClass.classify(mafVariantClassification:stopLostIsTruncating:)` with the same table;
/// once it is merged, the loader should call it and this file should go.
///
/// `Frame_Shift_Del/Ins`, `Nonsense_Mutation`, `Splice_Site`, `Translation_Start_Site` →
/// truncating; `Nonstop_Mutation` → truncating or other-coding per `stopLostIsTruncating`;
/// `Missense_Mutation` → missense; `In_Frame_Del` / `In_Frame_Ins` → in-frame deletion /
/// insertion; `Splice_Region` → splice-region; `Silent` → synonymous; `3'UTR`, `5'UTR`,
/// `3'Flank`, `5'Flank`, `Intron`, `IGR`, `RNA`, `lincRNA`, `Targeted_Region`,
/// `De_novo_Start_InFrame`, `De_novo_Start_OutOfFrame` → non-coding. Any other value → `nil`.
enum MAFVariantClassification {
    /// The class for `value`, or `nil` when it is not a MAF `Variant_Classification`.
    static func variantClass(of value: String, stopLostIsTruncating: Bool) -> VariantClass? {
        switch value {
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
}
