import Foundation
import GenomicFormats

/// Writes rules in the OncoMatch rule language, so that the output loads with the strict loader.
/// Every string is double-quoted; criteria are written in flow style on one line.
public enum RuleSetYAMLWriter {
    /// A standalone rule file: header, optional hotspots, rules; `comment` lines go first.
    public static func yaml(
        metadata: RuleSetMetadata, rules: [Rule], hotspots: [String: [CodonPosition]] = [:],
        comment: [String] = []
    ) -> String {
        var out = comment.map { "# \($0)\n" }.joined()
        out += "rule_set:\n"
        out += "  id: \(quote(metadata.id))\n"
        out += "  version: \(quote(metadata.version))\n"
        out += "  reviewed: \(metadata.reviewed)\n"
        out += "  licence: \(quote(metadata.licence))\n"
        if let description = metadata.description { out += "  description: \(quote(description))\n" }
        if !hotspots.isEmpty {
            out += "hotspots:\n"
            for gene in hotspots.keys.sorted() {
                out +=
                    "  \(quote(gene)): [\(hotspots[gene]!.map { quote($0.description) }.joined(separator: ", "))]\n"
            }
        }
        out += rules.isEmpty ? "rules: []\n" : "rules:\n"
        for rule in rules { out += self.rule(rule) }
        return out
    }

    static func rule(_ rule: Rule) -> String {
        var out = "  - id: \(quote(rule.id))\n"
        out += "    title: \(quote(rule.title))\n"
        out += "    reviewed: \(rule.reviewed)\n"
        out += "    biomarker: \(criterion(rule.biomarker))\n"
        var tumourParts: [String] = []
        if !rule.tumourTypes.include.isEmpty {
            tumourParts.append("include: \(list(rule.tumourTypes.include))")
        }
        if let bucket = rule.tumourTypes.bucket { tumourParts.append("bucket: \(bucket.rawValue)") }
        if !rule.tumourTypes.exclude.isEmpty {
            tumourParts.append("exclude: \(list(rule.tumourTypes.exclude))")
        }
        out += "    tumour_types: { \(tumourParts.joined(separator: ", ")) }\n"
        out += "    therapies: \(list(rule.therapies.map(\.description)))\n"
        out += "    category: \(rule.category.rawValue)\n"
        out += "    effect: \(rule.effect.rawValue)\n"
        out += "    evidence:\n"
        out += "      amp_level: \(rule.evidence.ampLevel.rawValue)\n"
        if let escat = rule.evidence.escat { out += "      escat: \(escat.rawValue)\n" }
        out += "      source: \(rule.evidence.source.rawValue)\n"
        out += "      references:\n"
        for reference in rule.evidence.references { out += "        - \(self.reference(reference))\n" }
        out += "      statement: \(quote(rule.evidence.statement))\n"
        if rule.evidence.uncertain { out += "      uncertain: true\n" }
        if let notes = rule.notes { out += "    notes: \(quote(notes))\n" }
        return out
    }

    /// One criterion as a flow mapping.
    public static func criterion(_ criterion: Criterion) -> String {
        switch criterion {
        case .allele(let allele):
            var fields = ["gene: \(quote(allele.gene))"]
            for (build, value) in allele.alleles.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                fields.append("\(build.rawValue): \(quote(value.description))")
            }
            return "{ allele: { \((fields + qualifiers(allele.qualifiers)).joined(separator: ", ")) } }"
        case .protein(let protein):
            let changes =
                protein.notations.count == 1
                ? "change: \(quote(protein.notations[0]))" : "changes: \(list(protein.notations))"
            return
                "{ protein: { \((["gene: \(quote(protein.gene))", changes] + qualifiers(protein.qualifiers)).joined(separator: ", ")) } }"
        case .codon(let codon):
            var fields = ["gene: \(quote(codon.gene))", "residue: \(quote(codon.residue.description))"]
            if !codon.classes.isEmpty {
                fields.append("classes: [\(codon.classes.map(\.rawValue).joined(separator: ", "))]")
            }
            return "{ codon: { \((fields + qualifiers(codon.qualifiers)).joined(separator: ", ")) } }"
        case .range(let range):
            var fields = ["gene: \(quote(range.gene))", "from: \(range.from)", "to: \(range.to)"]
            if !range.classes.isEmpty {
                fields.append("classes: [\(range.classes.map(\.rawValue).joined(separator: ", "))]")
            }
            return "{ range: { \((fields + qualifiers(range.qualifiers)).joined(separator: ", ")) } }"
        case .exon(let exon):
            var fields = ["gene: \(quote(exon.gene))", "exon: \(exon.exon)"]
            if exon.flankingSplice { fields.append("flanking_splice: true") }
            if !exon.classes.isEmpty {
                fields.append("classes: [\(exon.classes.map(\.rawValue).joined(separator: ", "))]")
            }
            return "{ exon: { \((fields + qualifiers(exon.qualifiers)).joined(separator: ", ")) } }"
        case .gene(let gene):
            let fields =
                ["gene: \(quote(gene.gene))", "class: \(gene.alterationClass)"] + qualifiers(gene.qualifiers)
            return "{ gene: { \(fields.joined(separator: ", ")) } }"
        case .copyNumber(let gene, let state):
            return "{ copy_number: { gene: \(quote(gene)), state: \(state.rawValue) } }"
        case .fusion(let partners):
            switch partners {
            case .ordered(let five, let three):
                return "{ fusion: { five_prime: \(quote(five)), three_prime: \(quote(three)) } }"
            case .anyPartner(let gene):
                return "{ fusion: { gene: \(quote(gene)) } }"
            case .eitherOrientation(let first, let second):
                return "{ fusion: { genes: \(list([first, second])) } }"
            case .fivePrime(let gene):
                return "{ fusion: { five_prime: \(quote(gene)) } }"
            case .threePrime(let gene):
                return "{ fusion: { three_prime: \(quote(gene)) } }"
            }
        case .tmb(let minimum):
            return "{ tmb: { min: \(minimum) } }"
        case .msi(let status):
            return "{ msi: \(status.rawValue) }"
        case .mmr(let status):
            return "{ mmr: \(status.rawValue) }"
        case .hrd(let status):
            return "{ hrd: \(status.rawValue) }"
        case .wildType(let genes):
            return "{ wild_type: { genes: \(list(genes)) } }"
        case .all(let parts):
            return "{ all: [\(parts.map(self.criterion).joined(separator: ", "))] }"
        case .any(let parts):
            return "{ any: [\(parts.map(self.criterion).joined(separator: ", "))] }"
        case .not(let inner):
            return "{ not: \(self.criterion(inner)) }"
        }
    }

    static func qualifiers(_ qualifiers: AlterationQualifiers) -> [String] {
        var fields: [String] = []
        if qualifiers.origin != .any { fields.append("origin: \(qualifiers.origin.rawValue)") }
        if qualifiers.zygosity != .any { fields.append("zygosity: \(qualifiers.zygosity.rawValue)") }
        if let minVAF = qualifiers.minVAF { fields.append("min_vaf: \(minVAF)") }
        if let minDepth = qualifiers.minDepth { fields.append("min_depth: \(minDepth)") }
        if qualifiers.filter != .pass { fields.append("filter: \(qualifiers.filter.rawValue)") }
        return fields
    }

    static func reference(_ reference: Reference) -> String {
        var fields = ["type: \(reference.typeName)"]
        switch reference {
        case .label(let agency, let drug, let year, let indication):
            fields.append("agency: \(agency.rawValue)")
            fields.append("drug: \(quote(drug))")
            if let year { fields.append("year: \(year)") }
            if let indication { fields.append("indication: \(quote(indication))") }
        case .guideline(let name, let year):
            fields.append("name: \(quote(name))")
            if let year { fields.append("year: \(year)") }
        case .trial(let name, let nct):
            if let name { fields.append("name: \(quote(name))") }
            if let nct { fields.append("nct: \(nct)") }
        case .pmid(let pmid):
            fields.append("pmid: \(quote(pmid))")
        case .civic(let eid, let aid):
            if let eid { fields.append("eid: \(eid)") }
            if let aid { fields.append("aid: \(aid)") }
        case .other(let text):
            fields.append("text: \(quote(text))")
        }
        return "{ \(fields.joined(separator: ", ")) }"
    }

    static func list(_ items: [String]) -> String { "[\(items.map(quote).joined(separator: ", "))]" }

    /// A double-quoted YAML scalar.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
