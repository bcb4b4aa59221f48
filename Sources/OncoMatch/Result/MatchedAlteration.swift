import OncoDomain

/// One alteration that made a rule's biomarker hold, with the annotation it matched on.
public struct MatchedAlteration: Hashable, Sendable {
    public var alteration: Alteration
    /// Index into the alteration's ``Alteration/transcripts`` of the annotation that matched, or
    /// `nil` when the criterion does not look at transcripts (alleles, copy number, fusions).
    public var transcriptIndex: Int?
    /// The most specific rung at which this alteration matched.
    public var level: MatchLevel
    /// The gene the rule named and the alteration satisfied: `RET` for a CCDC6::RET fusion that
    /// matched a RET fusion criterion, the matched transcript's gene for a variant that overlaps
    /// several genes.
    public var gene: String

    /// `gene` defaults to the gene of the transcript that matched (else the principal one's),
    /// else the alteration's own.
    public init(alteration: Alteration, transcriptIndex: Int?, level: MatchLevel, gene: String? = nil) {
        self.alteration = alteration
        self.transcriptIndex = transcriptIndex
        self.level = level
        // (The gene read in place: taking the annotation first copied it whole.)
        if let gene {
            self.gene = gene
        } else if let index = transcriptIndex ?? alteration.principalTranscriptIndex {
            self.gene = alteration.transcripts[index].gene
        } else {
            self.gene = alteration.gene
        }
    }

    /// The index of ``transcript`` in the alteration's transcripts.
    var transcriptOrPrincipalIndex: Int? { transcriptIndex ?? alteration.principalTranscriptIndex }

    /// The annotation that matched, or the principal one when the match did not use transcripts.
    public var transcript: TranscriptAnnotation? {
        transcriptOrPrincipalIndex.map { alteration.transcripts[$0] }
    }

    /// Whether the match used the principal transcript (or no transcript at all).
    public var isPrincipalTranscript: Bool {
        transcriptIndex == nil || transcriptIndex == alteration.principalTranscriptIndex
    }
}
