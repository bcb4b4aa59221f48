import OncoDomain

/// One alteration that made a rule's biomarker hold, with the annotation it matched on.
public struct MatchedAlteration: Hashable, Sendable {
    public var alteration: Alteration
    /// Index into the alteration's ``Alteration/transcripts`` of the annotation that matched, or
    /// `nil` when the criterion does not look at transcripts (alleles, copy number, fusions).
    public var transcriptIndex: Int?
    /// The most specific rung at which this alteration matched.
    public var level: MatchLevel

    public init(alteration: Alteration, transcriptIndex: Int?, level: MatchLevel) {
        self.alteration = alteration
        self.transcriptIndex = transcriptIndex
        self.level = level
    }

    /// The annotation that matched, or the principal one when the match did not use transcripts.
    public var transcript: TranscriptAnnotation? {
        if let transcriptIndex { return alteration.transcripts[transcriptIndex] }
        return alteration.principal
    }

    /// Whether the match used the principal transcript (or no transcript at all).
    public var isPrincipalTranscript: Bool {
        transcriptIndex == nil || transcriptIndex == alteration.principalTranscriptIndex
    }
}
