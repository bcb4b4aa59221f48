import Foundation
import OncoDomain
import OncoRules
import TestSupport

/// A vocabulary for tests that does not depend on the domain library's (possibly interim)
/// OncoTree and protein parser: the codes come from the OncoTree JSON shipped with OncoDomain,
/// and protein changes from a small parser covering the notations the fixtures use.
enum TestVocabulary {
    /// OncoTree code → parent code, read from the release JSON.
    static let parents: [String: String] = {
        let path = TestData.packageRoot.appendingPathComponent(
            "Sources/OncoDomain/Resources/oncotree_2025_10_03.json")
        guard let data = FileManager.default.contents(atPath: path.path),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        var result: [String: String] = [:]
        func walk(_ node: [String: Any], parent: String?) {
            guard let code = node["code"] as? String else { return }
            if let parent { result[code] = parent }
            let children = node["children"] as? [String: Any] ?? [:]
            for child in children.values {
                if let child = child as? [String: Any] { walk(child, parent: code) }
            }
        }
        for value in root.values {
            if let node = value as? [String: Any] { walk(node, parent: nil) }
        }
        return result
    }()

    static let vocabulary = RuleVocabulary(
        canonicalTumourType: { code in
            let upper = code.uppercased()
            return parents[upper] != nil ? upper : nil
        },
        closeTumourTypes: { code in
            let upper = code.uppercased()
            return parents.keys.map { ($0, editDistance($0, upper)) }.filter { $0.1 <= 2 }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(5).map(\.0)
        },
        parseProteinChange: { parseProtein($0) })

    /// Whether the domain library's real OncoTree and protein parser are in place (after merge).
    static var domainIsComplete: Bool {
        ProteinChange.parse("V600E") != nil && ((try? OncoTree.bundled())?.node("MEL") != nil)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    static let threeLetter: [String: Character] = [
        "Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E", "Gly": "G",
        "His": "H", "Ile": "I", "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F", "Pro": "P", "Ser": "S",
        "Thr": "T", "Trp": "W", "Tyr": "Y", "Val": "V", "Ter": "*",
    ]

    /// Converts 3-letter residues to 1-letter ones.
    static func oneLetter(_ text: String) -> String {
        var result = text
        for (three, one) in threeLetter { result = result.replacingOccurrences(of: three, with: String(one)) }
        return result
    }

    /// A small HGVSp parser for tests: `V600E`, `p.Val600Glu`, `W1282*`, `E746_A750del`,
    /// `D770_N771insSVD`, `L747_P753delinsS`, `V600`, `E746_A750`, `R1450fs`.
    static func parseProtein(_ raw: String) -> ProteinChange? {
        var text = raw.hasPrefix("p.") ? String(raw.dropFirst(2)) : raw
        text = oneLetter(text)
        let residues = "ACDEFGHIKLMNPQRSTVWY*"
        let pattern = #"^([A-Z*])(\d+)(?:_([A-Z*])(\d+))?(.*)$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        func group(_ index: Int) -> String? {
            guard let range = Range(match.range(at: index), in: text) else { return nil }
            return String(text[range])
        }
        guard let ref = group(1)?.first, let start = group(2).flatMap(Int.init) else { return nil }
        let refEnd = group(3)?.first
        let end = group(4).flatMap(Int.init) ?? start
        let rest = group(5) ?? ""
        func isResidues(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { residues.contains($0) } }
        let kind: ProteinChange.Kind
        var alternate = ""
        if rest.isEmpty {
            kind = .position
        } else if rest == "del" {
            kind = .inframeDeletion
        } else if rest.hasPrefix("delins"), isResidues(rest.dropFirst(6)) {
            kind = .deletionInsertion
            alternate = String(rest.dropFirst(6))
        } else if rest.hasPrefix("ins"), isResidues(rest.dropFirst(3)), refEnd != nil {
            kind = .inframeInsertion
            alternate = String(rest.dropFirst(3))
        } else if rest == "dup" {
            kind = .duplication
        } else if rest.hasPrefix("fs") {
            kind = .frameshift
        } else if refEnd == nil, rest.count == 1, let alt = rest.first, residues.contains(alt) || alt == "=" {
            kind = alt == "*" ? .nonsense : (alt == "=" || alt == ref ? .synonymous : .missense)
            alternate = alt == "=" ? String(ref) : String(alt)
        } else {
            return nil
        }
        return ProteinChange(
            kind: kind, referenceStart: ref, start: start, referenceEnd: refEnd, end: end,
            alternate: alternate)
    }
}
