import Foundation

/// The rules of a set in readable form, as printed by `oncomatch rules list`.
public struct RuleSetListing: Sendable {
    /// One listed rule.
    public struct Entry: Codable, Hashable, Sendable {
        public var id: String
        public var title: String
        public var genes: [String]
        public var criteria: String
        public var tumourTypes: TumourTypes
        public var therapies: [String]
        public var category: String
        public var effect: String
        public var ampLevel: String
        public var escat: String?
        public var source: String
        public var references: [String]
        public var uncertain: Bool
        public var reviewed: String
        public var location: String?

        /// Tumour types as written (canonical codes).
        public struct TumourTypes: Codable, Hashable, Sendable {
            public var include: [String]
            public var bucket: String?
            public var exclude: [String]
        }

        enum CodingKeys: String, CodingKey {
            case id, title, genes, criteria, therapies, category, effect, escat, source, references, uncertain
            case reviewed, location
            case tumourTypes = "tumour_types"
            case ampLevel = "amp_level"
        }

        public init(_ rule: Rule) {
            id = rule.id
            title = rule.title
            genes = rule.genes
            criteria = rule.biomarker.description
            tumourTypes = TumourTypes(
                include: rule.tumourTypes.include, bucket: rule.tumourTypes.bucket?.rawValue,
                exclude: rule.tumourTypes.exclude)
            therapies = rule.therapies.map(\.description)
            category = rule.category.rawValue
            effect = rule.effect.rawValue
            ampLevel = rule.evidence.ampLevel.rawValue
            escat = rule.evidence.escat?.rawValue
            source = rule.evidence.source.rawValue
            references = rule.evidence.references.map(\.citation)
            uncertain = rule.evidence.uncertain
            reviewed = rule.reviewed
            location = rule.location?.description
        }
    }

    private struct Document: Codable {
        var rules: [Entry]
    }

    public var entries: [Entry]

    public init(_ set: RuleSet) { entries = set.rules.map(Entry.init) }

    /// `{"rules": [...]}`, keys sorted, pretty-printed, newline-terminated.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Document(rules: entries))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One block per rule for terminals.
    public var text: String {
        entries.map { entry in
            var lines = ["\(entry.id) — \(entry.title)"]
            lines.append("  biomarker:    \(entry.criteria)")
            var tumours = entry.tumourTypes.include
            if let bucket = entry.tumourTypes.bucket { tumours.insert(bucket, at: 0) }
            let except =
                entry.tumourTypes.exclude.isEmpty
                ? "" : " except \(entry.tumourTypes.exclude.joined(separator: ", "))"
            lines.append("  tumour types: \(tumours.joined(separator: ", "))\(except)")
            lines.append("  therapies:    \(entry.therapies.joined(separator: " | "))")
            lines.append("  category:     \(entry.category), effect: \(entry.effect)")
            let escat = entry.escat.map { ", ESCAT \($0)" } ?? ""
            let uncertain = entry.uncertain ? " (uncertain)" : ""
            lines.append("  evidence:     AMP \(entry.ampLevel)\(escat), \(entry.source)\(uncertain)")
            lines.append("  sources:      \(entry.references.joined(separator: "; "))")
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n") + (entries.isEmpty ? "" : "\n")
    }
}
