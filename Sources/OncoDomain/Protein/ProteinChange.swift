/// A protein-level change as written in HGVSp (VEP, SnpEff), MAF `HGVSp_Short` and knowledge
/// bases, normalised to one-letter residue codes.
///
/// INTERIM DECLARATION: the domain-primitives work replaces `parse` with the full parser while
/// keeping this public interface.
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
    public var alternate: String
    /// Whether the notation was predicted, written in parentheses (`p.(V600E)`).
    public var isPredicted: Bool

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
    }

    /// Parses HGVSp in any of the common spellings; `nil` when the text is not a protein change.
    public static func parse(_ text: some StringProtocol) -> ProteinChange? {
        nil
    }

    /// Canonical one-letter notation without `p.`: `V600E`, `E746_A750del`, `W1282*`.
    public var description: String {
        "\(referenceStart.map(String.init) ?? "")\(start)\(alternate)"
    }
}
