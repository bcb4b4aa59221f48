/// The amino-acid alphabet used by HGVSp: one-letter and three-letter codes.
///
/// The stop codon is `*` (one-letter) and `Ter` (three-letter); `X` and `Xaa` are accepted on
/// input as the older spellings of a stop when they stand for an alternate residue.
public enum AminoAcid {
    /// The 20 standard residues plus selenocysteine (`U`/`Sec`) and pyrrolysine (`O`/`Pyl`).
    static let threeToOne: [String: Character] = [
        "Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E",
        "Gly": "G", "His": "H", "Ile": "I", "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F",
        "Pro": "P", "Ser": "S", "Thr": "T", "Trp": "W", "Tyr": "Y", "Val": "V", "Sec": "U",
        "Pyl": "O", "Ter": "*", "Xaa": "X",
    ]

    static let oneToThree: [Character: String] = {
        var table: [Character: String] = [:]
        for (three, one) in threeToOne { table[one] = three }
        return table
    }()

    /// The one-letter code for a three-letter code (`Val` → `V`, `Ter` → `*`), or `nil`.
    public static func oneLetter(_ threeLetter: some StringProtocol) -> Character? {
        threeToOne[String(threeLetter)]
    }

    /// The three-letter code for a one-letter code (`V` → `Val`, `*` → `Ter`), or `nil`.
    public static func threeLetter(_ oneLetter: Character) -> String? {
        oneToThree[oneLetter]
    }

    /// `threeToOne` keyed by a code's three ASCII bytes (for the byte-level parser).
    private static let threeToOneByBytes: [UInt32: Character] = Dictionary(
        uniqueKeysWithValues: threeToOne.map { three, one in
            (three.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }, one)
        })

    /// The one-letter code of the three-letter code spelled by three ASCII bytes, or `nil`.
    static func oneLetter(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Character? {
        threeToOneByBytes[UInt32(first) << 16 | UInt32(second) << 8 | UInt32(third)]
    }

    /// The one-letter codes the parser accepts, as characters indexed by their ASCII byte.
    private static let oneLetterByByte: [Character?] = (0..<128).map { byte in
        let character = Character(Unicode.Scalar(UInt8(byte)))
        return oneToThree[character] != nil ? character : nil
    }

    /// The one-letter residue code (including `*` and `X`) that the ASCII byte spells, or `nil`.
    static func oneLetter(_ byte: UInt8) -> Character? {
        byte < 128 ? oneLetterByByte[Int(byte)] : nil
    }

    /// Whether `character` is a one-letter residue code accepted by the parser (including `*`
    /// and `X`).
    public static func isOneLetter(_ character: Character) -> Bool {
        oneToThree[character] != nil
    }

    /// Converts a one-letter residue string to three-letter codes (`SVD` → `SerValAsp`).
    public static func threeLetterSequence(_ residues: some StringProtocol) -> String {
        residues.map { threeLetter($0) ?? String($0) }.joined()
    }
}
