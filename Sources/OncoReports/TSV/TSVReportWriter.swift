/// Writes a ``MatchReport`` as tab-separated values: a header row, then one row per
/// (match, alteration) in report order; a match without alterations (a biomarker or wild-type
/// match) gets one row whose alteration columns are empty.
///
/// Columns are ``columns`` and are documented in `docs/reports.md`. Values are escaped so a
/// value never spans a tab or a line: `\` → `\\`, tab → `\t`, line feed → `\n`, carriage
/// return → `\r`, other control characters → `\xHH`. List columns join items with `;`, and a
/// `;` inside an item is written `\;`. Missing values are empty; booleans are `true`/`false`;
/// VAF has 4 decimals, like the JSON. Lines end with `\n`.
public struct TSVReportWriter: ReportWriter {
    /// The header, in column order.
    public static let columns: [String] = [
        "sample", "tumour_type", "rule_id", "rule_title", "supporting_rule_ids", "conflicting_rule_ids",
        "effect", "category",
        "therapies", "amp_tier", "amp_level", "escat", "on_label", "match_level", "genes",
        "biomarker_findings",
        "evidence_source", "evidence_uncertain", "references", "gene", "protein_change", "hgvsc",
        "consequence", "variant_class", "fusion", "chromosome", "position", "ref", "alt", "filter", "vaf",
        "depth", "alt_depth", "support", "origin", "zygosity", "transcript", "principal_transcript",
        "explanation",
    ]

    public var format: ReportFormat { .tsv }

    public init() {}

    public func render(_ report: MatchReport) throws(ReportError) -> String {
        var output = ""
        appendRow(Self.columns, to: &output)
        for (matchIndex, match) in report.matches.enumerated() {
            let matchFields: [String] = [
                Self.escape(report.sample.name),
                Self.escape(report.tumourType.code),
                Self.escape(match.ruleId),
                Self.escape(match.ruleTitle),
                Self.list(match.supportingRuleIds),
                Self.list(match.conflictingRuleIds),
                Self.escape(match.effect),
                Self.escape(match.category),
                Self.list(match.therapies),
                Self.escape(match.ampTier),
                Self.escape(match.ampLevel),
                Self.escape(match.escat ?? ""),
                match.onLabel ? "true" : "false",
                Self.escape(match.matchLevel),
                Self.list(match.genes),
                Self.list(match.biomarkerFindings),
                Self.escape(match.evidence.source),
                match.evidence.uncertain ? "true" : "false",
                Self.list(match.evidence.references),
            ]
            let explanation = Self.escape(match.explanation)
            if match.alterations.isEmpty {
                let empty = [String](repeating: "", count: 19)
                appendRow(matchFields + empty + [explanation], to: &output)
                continue
            }
            for (index, item) in match.alterations.enumerated() {
                let field = "matches[\(matchIndex)].alterations[\(index)].vaf"
                appendRow(
                    matchFields + (try alterationFields(item, vafField: field)) + [explanation], to: &output)
            }
        }
        return output
    }

    private func alterationFields(_ item: AlterationSummary, vafField: String) throws(ReportError) -> [String]
    {
        var vaf = ""
        if let value = item.vaf {
            guard let text = DecimalText.fixed(value, fractionDigits: JSONReportWriter.vafFractionDigits)
            else {
                throw .nonFiniteNumber(field: vafField)
            }
            vaf = text
        }
        return [
            Self.escape(item.gene),
            Self.escape(item.proteinChange ?? ""),
            Self.escape(item.hgvsc ?? ""),
            Self.escape(item.consequence ?? ""),
            Self.escape(item.variantClass),
            Self.escape(item.fusion ?? ""),
            Self.escape(item.chromosome ?? ""),
            item.position.map { String($0) } ?? "",
            Self.escape(item.reference ?? ""),
            Self.escape(item.alternate ?? ""),
            Self.escape(item.filter ?? ""),
            vaf,
            item.depth.map { String($0) } ?? "",
            item.altDepth.map { String($0) } ?? "",
            Self.escape(item.support ?? ""),
            Self.escape(item.origin),
            Self.escape(item.zygosity),
            Self.escape(item.transcript ?? ""),
            item.principalTranscript ? "true" : "false",
        ]
    }

    private func appendRow(_ fields: [String], to output: inout String) {
        output.append(fields.joined(separator: "\t"))
        output.append("\n")
    }

    /// `items` joined with `;`, each escaped, with `;` inside an item written `\;`.
    static func list(_ items: [String]) -> String {
        items.map { escape($0, listItem: true) }.joined(separator: ";")
    }

    /// `value` with backslash, tab, line breaks and other control characters escaped (and `;` too
    /// when it is a list item).
    static func escape(_ value: String, listItem: Bool = false) -> String {
        // Most values have nothing to escape: returned as they are after one pass over their bytes.
        let clean = value.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "\\")
                && !(listItem && byte == UInt8(ascii: ";"))
        }
        return clean ? value : escapeByScalars(value, listItem: listItem)
    }

    /// ``escape(_:listItem:)`` scalar by scalar (what it does when something must be escaped).
    static func escapeByScalars(_ value: String, listItem: Bool) -> String {
        var output = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": output.append("\\\\")
            case "\t": output.append("\\t")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case ";" where listItem: output.append("\\;")
            case "\u{00}"..."\u{1F}", "\u{7F}":
                let hex = Array("0123456789abcdef")
                output.append("\\x")
                output.append(hex[Int(scalar.value >> 4)])
                output.append(hex[Int(scalar.value & 0xF)])
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
