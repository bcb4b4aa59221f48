/// A genomic position (1-based) on a chromosome without `chr` prefix.
public struct GenomicPosition: Hashable, Sendable, CustomStringConvertible {
    public var chromosome: String
    public var position: Int

    public init(chromosome: String, position: Int) {
        self.chromosome = ChromosomeName.normalised(chromosome)
        self.position = position
    }

    /// Parses `chrom:position` (`7:140453136`, `chr7:140453136`), optionally followed by the
    /// strand as STAR-Fusion writes its breakpoints (`chr7:140453136:+`); `nil` when malformed.
    public init?(parsing text: some StringProtocol) {
        var body = Substring(text)
        if body.hasSuffix(":+") || body.hasSuffix(":-") { body = body.dropLast(2) }
        guard let colon = body.lastIndex(of: ":"), let position = Int(body[body.index(after: colon)...]),
            position >= 1, colon != body.startIndex
        else { return nil }
        self.init(chromosome: String(body[..<colon]), position: position)
    }

    /// `chromosome:position`.
    public var description: String { "\(chromosome):\(position)" }
}

/// A gene fusion as reported by an RNA or DNA fusion caller: the 5′ partner first.
public struct FusionEvent: Hashable, Sendable, CustomStringConvertible {
    /// The 5′ gene, or `nil` when the caller could not name it (`--ALK`).
    public var fivePrimeGene: String?
    /// The 3′ gene, or `nil` when the caller could not name it (`FGFR2--`).
    public var threePrimeGene: String?
    /// The breakpoint in the 5′ gene (left), when given.
    public var fivePrimeBreakpoint: GenomicPosition?
    /// The breakpoint in the 3′ gene (right), when given.
    public var threePrimeBreakpoint: GenomicPosition?
    /// Split reads supporting the junction, when given.
    public var splitReads: Int?
    /// Whether the caller told which gene is 5′ (Arriba cannot always: then the genes are in
    /// its order, unoriented).
    public var oriented: Bool

    public init(
        fivePrimeGene: String?, threePrimeGene: String?, fivePrimeBreakpoint: GenomicPosition? = nil,
        threePrimeBreakpoint: GenomicPosition? = nil, splitReads: Int? = nil, oriented: Bool = true
    ) {
        self.oriented = oriented
        self.fivePrimeGene = fivePrimeGene
        self.threePrimeGene = threePrimeGene
        self.fivePrimeBreakpoint = fivePrimeBreakpoint
        self.threePrimeBreakpoint = threePrimeBreakpoint
        self.splitReads = splitReads
    }

    /// The genes that are named, 5′ first.
    public var genes: [String] { [fivePrimeGene, threePrimeGene].compactMap { $0 } }

    /// Whether `gene` is either partner (case-insensitive).
    public func involves(_ gene: String) -> Bool {
        let wanted = gene.uppercased()
        return genes.contains { $0.uppercased() == wanted }
    }

    /// `FIVE--THREE`, with an empty side for an unnamed partner (`--ALK`).
    public var description: String { "\(fivePrimeGene ?? "")--\(threePrimeGene ?? "")" }
}
