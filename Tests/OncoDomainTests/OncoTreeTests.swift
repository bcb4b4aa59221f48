import Foundation
import TestSupport
import Testing

@testable import OncoDomain

struct OncoTreeTests {
    let tree: OncoTree

    init() throws {
        tree = try OncoTree.bundled()
    }

    @Test func loadsEveryNode() throws {
        #expect(tree.version == "oncotree_2025_10_03")
        #expect(tree.count == 898)  // 897 tumour types plus the TISSUE root
        let melanoma = try #require(tree.node("mel"))
        #expect(melanoma.code == "MEL")
        #expect(melanoma.name == "Melanoma")
        #expect(melanoma.tissue == "Skin")
        #expect(melanoma.parent == "SKIN")
        #expect(melanoma.level == 2)
        #expect(tree.node("NOT_A_CODE") == nil)
    }

    /// The bundled TSV is derived from the shipped JSON (scripts/make-oncotree-tsv.py): both must
    /// describe the same tree, node for node.
    @Test func derivedTSVMatchesTheShippedJSON() throws {
        let url = try #require(Bundle.module.url(forResource: "oncotree_2025_10_03", withExtension: "json"))
        let fromJSON = try OncoTree(json: try Data(contentsOf: url), version: "oncotree_2025_10_03")
        #expect(fromJSON.count == tree.count)
        #expect(fromJSON.allNodes == tree.allNodes)
    }

    /// Lines ending in CRLF read like LF lines (a TSV saved on Windows).
    @Test func readsTSVWithCRLFLineEnds() throws {
        let url = try #require(Bundle.module.url(forResource: "oncotree_2025_10_03", withExtension: "tsv"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let crlf = try OncoTree(tsv: text.replacingOccurrences(of: "\n", with: "\r\n"), version: "x")
        #expect(crlf.allNodes == tree.allNodes)
        #expect(crlf.node("MEL")?.name == "Melanoma")
    }

    @Test func rejectsMalformedTSV() {
        // The line is counted with the comment and blank lines before it.
        #expect {
            try OncoTree(
                tsv: "# comment\n\ncode\tparent\tlevel\ttissue\tmain_type\tname\nMEL\tSKIN\t2\n", version: "x"
            )
        } throws: { error in
            (error as? OncoTree.LoadError)?.message == "line 4: expected 6 tab-separated fields"
        }
        #expect(throws: OncoTree.LoadError.self) {
            try OncoTree(tsv: "code\tparent\tlevel\ttissue\tmain_type\tname\nMEL\tSKIN\t2\n", version: "x")
        }
        #expect(throws: OncoTree.LoadError.self) {
            // A parent that is not a node.
            try OncoTree(
                tsv:
                    "code\tparent\tlevel\ttissue\tmain_type\tname\nTISSUE\t\t0\t\t\tTissue\nMEL\tSKIN\t2\tSkin\tMelanoma\tMelanoma\n",
                version: "x")
        }
    }

    @Test func relatesCodes() throws {
        #expect(tree.isSameOrDescendant("COAD", of: "COADREAD"))
        #expect(tree.isSameOrDescendant("read", of: "coadread"))
        #expect(tree.isSameOrDescendant("COADREAD", of: "COADREAD"))
        #expect(!tree.isSameOrDescendant("COADREAD", of: "COAD"))
        #expect(tree.isSameOrDescendant("LUAD", of: "NSCLC"))
        #expect(!tree.isSameOrDescendant("LUAD", of: "BOWEL"))
        #expect(!tree.isSameOrDescendant("UNKNOWN", of: "NSCLC"))
        #expect(tree.ancestors(of: "IDC") == ["BRCA", "BREAST"])
        #expect(tree.ancestors(of: "BRCA") == ["BREAST"])
        #expect(tree.ancestors(of: "BREAST").isEmpty)
        let colorectal = tree.descendants(of: "COADREAD")
        #expect(colorectal.contains("COAD"))
        #expect(colorectal.contains("READ"))
        #expect(!colorectal.contains("COADREAD"))
        #expect(tree.descendants(of: "TISSUE").count == 897)
        let coad = try #require(tree.node("COADREAD"))
        #expect(coad.children.contains("COAD"))
    }

    @Test func knowsHaematologicalTypes() {
        #expect(tree.isHaematological("AML"))
        #expect(tree.isHaematological("MYELOID"))
        #expect(!tree.isHaematological("LUAD"))
        #expect(!tree.isHaematological("UNKNOWN"))
        #expect(TumourTypeBucket.allHaematological.contains("AML", in: tree))
        #expect(!TumourTypeBucket.allSolid.contains("AML", in: tree))
        #expect(TumourTypeBucket.allSolid.contains("LUAD", in: tree))
        #expect(!TumourTypeBucket.allSolid.contains("NOPE", in: tree))
        #expect(TumourTypeBucket.any.contains("NOPE", in: tree))
    }

    @Test func suggestsCloseMatches() {
        #expect(tree.closeMatches(for: "LUADD").contains("LUAD"))
        #expect(tree.closeMatches(for: "COADRED").first == "COADREAD")
        #expect(tree.closeMatches(for: "melanoma").contains("MEL"))
        #expect(tree.closeMatches(for: "MEL").allSatisfy { $0 != "MEL" })
        #expect(tree.closeMatches(for: "QQQQQQQQQQ").isEmpty)
        #expect(tree.closeMatches(for: "LUAD", limit: 2).count <= 2)
        // Names are searched up to canonical equivalence: U+037E decomposes to `;`.
        #expect(tree.closeMatches(for: "t(6\u{37E}9)").contains("AMLDEKNUP214"))
        #expect(tree.closeMatches(for: "mela\u{AD}noma").isEmpty)
    }

    /// The length and ASCII shortcuts of `closeMatches` answer what the plain definition does:
    /// Levenshtein over characters of the upper-cased query, `contains` on lower-cased names.
    @Test func closeMatchesAgreeWithThePlainDefinition() {
        var queries = [
            "LUADD", "COADRED", "melanoma", "MEL", "Lung", "carcinoma", "AML", "aml", "ÉCOLE", "Mélanome",
            "ﬁ", "ß", "İ", "LUAD\u{301}", "🧬🧬🧬", "ab", "a", "LEUKEMIA", "myelo", "NSCLC", "breast",
            // Characters whose canonical decomposition is ASCII, and ones that vanish or combine.
            "t(6\u{37E}9)", "(16\u{37E}16)", "\u{212A}IT", "\u{1FEF}", "mela\u{AD}noma", "mela\u{200B}noma",
            "e\u{301}", "\u{212B}", "leuk\u{E9}mia", "Leukemia\u{301}",
        ]
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("ABCDELMNORSTUaelmnorst éß İ")
        for _ in 0..<120 {
            let length = Int.random(in: 1...9, using: &generator)
            queries.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for code in tree.codes.shuffled(using: &generator).prefix(25) {
            queries.append(String(code.dropLast()))
            queries.append(code + "X")
        }
        for query in queries {
            #expect(tree.closeMatches(for: query) == plainCloseMatches(query), "query \(query)")
        }
    }

    private func plainCloseMatches(_ code: String, limit: Int = 5) -> [String] {
        let query = code.uppercased()
        guard !query.isEmpty else { return [] }
        let maximumDistance = query.count <= 4 ? 1 : 2
        let lowerQuery = code.lowercased()
        var scored: [(score: Double, code: String)] = []
        for node in tree.allNodes where node.code != OncoTree.rootCode && node.code != query {
            var score = Double.infinity
            let distance = levenshtein(Array(query), Array(node.code))
            if distance <= maximumDistance { score = Double(distance) }
            if lowerQuery.count >= 3 {
                let name = node.name.lowercased()
                if name == lowerQuery {
                    score = 0
                } else if name.contains(lowerQuery) {
                    score = min(score, 1.5)
                }
            }
            if score.isFinite { scored.append((score, node.code)) }
        }
        scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.code < $1.code }
        return scored.prefix(limit).map(\.code)
    }

    private func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for i in a.indices {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for j in b.indices {
                let substitution = previous[j] + (a[i] == b[j] ? 0 : 1)
                current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
            }
            previous = current
        }
        return previous[b.count]
    }

    @Test func rejectsMalformedJSON() {
        #expect(throws: OncoTree.LoadError.self) {
            try OncoTree(json: Data("{\"other\":{}}".utf8), version: "x")
        }
        #expect(throws: OncoTree.LoadError.self) {
            try OncoTree(json: Data("not json".utf8), version: "x")
        }
    }
}
