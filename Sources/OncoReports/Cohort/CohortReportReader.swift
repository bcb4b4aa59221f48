/// Reads back the JSON report of one sample (as written by ``JSONReportWriter``) into the
/// ``CohortSampleResult`` a cohort table needs — what `oncomatch cohort-merge` and
/// `batch --skip-existing` use.
///
/// Only the fields the cohort tables show are read; a file that is not an OncoMatch report, or
/// whose schema major version differs, is an error naming the file and the JSON field.
public enum CohortReportReader {
    /// A report that cannot be read.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        /// The JSON path at fault (`matches[2].therapies`), when one is.
        public var field: String?
        public var message: String

        public init(file: String, field: String? = nil, message: String) {
            self.file = file
            self.field = field
            self.message = message
        }

        public var description: String { "\(file): " + (field.map { "\($0): " } ?? "") + message }
    }

    /// The cohort view of the report at `path`, under the cohort id `sample` (by default the file
    /// name without `.json`).
    public static func read(path: String, sample: String? = nil) throws(ReadError) -> CohortSampleResult {
        let bytes: [UInt8]
        do {
            bytes = try TextFile.readBytes(path)
        } catch {
            throw ReadError(file: path, message: error.message)
        }
        return try read(bytes: bytes, file: path, sample: sample ?? sampleId(fromPath: path))
    }

    /// The cohort id a report file stands for: its name without folder and `.json`.
    public static func sampleId(fromPath path: String) -> String {
        var name = Substring(path)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if name.hasSuffix(".json") { name = name.dropLast(5) }
        return String(name)
    }

    /// The cohort view of report JSON `bytes` (`file` names it in errors).
    public static func read(bytes: [UInt8], file: String, sample: String) throws(ReadError)
        -> CohortSampleResult
    {
        let document: JSONValue
        do {
            document = try JSONTextParser.parse(bytes)
        } catch {
            throw ReadError(file: file, message: "not valid JSON: \(error)")
        }
        let fields = Fields(file: file)
        let root = try fields.object(document, "")
        let version = try fields.string(root, "schema_version", "")
        let major = MatchReport.schemaVersion.split(separator: ".").first.map(String.init) ?? ""
        guard version.split(separator: ".").first.map(String.init) == major else {
            throw ReadError(
                file: file, field: "schema_version",
                message:
                    "report schema \(version) is not readable by this version (schema \(MatchReport.schemaVersion))"
            )
        }
        let tumourType = try fields.object(try fields.member(root, "tumour_type", ""), "tumour_type")
        let biomarkers = try fields.object(try fields.member(root, "biomarkers", ""), "biomarkers")
        var tmb: String?
        var numerator: String?
        if case .object = try fields.member(biomarkers, "tmb", "biomarkers") {
            let object = try fields.object(
                try fields.member(biomarkers, "tmb", "biomarkers"), "biomarkers.tmb")
            guard case .number(let text) = try fields.member(object, "value", "biomarkers.tmb") else {
                throw ReadError(file: file, field: "biomarkers.tmb.value", message: "expected a number")
            }
            tmb = text
            numerator = try fields.string(object, "numerator", "biomarkers.tmb")
        }
        let qc = try fields.object(try fields.member(root, "qc", ""), "qc")
        let matchValues = try fields.array(try fields.member(root, "matches", ""), "matches")
        var matches: [TherapyMatch] = []
        for (index, value) in matchValues.enumerated() {
            matches.append(try therapyMatch(value, path: "matches[\(index)]", fields: fields))
        }
        let nearMisses = try fields.array(try fields.member(root, "near_misses", ""), "near_misses")
        // Added in schema 1.2.0: absent from older reports.
        var germline: [String] = []
        if root.contains(where: { $0.key == "germline_findings" }) {
            let values = try fields.array(
                try fields.member(root, "germline_findings", ""), "germline_findings")
            for index in values.indices {
                let path = "germline_findings[\(index)]"
                let finding = try fields.object(values[index], path)
                let alteration = try fields.object(
                    try fields.member(finding, "alteration", path), "\(path).alteration")
                germline.append(
                    GermlineFindingSummary.headline(
                        try Self.alterationSummary(alteration, path: "\(path).alteration", fields: fields)))
            }
        }
        return CohortSampleResult(
            sample: sample, tumourType: try fields.string(tumourType, "code", "tumour_type"),
            tumourTypeName: try fields.string(tumourType, "name", "tumour_type"), status: .ok, tmb: tmb,
            tmbNumerator: numerator, msi: try fields.string(biomarkers, "msi", "biomarkers"),
            hrd: try fields.string(biomarkers, "hrd", "biomarkers"), matchCount: matches.count,
            nearMissCount: nearMisses.count, germlineFindings: germline,
            recordsRead: try fields.integer(qc, "records_read", "qc"),
            recordsSkipped: try fields.integer(qc, "records_skipped", "qc"),
            therapyRows: CohortTherapyRow.rows(from: matches))
    }

    /// The fields of an alteration the cohort rows use; the rest stay empty.
    private static func alterationSummary(
        _ alteration: [(key: String, value: JSONValue)], path: String, fields: Fields
    ) throws(ReadError) -> AlterationSummary {
        AlterationSummary(
            gene: try fields.string(alteration, "gene", path),
            proteinChange: try fields.optionalString(alteration, "protein_change", path),
            hgvsc: try fields.optionalString(alteration, "hgvsc", path), consequence: nil,
            variantClass: try fields.string(alteration, "variant_class", path),
            chromosome: try fields.optionalString(alteration, "chromosome", path),
            position: try fields.optionalInteger(alteration, "position", path),
            reference: try fields.optionalString(alteration, "ref", path),
            alternate: try fields.optionalString(alteration, "alt", path), filter: nil, vaf: nil,
            depth: nil, origin: try fields.string(alteration, "origin", path),
            zygosity: "", transcript: nil, principalTranscript: false,
            // Added in schema 1.1.0: absent from 1.0.0 reports.
            fusion: alteration.contains { $0.key == "fusion" }
                ? try fields.optionalString(alteration, "fusion", path) : nil)
    }

    /// The fields of one match the cohort rows use; the rest stay empty.
    private static func therapyMatch(_ value: JSONValue, path: String, fields: Fields) throws(ReadError)
        -> TherapyMatch
    {
        let object = try fields.object(value, path)
        var alterations: [AlterationSummary] = []
        for (index, item) in try fields.array(
            try fields.member(object, "alterations", path), "\(path).alterations"
        )
        .enumerated() {
            let itemPath = "\(path).alterations[\(index)]"
            alterations.append(
                try alterationSummary(try fields.object(item, itemPath), path: itemPath, fields: fields))
        }
        guard case .bool(let onLabel) = try fields.member(object, "on_label", path) else {
            throw ReadError(file: fields.file, field: "\(path).on_label", message: "expected true or false")
        }
        return TherapyMatch(
            ruleId: try fields.string(object, "rule_id", path), ruleTitle: "",
            supportingRuleIds: try fields.strings(object, "supporting_rule_ids", path),
            genes: try fields.strings(object, "genes", path), alterations: alterations,
            therapies: try fields.strings(object, "therapies", path),
            category: try fields.string(object, "category", path),
            effect: try fields.string(object, "effect", path),
            ampTier: try fields.string(object, "amp_tier", path),
            ampLevel: "", escat: try fields.optionalString(object, "escat", path), onLabel: onLabel,
            ruleTumourTypes: [], matchLevel: "", principalTranscript: false,
            evidence: EvidenceSummary(source: "", references: [], statement: "", uncertain: false),
            explanation: "",
            // Added in schema 1.1.0: absent from 1.0.0 reports.
            biomarkerFindings: object.contains { $0.key == "biomarker_findings" }
                ? try fields.strings(object, "biomarker_findings", path) : [])
    }

    /// Typed access to members, with errors naming the JSON path.
    private struct Fields {
        let file: String

        private func fail(_ parent: String, _ key: String, _ message: String) -> ReadError {
            ReadError(file: file, field: parent.isEmpty ? key : "\(parent).\(key)", message: message)
        }

        func object(_ value: JSONValue, _ path: String) throws(ReadError) -> [(key: String, value: JSONValue)]
        {
            guard case .object(let members) = value else {
                throw ReadError(file: file, field: path.isEmpty ? nil : path, message: "expected an object")
            }
            return members
        }

        func array(_ value: JSONValue, _ path: String) throws(ReadError) -> [JSONValue] {
            guard case .array(let items) = value else {
                throw ReadError(file: file, field: path, message: "expected an array")
            }
            return items
        }

        func member(_ members: [(key: String, value: JSONValue)], _ key: String, _ parent: String)
            throws(ReadError)
            -> JSONValue
        {
            guard let member = members.first(where: { $0.key == key }) else {
                throw fail(parent, key, "missing (is this an OncoMatch JSON report?)")
            }
            return member.value
        }

        func string(_ members: [(key: String, value: JSONValue)], _ key: String, _ parent: String)
            throws(ReadError)
            -> String
        {
            guard case .string(let text) = try member(members, key, parent) else {
                throw fail(parent, key, "expected a string")
            }
            return text
        }

        func optionalString(_ members: [(key: String, value: JSONValue)], _ key: String, _ parent: String)
            throws(ReadError) -> String?
        {
            switch try member(members, key, parent) {
            case .string(let text): return text
            case .null: return nil
            default: throw fail(parent, key, "expected a string or null")
            }
        }

        func strings(_ members: [(key: String, value: JSONValue)], _ key: String, _ parent: String)
            throws(ReadError)
            -> [String]
        {
            guard case .array(let items) = try member(members, key, parent) else {
                throw fail(parent, key, "expected an array of strings")
            }
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    throw fail(parent, key, "expected an array of strings")
                }
                texts.append(text)
            }
            return texts
        }

        func integer(_ members: [(key: String, value: JSONValue)], _ key: String, _ parent: String)
            throws(ReadError)
            -> Int
        {
            guard case .number(let text) = try member(members, key, parent), let value = Int(text) else {
                throw fail(parent, key, "expected an integer")
            }
            return value
        }

        func optionalInteger(_ members: [(key: String, value: JSONValue)], _ key: String, _ parent: String)
            throws(ReadError) -> Int?
        {
            switch try member(members, key, parent) {
            case .null: return nil
            case .number(let text):
                guard let value = Int(text) else { throw fail(parent, key, "expected an integer or null") }
                return value
            default: throw fail(parent, key, "expected an integer or null")
            }
        }
    }
}
