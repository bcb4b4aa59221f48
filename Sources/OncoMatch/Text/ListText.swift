/// Joining words into plain English lists.
enum ListText {
    /// `a`, `a or b`, `a, b or c`.
    static func joined(_ items: [String], conjunction: String = "or") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }

    /// `a` or `an` before `word`, by its first sound: a word starting with a vowel takes `an`
    /// (`an activating`), and so does a gene symbol read letter by letter whose first letter's
    /// name starts with a vowel sound (`an NTRK1`, `an FGFR2`, `an MLH1`, `an RB1`): two capitals
    /// (or a capital and a digit) that cannot start a spoken syllable. A symbol read as a word
    /// keeps `a` (`a RET`, `a MET`, `a HER2`, `a SMAD4`).
    static func article(_ word: String) -> String {
        guard let first = word.first else { return "a" }
        if "aeioAEIO".contains(first) { return "an" }
        let letters = Array(word.prefix(2))
        guard letters.count == 2, "FHLMNRX".contains(letters[0]) else { return "a" }
        let second = letters[1]
        let readAsLetters = (second.isUppercase && !"AEIOUY".contains(second)) || second.isNumber
        return readAsLetters ? "an" : "a"
    }

    /// The items, each once, in first-seen order.
    ///
    /// Most lists here hold none or one item, a few several: those are compared with the items
    /// kept so far (no set to allocate and hash into); long ones go through a set.
    static func unique(_ items: [String]) -> [String] {
        if items.count < 2 { return items }
        if items.count <= 8 {
            var kept: [String] = []
            kept.reserveCapacity(items.count)
            for item in items where !kept.contains(item) { kept.append(item) }
            return kept
        }
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
