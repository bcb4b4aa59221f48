/// A protein-level change as written in HGVSp (VEP, SnpEff), MAF `HGVSp_Short` and knowledge
/// bases, normalised to one-letter residue codes.
///
/// Parsing accepts, in any combination: an optional protein-accession prefix (`ENSP…:`,
/// `NP_…:`), an optional `p.`, prediction parentheses (`p.(V600E)`), one- or three-letter
/// residues, and `Ter`, `*` or `X` for a stop. See ``parse(_:)`` for the full grammar.
///
/// ## Canonical notation
/// ``description`` is a short one-letter form without `p.` or parentheses, the spelling of MAF
/// `HGVSp_Short` and of most knowledge bases:
///
/// | kind | canonical form |
/// |---|---|
/// | missense | `V600E` |
/// | nonsense | `W1282*` |
/// | synonymous | `V600=` (also for the input `V600V`) |
/// | frameshift | `E1156Afs*7`; `L747fs` when neither the new residue nor the stop distance is given |
/// | in-frame deletion | `E746_A750del`, `T949del` |
/// | in-frame insertion | `D770_N771insSVD` |
/// | deletion-insertion | `L747_P753delinsS` |
/// | duplication | `A767_V769dup` |
/// | stop extension | `*110Qext*17`; `*110Qext*?` when the new stop is unknown |
/// | start loss | `M1?`; `M1V` when a new first residue is stated |
/// | splice (MAF) | `X125_splice` |
/// | position (rules) | `V600`, `E746_A750` |
/// | unknown | `?` (`p.?`), `0` (`p.0`, no protein), `=` (`p.=`, unchanged, no position) |
///
/// `p.=` states that the protein is unchanged but names no residue, so it cannot be placed on
/// the protein: it parses as ``Kind/unknown`` with ``alternate`` `"="`, and callers take the
/// variant's class from its consequence terms instead.
public struct ProteinChange: Hashable, Sendable, CustomStringConvertible {
    /// The class of change the notation describes.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case missense
        case nonsense
        case synonymous
        case frameshift
        case inframeDeletion = "inframe-deletion"
        case inframeInsertion = "inframe-insertion"
        case deletionInsertion = "delins"
        case duplication
        case stopExtension = "extension"
        case startLoss = "start-loss"
        case splice
        /// A codon or range with no stated change (`V600`, `E746_A750`): used by rules only.
        case position
        /// Recognised HGVS that states no usable change (`p.?`, `p.0`).
        case unknown
    }

    public var kind: Kind
    /// One-letter code of the first reference residue (`*` for a stop), or `nil` when unstated.
    public var referenceStart: Character?
    /// First residue position (1-based).
    public var start: Int
    /// One-letter code of the last reference residue of a range, or `nil` for a single residue.
    public var referenceEnd: Character?
    /// Last residue position (equal to `start` for a single residue).
    public var end: Int
    /// One-letter alternate / inserted residues (`*` for stop); empty when none apply.
    ///
    /// Missense and nonsense: the new residue. Synonymous: the reference residue. Frameshift:
    /// the first new residue, or empty. Insertion and deletion-insertion: the inserted residues.
    /// Stop extension: the residue replacing the stop. Unknown: `?`, `0` or `=` as written.
    public var alternate: String
    /// Whether the notation was predicted, written in parentheses (`p.(V600E)`).
    public var isPredicted: Bool
    /// For a frameshift or a stop extension, how many codons on the new stop lies (the `35` of
    /// `fs*35`, the `17` of `ext*17`); `nil` when not stated or unknown (`fs*?`).
    public var newStopDistance: Int?

    public init(
        kind: Kind, referenceStart: Character?, start: Int, referenceEnd: Character? = nil,
        end: Int? = nil, alternate: String = "", isPredicted: Bool = false
    ) {
        self.kind = kind
        self.referenceStart = referenceStart
        self.start = start
        self.referenceEnd = referenceEnd
        self.end = end ?? start
        self.alternate = alternate
        self.isPredicted = isPredicted
        self.newStopDistance = nil
    }

    /// Like ``init(kind:referenceStart:start:referenceEnd:end:alternate:isPredicted:)``, with the
    /// distance to a new stop codon (frameshift, stop extension).
    public init(
        kind: Kind, referenceStart: Character?, start: Int, referenceEnd: Character? = nil,
        end: Int? = nil, alternate: String = "", newStopDistance: Int?, isPredicted: Bool = false
    ) {
        self.init(
            kind: kind, referenceStart: referenceStart, start: start, referenceEnd: referenceEnd,
            end: end, alternate: alternate, isPredicted: isPredicted)
        self.newStopDistance = newStopDistance
    }

    /// Parses HGVSp in any of the common spellings; `nil` when the text is not a protein change.
    ///
    /// Accepted (with or without `p.`, accession prefix, prediction parentheses):
    /// missense `V600E`/`p.Val600Glu`; nonsense `R1443*`/`R1443X`/`p.Arg1443Ter`; synonymous
    /// `p.Val600=`/`V600V`; frameshift `L747fs`, `E1156Afs*7`, `p.Glu1156AlafsTer7`, `fsX`,
    /// `fs*?`; deletion `E746_A750del` (trailing deleted residues are ignored); insertion
    /// `D770_N771insSVD`; deletion-insertion `p.Leu747_Pro753delinsSer`; duplication
    /// `p.Ala767_Val769dup`; stop extension `p.Ter110Glnext*17`, `*110Qext*?`; start loss
    /// `p.Met1?`; MAF splice `X125_splice`; position `V600`, `E746_A750`; unknown `p.?`, `p.0`,
    /// `p.=`. A CIViC-style trailing cDNA note (`V600E (c.1799T>A)`) is ignored, and VEP's
    /// URL-encoded `=` (`p.Ala154%3D`) is decoded.
    ///
    /// Rejected (`nil`): empty text, gene-level names (`EXON 19 DELETION`, `AMPLIFICATION`),
    /// alleles of several changes (`p.[V600E;K601E]`), ambiguous alternates (`V600E/K`),
    /// insertions of an unstated sequence (`ins10`), positions of zero.
    public static func parse(_ text: some StringProtocol) -> ProteinChange? {
        ProteinChangeParser.parse(String(text))
    }

    /// Canonical one-letter notation without `p.`: `V600E`, `E746_A750del`, `W1282*`.
    ///
    /// Written as UTF-8 bytes into a scratch buffer, then made a `String` once (inline when it
    /// fits 15 bytes, as most do): labels, sort keys and reports each ask for it, and the
    /// `String`-concatenating ``render(residue:stop:frameshiftStopMarker:)`` took about 4,000
    /// instructions a change.
    public var description: String {
        // Two numbers (up to 20 digits and a sign each), the longest literal (`_splice`), `_`,
        // the two residues and `alternate` (written at most once per form).
        let capacity =
            64 + alternate.utf8.count + (referenceStart?.utf8.count ?? 0) + (referenceEnd?.utf8.count ?? 0)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var text = ASCIITextWriter(buffer)
            func first() {
                if let referenceStart { text.append(referenceStart) }
                text.append(start)
            }
            func range() {
                first()
                guard end != start || referenceEnd != nil else { return }
                text.append(UInt8(ascii: "_"))
                if let referenceEnd { text.append(referenceEnd) }
                text.append(end)
            }
            switch kind {
            case .missense, .nonsense:
                first()
                text.append(alternate)
            case .synonymous:
                first()
                text.append("=")
            case .frameshift:
                first()
                text.append(alternate)
                text.append("fs")
                if let newStopDistance {
                    text.append("*")
                    text.append(newStopDistance)
                }
            case .inframeDeletion:
                range()
                text.append("del")
            case .inframeInsertion:
                range()
                text.append("ins")
                text.append(alternate)
            case .deletionInsertion:
                range()
                text.append("delins")
                text.append(alternate)
            case .duplication:
                range()
                text.append("dup")
            case .stopExtension:
                first()
                text.append(alternate)
                text.append("ext*")
                if let newStopDistance { text.append(newStopDistance) } else { text.append("?") }
            case .startLoss:
                // `M1?`; a stated new residue is kept (`M1V`).
                first()
                if alternate.isEmpty { text.append("?") } else { text.append(alternate) }
            case .splice:
                if let referenceStart { text.append(referenceStart) } else { text.append("X") }
                text.append(start)
                text.append("_splice")
            case .position:
                range()
            case .unknown:
                if alternate.isEmpty { text.append("?") } else { text.append(alternate) }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<text.count]), as: UTF8.self)
        }
    }

    /// The one-letter form as ``render(residue:stop:frameshiftStopMarker:)`` spells it (what
    /// ``description`` must equal; for tests).
    var renderedDescription: String {
        render(residue: { String($0) }, stop: "*", frameshiftStopMarker: "*")
    }

    /// HGVS three-letter notation with `p.` and prediction parentheses, for reports:
    /// `p.Val600Glu`, `p.(Glu746_Ala750del)`, `p.Trp1282Ter`, `p.Glu1156AlafsTer7`.
    public var threeLetterDescription: String {
        let body = render(
            residue: { AminoAcid.threeLetter($0) ?? String($0) }, stop: "Ter",
            frameshiftStopMarker: "Ter")
        return isPredicted ? "p.(\(body))" : "p.\(body)"
    }

    private func render(
        residue: (Character) -> String, stop: String, frameshiftStopMarker: String
    ) -> String {
        let isThreeLetter = stop == "Ter"
        func sequence(_ residues: String) -> String {
            residues.map { residue($0) }.joined()
        }
        let first = (referenceStart.map(residue) ?? "") + "\(start)"
        let range: String = {
            guard end != start || referenceEnd != nil else { return first }
            return first + "_" + (referenceEnd.map(residue) ?? "") + "\(end)"
        }()
        switch kind {
        case .missense, .nonsense:
            return first + sequence(alternate)
        case .synonymous:
            return first + "="
        case .frameshift:
            var text = first + sequence(alternate) + "fs"
            if let newStopDistance { text += frameshiftStopMarker + "\(newStopDistance)" }
            return text
        case .inframeDeletion:
            return range + "del"
        case .inframeInsertion:
            return range + "ins" + sequence(alternate)
        case .deletionInsertion:
            return range + "delins" + sequence(alternate)
        case .duplication:
            return range + "dup"
        case .stopExtension:
            let distance = newStopDistance.map(String.init) ?? "?"
            return first + sequence(alternate) + "ext" + stop + distance
        case .startLoss:
            // `M1?`; a stated new residue is kept (`M1V`).
            return first + (alternate.isEmpty ? "?" : sequence(alternate))
        case .splice:
            let reference = referenceStart.map(residue) ?? (isThreeLetter ? "X" : "X")
            return reference + "\(start)_splice"
        case .position:
            return range
        case .unknown:
            return alternate.isEmpty ? "?" : alternate
        }
    }
}
