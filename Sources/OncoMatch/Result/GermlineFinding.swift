import OncoDomain

/// A truncating variant in a hereditary cancer gene that is, or may be, germline: a finding with
/// consequences beyond therapy (for the patient's relatives), which the report states apart from
/// the matches so it is not missed.
///
/// Made for an alteration present in the tumour (and admitted by the FILTER policy) with a
/// truncating consequence on a transcript of a hereditary cancer gene (BRCA1/2, PALB2, the Lynch
/// genes, TP53, …), when the matched normal carries it (`origin` germline) or its origin could not
/// be told (`origin` unknown: tumour-only input, or a normal without the reads to tell). A somatic
/// one — absent from the matched normal — is not listed.
public struct GermlineFinding: Hashable, Sendable {
    public var gene: String
    /// `BRCA1 p.E23Vfs*17`.
    public var label: String
    /// `germline` (seen in the matched normal) or `unknown` (could not be told).
    public var origin: Origin
    /// What to do about it, in one or two sentences.
    public var statement: String
    public var alteration: Alteration
    /// The truncating annotation of `gene` (the principal one when it is such).
    public var transcriptIndex: Int?

    public init(
        gene: String, label: String, origin: Origin, statement: String, alteration: Alteration,
        transcriptIndex: Int?
    ) {
        self.transcriptIndex = transcriptIndex
        self.gene = gene
        self.label = label
        self.origin = origin
        self.statement = statement
        self.alteration = alteration
    }
}
