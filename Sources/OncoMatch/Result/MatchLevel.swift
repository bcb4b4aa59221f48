/// How specifically a rule's biomarker was met: the rungs of the matching ladder, most specific
/// first. A match's level is that of the most specific positive criterion that fired.
public enum MatchLevel: String, Hashable, Sendable, CaseIterable, Comparable {
    /// The exact genomic allele the rule names.
    case exactAllele = "exact-allele"
    /// One of the exact protein changes the rule names.
    case proteinChange = "protein-change"
    /// A change at the codon the rule names.
    case codon
    /// A change inside the residue range the rule names.
    case residueRange = "residue-range"
    /// A change of the stated classes in the stated exon (or its flanking splice sites).
    case exonClass = "exon-class"
    /// A gene-level class (truncating, loss-of-function, activating hotspot, …).
    case geneClass = "gene-class"
    /// A copy-number state of the gene.
    case copyNumber = "copy-number"
    /// A fusion of the named partners.
    case fusion
    /// TMB, MSI, MMR or HRD status.
    case biomarker
    /// The absence of protein-altering alterations in the named genes.
    case wildType = "wild-type"

    /// More specific first.
    public static func < (lhs: MatchLevel, rhs: MatchLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
