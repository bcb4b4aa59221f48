import OncoDomain

/// The indexes of an alteration's transcripts annotated to one gene, the principal transcript
/// first when it is one of them, then the others in annotation order. A sequence that allocates
/// nothing.
struct GeneTranscriptIndexes: Sequence, IteratorProtocol {
    private let transcripts: [TranscriptAnnotation]
    private let gene: String
    /// The principal transcript's index when it is annotated to `gene`.
    private let principal: Int?
    private var nextIndex = 0
    private var principalPending: Bool

    init(alteration: Alteration, gene: String) {
        transcripts = alteration.transcripts
        self.gene = gene
        if let index = alteration.principalTranscriptIndex, transcripts.indices.contains(index),
            transcripts[index].gene == gene
        {
            principal = index
        } else {
            principal = nil
        }
        principalPending = principal != nil
    }

    mutating func next() -> Int? {
        if principalPending {
            principalPending = false
            return principal
        }
        while nextIndex < transcripts.count {
            let index = nextIndex
            nextIndex += 1
            if index != principal && transcripts[index].gene == gene { return index }
        }
        return nil
    }
}
