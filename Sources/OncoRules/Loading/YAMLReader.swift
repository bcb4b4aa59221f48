import Yams

/// Strict typed access to the composed YAML of one file: every mismatch is reported to the sink
/// with the node's `file:line:column`, and the accessor returns `nil`.
struct YAMLReader {
    let file: String
    let sink: DiagnosticSink

    func location(_ node: Node) -> RuleFileLocation {
        RuleFileLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func report(_ node: Node, _ message: String) { sink.report(location(node), message) }

    /// The fields of a mapping node, checked against the allowed keys.
    func fields(_ node: Node, of what: String, allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report(node, "\(what) must be a mapping")
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                report(keyNode, "keys of \(what) must be plain strings")
                continue
            }
            let key = scalar.string
            guard allowed.contains(key) else {
                report(
                    keyNode,
                    "unknown key '\(key)' in \(what) (expected one of: \(allowed.joined(separator: ", ")))")
                continue
            }
            guard seen.insert(key).inserted else {
                report(keyNode, "duplicate key '\(key)' in \(what)")
                continue
            }
            entries.append((key, keyNode, value))
        }
        return Fields(reader: self, node: node, what: what, entries: entries)
    }

    /// The fields of a mapping, looked up by key.
    struct Fields {
        let reader: YAMLReader
        let node: Node
        let what: String
        let entries: [(key: String, keyNode: Node, value: Node)]

        var keys: [String] { entries.map(\.key) }

        func optional(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

        func has(_ key: String) -> Bool { optional(key) != nil }

        /// The value of a required key; reports its absence at the mapping.
        func required(_ key: String) -> Node? {
            if let value = optional(key) { return value }
            reader.report(node, "missing required key '\(key)' in \(what)")
            return nil
        }
    }

    func scalarText(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, "\(what) must be a single value")
            return nil
        }
        return scalar.string
    }

    /// A non-empty string.
    func string(_ node: Node, _ what: String) -> String? {
        guard let text = scalarText(node, what) else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else {
            report(node, "\(what) must not be empty")
            return nil
        }
        return text
    }

    func integer(_ node: Node, _ what: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = scalarText(node, what) else { return nil }
        guard let value = Int(text) else {
            report(node, "\(what) must be an integer, found '\(text)'")
            return nil
        }
        if let range, !range.contains(value) {
            report(
                node, "\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
            return nil
        }
        return value
    }

    func number(_ node: Node, _ what: String, range: ClosedRange<Double>? = nil) -> Double? {
        guard let text = scalarText(node, what) else { return nil }
        guard let value = Double(text), value.isFinite else {
            report(node, "\(what) must be a number, found '\(text)'")
            return nil
        }
        if let range, !range.contains(value) {
            report(node, "\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(text)")
            return nil
        }
        return value
    }

    func boolean(_ node: Node, _ what: String) -> Bool? {
        guard let text = scalarText(node, what) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            report(node, "\(what) must be true or false, found '\(text)'")
            return nil
        }
    }

    /// A value among an enumeration's raw values.
    func choice<Value: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, as type: Value.Type)
        -> Value?
    where Value.RawValue == String {
        guard let text = scalarText(node, what) else { return nil }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            report(node, "unknown \(what) '\(text)' (expected one of: \(allowed))")
            return nil
        }
        return value
    }

    /// An ISO date `YYYY-MM-DD`.
    func date(_ node: Node, _ what: String) -> String? {
        guard let text = scalarText(node, what) else { return nil }
        guard Self.isISODate(text) else {
            report(node, "\(what) must be an ISO date YYYY-MM-DD, found '\(text)'")
            return nil
        }
        return text
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month)
        else { return false }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let daysInMonth = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...daysInMonth).contains(day)
    }

    /// The items of a sequence node (optionally required non-empty).
    func sequence(_ node: Node, _ what: String, nonEmpty: Bool = false) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            report(node, "\(what) must be a list")
            return nil
        }
        let items = Array(sequence)
        if nonEmpty && items.isEmpty {
            report(node, "\(what) must not be empty")
            return nil
        }
        return items
    }

    /// A value, or a list of values when `allowSingle` lets a scalar stand for a one-item list.
    func strings(_ node: Node, _ what: String, nonEmpty: Bool = true) -> [(String, Node)]? {
        guard let items = sequence(node, what, nonEmpty: nonEmpty) else { return nil }
        var values: [(String, Node)] = []
        var failed = false
        for item in items {
            if let value = string(item, "each item of \(what)") {
                values.append((value, item))
            } else {
                failed = true
            }
        }
        return failed ? nil : values
    }
}
