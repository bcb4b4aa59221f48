/// The HGVSp grammar behind ``ProteinChange/parse(_:)``: a small hand-written scanner over the
/// UTF-8 bytes of one notation.
///
/// Every token of the grammar is ASCII, so the scanner reads bytes, not `Character`s (grapheme
/// breaking cost more than the parse): a non-ASCII byte matches no token and the notation is
/// refused. Only the edges of the text, of a CIViC-style note and of the change before it are
/// trimmed of Unicode whitespace.
struct ProteinChangeParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parse(_ raw: String) -> ProteinChange? {
        var raw = raw
        return raw.withUTF8 { parse(utf8: $0) }
    }

    private static func parse(utf8 all: UnsafeBufferPointer<UInt8>) -> ProteinChange? {
        var text = trimmed(all, 0..<all.count)
        // A CIViC-style trailing cDNA note: `V600E (c.1799T>A)`.
        if let noteStart = firstIndex(of: "(c.", in: all, text) ?? firstIndex(of: " ", in: all, text) {
            let note = trimmed(all, noteStart..<text.upperBound)
            guard
                hasPrefix("(c.", all, note, caseInsensitive: true) && note.count > 3
                    && all[note.upperBound - 1] == UInt8(ascii: ")")
            else { return nil }
            text = trimmed(all, text.lowerBound..<noteStart)
        }
        // Accession prefix: `ENSP00000288602.6:p.Val600Glu`, `NP_004324.2:p.V600E`.
        if let colon = all[text].lastIndex(of: UInt8(ascii: ":")) { text = (colon + 1)..<text.upperBound }
        if hasPrefix("p.", all, text) { text = (text.lowerBound + 2)..<text.upperBound }
        // VEP writes `=` URL-encoded in VCF (`p.Ala154%3D`, `p.(Ala154%3D)`): decoded into a copy.
        let encodedLength = hasSuffix("%3D", all, text) ? 3 : hasSuffix("%3D)", all, text) ? 4 : 0
        if encodedLength > 0 {
            var decoded = Array(all[text.lowerBound..<(text.upperBound - encodedLength)])
            decoded.append(UInt8(ascii: "="))
            if encodedLength == 4 { decoded.append(UInt8(ascii: ")")) }
            return decoded.withUnsafeBufferPointer { parseNotation($0) }
        }
        return parseNotation(UnsafeBufferPointer(rebasing: all[text]))
    }

    /// The notation once prefixes, notes and encodings are removed: `V600E`, `(Val600Glu)`, `?`.
    private static func parseNotation(_ notation: UnsafeBufferPointer<UInt8>) -> ProteinChange? {
        var text = 0..<notation.count
        var isPredicted = false
        if text.count >= 2 && notation[0] == UInt8(ascii: "(")
            && notation[text.upperBound - 1] == UInt8(ascii: ")")
        {
            isPredicted = true
            text = 1..<(text.upperBound - 1)
        }
        guard !text.isEmpty else { return nil }
        let body = UnsafeBufferPointer(rebasing: notation[text])
        if body.count <= 2 {
            for special in ["?", "0", "0?", "="] where body.elementsEqual(special.utf8) {
                return ProteinChange(
                    kind: .unknown, referenceStart: nil, start: 0, alternate: special == "0?" ? "0" : special,
                    isPredicted: isPredicted)
            }
        }
        var parser = ProteinChangeParser(body)
        guard var change = parser.parseChange() else { return nil }
        change.isPredicted = isPredicted
        return change
    }

    // MARK: - Text edges

    /// `range` without leading and trailing Unicode whitespace.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            let length = whitespaceLength(bytes, at: start, end: end)
            if length == 0 { break }
            start += length
        }
        while end > start {
            // The last scalar starts at the last byte that is not a continuation byte (10xxxxxx).
            var last = end - 1
            while last > start && bytes[last] & 0xC0 == 0x80 && end - last < 4 { last -= 1 }
            guard whitespaceLength(bytes, at: last, end: end) == end - last else { break }
            end = last
        }
        return start..<end
    }

    /// The length in bytes of the whitespace scalar at `index`, or 0 when it is not whitespace.
    private static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int
    {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        var iterator = bytes[index..<end].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.properties.isWhitespace else {
            return 0
        }
        return UTF8.width(scalar)
    }

    /// The first offset in `range` where `literal` starts.
    private static func firstIndex(
        of literal: StaticString, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
    ) -> Int? {
        let count = literal.utf8CodeUnitCount
        guard range.count >= count else { return nil }
        let first = literal.utf8Start.pointee
        for start in range.lowerBound...(range.upperBound - count)
        where bytes[start] == first && hasPrefix(literal, bytes, start..<range.upperBound) {
            return start
        }
        return nil
    }

    /// Whether `range` starts with `literal` (its letters in either case with `caseInsensitive`).
    private static func hasPrefix(
        _ literal: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
        caseInsensitive: Bool = false
    ) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard range.count >= count else { return false }
        for offset in 0..<count {
            let actual = bytes[range.lowerBound + offset]
            let expected = literal.utf8Start[offset]
            if actual != expected && !(caseInsensitive && asciiLowercase(actual) == asciiLowercase(expected))
            {
                return false
            }
        }
        return true
    }

    /// Whether `range` ends with `literal`, its letters in either case (`%3D`, `%3d`).
    private static func hasSuffix(
        _ literal: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
    ) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard range.count >= count else { return false }
        return hasPrefix(literal, bytes, (range.upperBound - count)..<range.upperBound, caseInsensitive: true)
    }

    /// An ASCII byte, lower-cased.
    private static func asciiLowercase(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

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

    private var atEnd: Bool { index == bytes.count }

    /// Consumes the ASCII `literal` when it comes next; `fs`, `del`, `ins`, `dup`, `ext` match in
    /// any case. (A `StaticString`, compared byte by byte: no allocation per call.)
    private mutating func consume(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = literal.withUTF8Buffer { expected in
            for offset in 0..<count
            where Self.asciiLowercase(bytes[index + offset]) != Self.asciiLowercase(expected[offset]) {
                return false
            }
            return true
        }
        if matches { index += count }
        return matches
    }

    private mutating func consumeFrameshift() -> Bool {
        consume("fs")
    }

    private static func isUppercase(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
    private static func isLowercase(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }

    /// One residue: a three-letter code (`Val`, `Ter`) or a one-letter code (`V`, `*`, `X`).
    /// An alternate `X` / `Xaa` means a stop (older HGVS); a leading `X` may be MAF's unknown.
    private mutating func readResidue(allowUnknownX: Bool) -> Character? {
        guard index < bytes.count else { return nil }
        if index + 3 <= bytes.count, Self.isUppercase(bytes[index]), Self.isLowercase(bytes[index + 1]),
            Self.isLowercase(bytes[index + 2]),
            let one = AminoAcid.oneLetter(bytes[index], bytes[index + 1], bytes[index + 2])
        {
            // (Not a three-letter code: a one-letter residue followed by a keyword, `Afs`, `Qext`.)
            index += 3
            return one == "X" && !allowUnknownX ? "*" : one
        }
        let byte = bytes[index]
        guard Self.isUppercase(byte) || byte == UInt8(ascii: "*"), let one = AminoAcid.oneLetter(byte) else {
            return nil
        }
        index += 1
        return one == "X" && !allowUnknownX ? "*" : one
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
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            guard value < 10_000_000 else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
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
