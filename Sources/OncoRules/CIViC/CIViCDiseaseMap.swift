import Foundation
import OncoDomain

/// CIViC diseases (Disease Ontology id or name) to OncoTree tumour types, from the table shipped
/// as `civic_disease_to_oncotree.tsv`.
public struct CIViCDiseaseMap: Sendable {
    /// A mapping target: tumour types, or `nil` for a disease deliberately left unmapped.
    public struct Entry: Hashable, Sendable {
        public var selector: TumourTypeSelector?
        public var note: String
    }

    private var byDOID: [String: Entry]
    private var byName: [String: Entry]

    /// Parses the table (`doid`, `civic_disease`, `target`, `note`; `#` comments).
    ///
    /// - Throws: ``RuleLoadError`` for malformed lines or unknown buckets.
    public init(tsv: String, file: String = "civic_disease_to_oncotree.tsv") throws {
        byDOID = [:]
        byName = [:]
        var diagnostics: [RuleDiagnostic] = []
        for (offset, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("doid\t") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else {
                diagnostics.append(
                    RuleDiagnostic(
                        file: file, line: offset + 1, column: 1, message: "expected 4 tab-separated columns"))
                continue
            }
            var selector: TumourTypeSelector?
            if !fields[2].isEmpty {
                var include: [String] = []
                var bucket: TumourTypeBucket?
                for target in fields[2].split(separator: ",") {
                    if target.hasPrefix("bucket:") {
                        bucket = TumourTypeBucket(rawValue: String(target.dropFirst(7)))
                        if bucket == nil {
                            diagnostics.append(
                                RuleDiagnostic(
                                    file: file, line: offset + 1, column: 1,
                                    message: "unknown bucket '\(target)'"))
                        }
                    } else {
                        include.append(String(target))
                    }
                }
                selector = TumourTypeSelector(include: include, bucket: bucket)
            }
            let entry = Entry(selector: selector, note: fields[3])
            if !fields[0].isEmpty { byDOID[fields[0]] = entry }
            byName[fields[1].lowercased()] = entry
        }
        if !diagnostics.isEmpty { throw RuleLoadError(diagnostics: diagnostics) }
    }

    /// The table shipped with OncoMatch.
    public static func bundled() throws -> CIViCDiseaseMap {
        guard let url = Bundle.module.url(forResource: "civic_disease_to_oncotree", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw RuleLoadError(diagnostics: [
                RuleDiagnostic(file: "civic_disease_to_oncotree.tsv", message: "the shipped table is missing")
            ])
        }
        return try CIViCDiseaseMap(tsv: text)
    }

    /// The entry for a disease, by DOID first, then by name (case-insensitive); `nil` when absent.
    public func entry(doid: String, name: String) -> Entry? {
        if !doid.isEmpty, let entry = byDOID[doid] { return entry }
        return byName[name.lowercased()]
    }

    /// Every OncoTree code the table names, for validation.
    public var allCodes: Set<String> {
        Set((Array(byDOID.values) + Array(byName.values)).flatMap { $0.selector?.include ?? [] })
    }
}
