import Foundation
import OncoDomain
import Yams

/// Reads rules, their tumour types, therapies and evidence, and the `rule_set` header, strictly.
struct RuleParser {
    let reader: YAMLReader
    let vocabulary: RuleVocabulary

    private var criteria: CriterionParser { CriterionParser(reader: reader, vocabulary: vocabulary) }

    static let ruleKeys = [
        "id", "title", "reviewed", "biomarker", "tumour_types", "therapies", "category", "effect", "evidence",
        "notes",
    ]

    func metadata(_ node: Node) -> RuleSetMetadata? {
        guard
            let fields = reader.fields(
                node, of: "rule_set", allowed: ["id", "version", "reviewed", "licence", "description"])
        else { return nil }
        var id = fields.required("id").flatMap { reader.string($0, "rule_set id") }
        if let text = id, let node = fields.optional("id"),
            !text.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        {
            reader.report(node, "rule_set id '\(text)' must match [a-z0-9-]+")
            id = nil
        }
        let version = fields.required("version").flatMap { reader.string($0, "version") }
        let reviewed = fields.required("reviewed").flatMap { reader.date($0, "reviewed") }
        let licence = fields.required("licence").flatMap { reader.string($0, "licence") }
        let description = fields.optional("description").flatMap { reader.string($0, "description") }
        if fields.has("description") && description == nil { return nil }
        guard let id, let version, let reviewed, let licence else { return nil }
        return RuleSetMetadata(
            id: id, version: version, reviewed: reviewed, licence: licence, description: description)
    }

    func hotspots(_ node: Node) -> [String: [CodonPosition]]? {
        guard case .mapping(let mapping) = node else {
            reader.report(node, "hotspots must be a mapping from gene to codons")
            return nil
        }
        var result: [String: [CodonPosition]] = [:]
        var failed = false
        for (keyNode, value) in mapping {
            guard let gene = criteria.geneSymbol(keyNode) else {
                failed = true
                continue
            }
            guard let codons = criteria.codonList(value, "hotspots of \(gene)") else {
                failed = true
                continue
            }
            result[gene] = codons
        }
        return failed ? nil : result
    }

    func rule(_ node: Node) -> Rule? {
        guard let fields = reader.fields(node, of: "rule", allowed: Self.ruleKeys) else { return nil }
        var id = fields.required("id").flatMap { reader.string($0, "rule id") }
        if let text = id, let idNode = fields.optional("id"),
            !text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        {
            reader.report(idNode, "rule id '\(text)' must match [A-Za-z0-9._-]+")
            id = nil
        }
        let title = fields.required("title").flatMap { reader.string($0, "title") }
        let reviewed = fields.required("reviewed").flatMap { reader.date($0, "reviewed") }
        var biomarker: Criterion?
        if let biomarkerNode = fields.required("biomarker") {
            biomarker = criteria.criterion(biomarkerNode)
            if let criterion = biomarker, !criterion.requiresSomethingPresent {
                reader.report(
                    biomarkerNode,
                    "the biomarker needs nothing present: put a 'not' inside 'all' beside a positive criterion"
                )
                biomarker = nil
            }
        }
        let tumourTypes = fields.required("tumour_types").flatMap(tumourTypes)
        let therapies = fields.required("therapies").flatMap(therapies)
        let category = fields.required("category").flatMap {
            reader.choice($0, "category", as: TherapyCategory.self)
        }
        let effect = fields.required("effect").flatMap { reader.choice($0, "effect", as: Effect.self) }
        let evidence = fields.required("evidence").flatMap(evidence)
        let notes = fields.optional("notes").flatMap { reader.string($0, "notes") }
        guard let id, let title, let reviewed, let biomarker, let tumourTypes, let therapies, let category,
            let effect,
            let evidence, notes != nil || !fields.has("notes")
        else { return nil }
        return Rule(
            id: id, title: title, reviewed: reviewed, biomarker: biomarker, tumourTypes: tumourTypes,
            therapies: therapies, category: category, effect: effect, evidence: evidence, notes: notes,
            location: reader.location(node))
    }

    func tumourTypes(_ node: Node) -> TumourTypeSelector? {
        guard let fields = reader.fields(node, of: "tumour_types", allowed: ["include", "bucket", "exclude"])
        else {
            return nil
        }
        let include: [String]? = fields.optional("include").map { codes($0, "include") } ?? []
        let exclude: [String]? = fields.optional("exclude").map { codes($0, "exclude") } ?? []
        let bucket: TumourTypeBucket?? = fields.optional("bucket").map {
            reader.choice($0, "bucket", as: TumourTypeBucket.self)
        }
        if !fields.has("include") && !fields.has("bucket") {
            reader.report(node, "tumour_types needs 'include' and/or 'bucket'")
            return nil
        }
        guard let include, let exclude, bucket != .some(nil) else { return nil }
        return TumourTypeSelector(include: include, bucket: bucket ?? nil, exclude: exclude)
    }

    private func codes(_ node: Node, _ what: String) -> [String]? {
        guard let items = reader.strings(node, "tumour_types \(what)") else { return nil }
        var codes: [String] = []
        var failed = false
        for (text, itemNode) in items {
            if let code = vocabulary.canonicalTumourType(text) {
                codes.append(code)
            } else {
                let close = vocabulary.closeTumourTypes(text)
                let hint =
                    close.isEmpty ? "no close match" : "close matches: \(close.joined(separator: ", "))"
                reader.report(itemNode, "unknown OncoTree code '\(text)' (\(hint))")
                failed = true
            }
        }
        return failed ? nil : codes
    }

    func therapies(_ node: Node) -> [TherapyOption]? {
        guard let items = reader.strings(node, "therapies") else { return nil }
        var options: [TherapyOption] = []
        var failed = false
        for (text, itemNode) in items {
            let option = TherapyOption(parsing: text)
            if option.drugs.contains(where: \.isEmpty) {
                reader.report(itemNode, "therapy '\(text)' has an empty drug name")
                failed = true
            } else if text != text.lowercased() {
                reader.report(itemNode, "therapy '\(text)' must be lowercase generic names (INN)")
                failed = true
            } else if options.contains(option) {
                reader.report(itemNode, "therapy '\(text)' is listed twice")
                failed = true
            } else {
                options.append(option)
            }
        }
        return failed ? nil : options
    }

    func evidence(_ node: Node) -> Evidence? {
        guard
            let fields = reader.fields(
                node, of: "evidence",
                allowed: ["amp_level", "escat", "source", "references", "statement", "uncertain"])
        else { return nil }
        let level = fields.required("amp_level").flatMap { reader.choice($0, "AMP level", as: AMPLevel.self) }
        let escat: ESCATTier?? = fields.optional("escat").map {
            reader.choice($0, "ESCAT tier", as: ESCATTier.self)
        }
        let source = fields.required("source").flatMap {
            reader.choice($0, "evidence source", as: EvidenceSource.self)
        }
        var references: [Reference]?
        if let referencesNode = fields.required("references"),
            let items = reader.sequence(referencesNode, "references", nonEmpty: true)
        {
            let parsed = items.map(reference)
            references = parsed.allSatisfy { $0 != nil } ? parsed.compactMap { $0 } : nil
        }
        let statement = fields.required("statement").flatMap { reader.string($0, "statement") }
        let uncertain: Bool? = fields.optional("uncertain").map { reader.boolean($0, "uncertain") } ?? false
        guard let level, escat != .some(nil), let source, let references, let statement, let uncertain else {
            return nil
        }
        return Evidence(
            ampLevel: level, escat: escat ?? nil, source: source, references: references,
            statement: statement,
            uncertain: uncertain)
    }

    static let referenceKeys: [String: [String]] = [
        "label": ["agency", "drug", "year", "indication"],
        "guideline": ["name", "year"],
        "trial": ["name", "nct"],
        "pmid": ["pmid"],
        "civic": ["eid", "aid"],
        "other": ["text"],
    ]
    static let referenceTypes = ["label", "guideline", "trial", "pmid", "civic", "other"]

    func reference(_ node: Node) -> Reference? {
        guard case .mapping(let mapping) = node else {
            reader.report(node, "a reference must be a mapping with a 'type'")
            return nil
        }
        guard let typeNode = mapping["type"] else {
            reader.report(node, "missing required key 'type' in reference")
            return nil
        }
        guard let type = reader.scalarText(typeNode, "reference type"), let keys = Self.referenceKeys[type]
        else {
            reader.report(
                typeNode,
                "unknown reference type '\(typeNode.scalar?.string ?? "?")' (expected one of: \(Self.referenceTypes.joined(separator: ", ")))"
            )
            return nil
        }
        guard let fields = reader.fields(node, of: "\(type) reference", allowed: ["type"] + keys) else {
            return nil
        }
        let year: Int?? = fields.optional("year").map { reader.integer($0, "year", range: 1900...2100) }
        if year == .some(nil) { return nil }
        switch type {
        case "label":
            let agency = fields.required("agency").flatMap {
                reader.choice($0, "agency", as: Reference.Agency.self)
            }
            let drug = fields.required("drug").flatMap { reader.string($0, "drug") }
            let indication: String?? = fields.optional("indication").map { reader.string($0, "indication") }
            guard let agency, let drug, indication != .some(nil) else { return nil }
            return .label(agency: agency, drug: drug, year: year ?? nil, indication: indication ?? nil)
        case "guideline":
            return fields.required("name").flatMap { reader.string($0, "guideline name") }.map {
                .guideline(name: $0, year: year ?? nil)
            }
        case "trial":
            let name: String?? = fields.optional("name").map { reader.string($0, "trial name") }
            var nct: String?? = fields.optional("nct").map { reader.string($0, "nct") }
            if case .some(.some(let text)) = nct, !Self.isNCT(text), let nctNode = fields.optional("nct") {
                reader.report(nctNode, "malformed NCT id '\(text)' (expected NCT followed by 8 digits)")
                nct = .some(nil)
            }
            if name == nil && nct == nil {
                reader.report(node, "a trial reference needs 'name' and/or 'nct'")
                return nil
            }
            guard name != .some(nil), nct != .some(nil) else { return nil }
            return .trial(name: name ?? nil, nct: nct ?? nil)
        case "pmid":
            guard let pmidNode = fields.required("pmid"), let text = reader.string(pmidNode, "pmid") else {
                return nil
            }
            guard text.allSatisfy({ $0.isASCII && $0.isNumber }), text.count <= 9 else {
                reader.report(pmidNode, "malformed PMID '\(text)' (digits only)")
                return nil
            }
            return .pmid(text)
        case "civic":
            var eid: String?? = fields.optional("eid").map { reader.string($0, "eid") }
            var aid: String?? = fields.optional("aid").map { reader.string($0, "aid") }
            if case .some(.some(let text)) = eid, !Self.isCIViCID(text, prefix: "EID") {
                reader.report(
                    fields.optional("eid")!, "malformed CIViC evidence id '\(text)' (expected EID + digits)")
                eid = .some(nil)
            }
            if case .some(.some(let text)) = aid, !Self.isCIViCID(text, prefix: "AID") {
                reader.report(
                    fields.optional("aid")!, "malformed CIViC assertion id '\(text)' (expected AID + digits)")
                aid = .some(nil)
            }
            if eid == nil && aid == nil {
                reader.report(node, "a civic reference needs 'eid' and/or 'aid'")
                return nil
            }
            guard eid != .some(nil), aid != .some(nil) else { return nil }
            return .civic(eid: eid ?? nil, aid: aid ?? nil)
        default:
            return fields.required("text").flatMap { reader.string($0, "text") }.map { .other(text: $0) }
        }
    }

    static func isNCT(_ text: String) -> Bool {
        text.count == 11 && text.hasPrefix("NCT")
            && text.dropFirst(3).allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func isCIViCID(_ text: String, prefix: String) -> Bool {
        text.count > prefix.count && text.hasPrefix(prefix)
            && text.dropFirst(prefix.count).allSatisfy { $0.isASCII && $0.isNumber }
    }
}
