/// The HGVSp grammar behind ``ProteinChange/parse(_:)``: a small hand-written scanner over the
/// characters of one notation.
struct ProteinChangeParser {
    private let characters: [Character]
    private var index = 0

    private init(_ text: Substring) {
        characters = Array(text)
    }

    static func parse(_ raw: String) -> ProteinChange? {
        var text = Substring(raw.trimmingSpaces())
        // A CIViC-style trailing cDNA note: `V600E (c.1799T>A)`.
        if let noteStart = text.firstRange(of: "(c.")?.lowerBound ?? text.firstIndex(of: " ") {
            let note = text[noteStart...].trimmingSpaces()
            guard note.hasPrefix("(c.") || note.hasPrefix("(C."), note.hasSuffix(")") else {
                return nil
            }
            text = text[..<noteStart].trimmingSpaces()
        }
        // Accession prefix: `ENSP00000288602.6:p.Val600Glu`, `NP_004324.2:p.V600E`.
        if let colon = text.lastIndex(of: ":") { text = text[text.index(after: colon)...] }
        if text.hasPrefix("p.") { text = text.dropFirst(2) }
        // VEP writes `=` URL-encoded in VCF (`p.Ala154%3D`).
        var decoded: String?
        if text.hasSuffix("%3D") || text.hasSuffix("%3d") {
            decoded = text.dropLast(3) + "="
        } else if text.hasSuffix("%3D)") || text.hasSuffix("%3d)") {
            decoded = text.dropLast(4) + "=)"
        }
        if let decoded { text = Substring(decoded) }
        var isPredicted = false
        if text.hasPrefix("("), text.hasSuffix(")") {
            isPredicted = true
            text = text.dropFirst().dropLast()
        }
        guard !text.isEmpty else { return nil }
        switch text {
        case "?", "0", "0?", "=":
            let alternate = text == "0?" ? "0" : String(text)
            return ProteinChange(
                kind: .unknown, referenceStart: nil, start: 0, alternate: alternate,
                isPredicted: isPredicted)
        default:
            break
        }
        var parser = ProteinChangeParser(text)
        guard var change = parser.parseChange() else { return nil }
        change.isPredicted = isPredicted
        return change
    }

    // MARK: - Grammar

    private mutating func parseChange() -> ProteinChange? {
        // First residue and position. `X` here is MAF's "unknown residue" of a splice site.
        guard let firstResidue = readResidue(allowUnknownX: true), let start = readPosition() else {
            return nil
        }
        if consume("_splice") {
            guard atEnd else { return nil }
            return ProteinChange(
                kind: .splice, referenceStart: firstResidue == "X" ? nil : firstResidue, start: start)
        }
        // Outside a splice notation a leading `X` is the older spelling of a stop (`X110Q`).
        let reference: Character = firstResidue == "X" ? "*" : firstResidue
        var referenceEnd: Character?
        var end = start
        if consume("_") {
            guard let residue = readResidue(allowUnknownX: false), let position = readPosition(),
                position > start
            else { return nil }
            referenceEnd = residue
            end = position
        }
        let isRange = referenceEnd != nil
        func make(_ kind: ProteinChange.Kind, alternate: String = "", stop: Int? = nil) -> ProteinChange {
            ProteinChange(
                kind: kind, referenceStart: reference, start: start, referenceEnd: referenceEnd,
                end: end, alternate: alternate, newStopDistance: stop)
        }
        if atEnd { return make(.position) }
        if consume("delins") {
            guard let inserted = readResidueSequence(), atEnd else { return nil }
            return make(.deletionInsertion, alternate: inserted)
        }
        if consume("del") {
            // Older spellings repeat the deleted residues (`E746_A750delELREA`): ignored.
            _ = readResidueSequence()
            guard atEnd else { return nil }
            return make(.inframeDeletion)
        }
        if consume("ins") {
            guard isRange, let inserted = readResidueSequence(), atEnd else { return nil }
            return make(.inframeInsertion, alternate: inserted)
        }
        if consume("dup") {
            // Older spellings repeat the duplicated residues (`A767_V769dupASV`): ignored.
            _ = readResidueSequence()
            guard atEnd else { return nil }
            return make(.duplication)
        }
        if isRange { return nil }
        if consume("=") {
            guard atEnd else { return nil }
            return make(.synonymous, alternate: String(reference))
        }
        if consume("?") {
            // Start loss; SnpEff also writes it for non-AUG starts (`p.Leu1?`).
            guard atEnd, start == 1 else { return nil }
            return make(.startLoss)
        }
        if consumeFrameshift() { return frameshift(reference: reference, start: start, alternate: "") }
        guard let alternate = readResidue(allowUnknownX: false) else { return nil }
        if consumeFrameshift() {
            return frameshift(reference: reference, start: start, alternate: String(alternate))
        }
        if consume("ext") {
            guard reference == "*" || (reference == "M" && start == 1) else { return nil }
            guard let newStop = readNewStop(), atEnd else { return nil }
            return make(.stopExtension, alternate: String(alternate), stop: newStop.distance)
        }
        guard atEnd else { return nil }
        if alternate == reference { return make(.synonymous, alternate: String(reference)) }
        if reference == "*" { return make(.stopExtension, alternate: String(alternate)) }
        if alternate == "*" { return make(.nonsense, alternate: "*") }
        if start == 1 && reference == "M" { return make(.startLoss, alternate: String(alternate)) }
        return make(.missense, alternate: String(alternate))
    }

    private mutating func frameshift(reference: Character, start: Int, alternate: String) -> ProteinChange? {
        var distance: Int?
        if !atEnd {
            guard let newStop = readNewStop(), atEnd else { return nil }
            distance = newStop.distance
        }
        return ProteinChange(
            kind: .frameshift, referenceStart: reference, start: start, alternate: alternate,
            newStopDistance: distance)
    }

    // MARK: - Tokens

    private var atEnd: Bool { index == characters.count }

    /// Consumes the ASCII `literal` when it comes next; `fs`, `del`, `ins`, `dup`, `ext` match in
    /// any case. (A `StaticString`, compared byte by byte: no allocation per call.)
    private mutating func consume(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= characters.count else { return false }
        let matches = literal.withUTF8Buffer { expected in
            for offset in 0..<count {
                let actual = characters[index + offset]
                // `asciiValue` maps "\r\n" to 10: require a single scalar as well.
                guard actual.unicodeScalars.count == 1, let byte = actual.asciiValue else { return false }
                if byte != expected[offset]
                    && Self.asciiLowercase(byte) != Self.asciiLowercase(expected[offset])
                {
                    return false
                }
            }
            return true
        }
        if matches { index += count }
        return matches
    }

    /// An ASCII byte, lower-cased.
    private static func asciiLowercase(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    private mutating func consumeFrameshift() -> Bool {
        consume("fs")
    }

    /// One residue: a three-letter code (`Val`, `Ter`) or a one-letter code (`V`, `*`, `X`).
    /// An alternate `X` / `Xaa` means a stop (older HGVS); a leading `X` may be MAF's unknown.
    private mutating func readResidue(allowUnknownX: Bool) -> Character? {
        guard index < characters.count else { return nil }
        if index + 3 <= characters.count, characters[index].isUppercase,
            characters[index + 1].isLowercase, characters[index + 2].isLowercase
        {
            let code = String(characters[index..<(index + 3)])
            if let one = AminoAcid.oneLetter(code) {
                index += 3
                return one == "X" && !allowUnknownX ? "*" : one
            }
            // Not a three-letter code: a one-letter residue followed by a keyword (`Afs`, `Qext`).
        }
        let character = characters[index]
        guard character.isUppercase || character == "*", AminoAcid.isOneLetter(character) else { return nil }
        index += 1
        return character == "X" && !allowUnknownX ? "*" : character
    }

    /// A run of residues (inserted sequence); `nil` when there is none.
    private mutating func readResidueSequence() -> String? {
        var residues = ""
        while let residue = readResidue(allowUnknownX: false) { residues.append(residue) }
        return residues.isEmpty ? nil : residues
    }

    /// A positive residue position.
    private mutating func readPosition() -> Int? {
        var value = 0
        var digits = 0
        while index < characters.count, let digit = characters[index].wholeNumberValue,
            characters[index].isASCII
        {
            guard value < 10_000_000 else { return nil }
            value = value * 10 + digit
            digits += 1
            index += 1
        }
        return digits > 0 && value > 0 ? value : nil
    }

    /// The new stop after `fs` or `ext`.
    private struct NewStop {
        /// Codons to the new stop; `nil` when unknown (`*?`) or unstated (`fsX`).
        var distance: Int?
    }

    /// The new-stop part after `fs` or `ext`: `*35`, `Ter35`, `X35`, `*?`, `X`, `Ter`.
    private mutating func readNewStop() -> NewStop? {
        guard consume("*") || consume("Ter") || consume("X") else { return nil }
        if atEnd || consume("?") { return NewStop(distance: nil) }
        guard let distance = readPosition() else { return nil }
        return NewStop(distance: distance)
    }
}

fileprivate extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> SubSequence {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }
}
