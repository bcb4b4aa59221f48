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
