/// The layout of one annotation INFO tag (VEP `CSQ`, SnpEff `ANN`, bcftools `BCSQ`, or any tag whose
/// Description lists its fields as `Format: A|B|C`), resolved once per header.
///
/// Build it from the INFO header line's ID and Description, then read values with
/// `AnnotationEntries`. Immutable and shareable across threads.
public final class AnnotationSchema: Sendable {
    /// Which tool wrote the annotation; decides how an entry's allele ties to an ALT allele.
    public enum Tool: String, Sendable {
        /// Ensembl VEP, whatever the tag (`CSQ`, `ANN` with `--vcf_info_field ANN`, or custom).
        case vep
        /// SnpEff's `ANN` (the 16-field "Functional annotations" layout).
        case snpEff
        /// bcftools csq's `BCSQ`.
        case bcftoolsCSQ
        /// Another tool with a `Format:` field list; allele ties need `ALLELE_NUM`.
        case other
    }

    /// SnpEff's fixed field names, as its header writes them.
    public static let snpEffFieldNames: [String] = [
        "Allele", "Annotation", "Annotation_Impact", "Gene_Name", "Gene_ID", "Feature_Type", "Feature_ID",
        "Transcript_BioType", "Rank", "HGVS.c", "HGVS.p", "cDNA.pos / cDNA.length", "CDS.pos / CDS.length",
        "AA.pos / AA.length", "Distance", "ERRORS / WARNINGS / INFO",
    ]

    /// SnpEff's fixed layout for `tag`, for files whose header lacks the ANN line.
    public static func snpEff(tag: String = "ANN") -> AnnotationSchema {
        // The description below is SnpEff's own and always parses.
        try! AnnotationSchema(
            tag: tag,
            description: "Functional annotations: '" + snpEffFieldNames.joined(separator: " | ") + "'")
    }

    /// The INFO ID (`CSQ`, `ANN`, …).
    public let tag: String
    /// The tool that wrote it.
    public let tool: Tool
    /// The field names in order.
    public let fieldNames: [String]
    private let standardIndices: [Int]
    private let indexByName: [String: Int]
    private let sanitizedIndexByName: [String: Int]

    /// Builds the schema of INFO tag `tag` from its header `description` (unescaped, without quotes).
    ///
    /// - Throws: `FormatError.header` when the Description is neither SnpEff's layout nor lists the
    ///   fields after `Format:`. `file` and `line` only locate that error.
    public init(tag: String, description: String, file: String = "-", line: Int? = nil) throws {
        self.tag = tag
        if let names = Self.snpEffNames(in: description) {
            tool = .snpEff
            fieldNames = names
        } else if let formatRange = description.range(of: "Format:") {
            let list = description[formatRange.upperBound...]
                .trimmingCharacters(in: [" ", "'", "\""])
            let names = list.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: [" "]) }
            if names.contains(where: { $0.contains("(") }) {
                throw FormatError(
                    .header, file: file, line: line, field: "INFO/\(tag)",
                    message:
                        "SnpEff's old EFF layout 'Effect ( Effect_Impact | … )' is not supported; annotate with SnpEff ≥ 4.1 (ANN)"
                )
            }
            guard names.count > 1 || !(names.first ?? "").isEmpty else {
                throw FormatError(
                    .header, file: file, line: line, field: "INFO/\(tag)",
                    message: "the Description's 'Format:' lists no fields")
            }
            fieldNames = names
            if description.contains("BCFtools/csq") {
                tool = .bcftoolsCSQ
            } else if description.contains("VEP")
                || (names.first == "Allele" && names.contains("Consequence"))
            {
                tool = .vep
            } else {
                tool = .other
            }
        } else {
            throw FormatError(
                .header, file: file, line: line, field: "INFO/\(tag)",
                message:
                    "cannot tell the annotation fields: expected a Description with 'Format: A|B|C' (VEP, bcftools csq) or SnpEff's 'Functional annotations: Allele | Annotation | …'"
            )
        }
        var byName: [String: Int] = [:]
        for (index, name) in fieldNames.enumerated() where byName[name] == nil { byName[name] = index }
        indexByName = byName
        var bySanitizedName: [String: Int] = [:]
        for (index, name) in fieldNames.enumerated() {
            let sanitized = Self.sanitized(name)
            if bySanitizedName[sanitized] == nil { bySanitizedName[sanitized] = index }
        }
        sanitizedIndexByName = bySanitizedName
        standardIndices = AnnotationField.allCases.map { field in
            for name in field.columnNames {
                if let index = byName[name] { return index }
            }
            return -1
        }
    }

    /// Builds the schema from a whole `##INFO=<ID=…,…,Description="…">` header line.
    ///
    /// - Throws: `FormatError.header` when the line has no ID or Description, or as `init(tag:description:)`.
    public convenience init(infoHeaderLine: String, file: String = "-", line: Int? = nil) throws {
        guard let id = Self.headerValue("ID", in: infoHeaderLine),
            let description = Self.headerValue("Description", in: infoHeaderLine)
        else {
            throw FormatError(
                .header, file: file, line: line, field: "INFO",
                message: "expected ##INFO=<ID=…,Description=\"…\">")
        }
        try self.init(tag: id, description: description, file: file, line: line)
    }

    /// The index of the field named `name`, or `nil` when the header does not declare it.
    ///
    /// An exact name wins; otherwise the name as bcftools `+split-vep` spells it is accepted too,
    /// with every character other than a letter, digit or `_` made `_` (`M-CAP_pred` → `M_CAP_pred`).
    public func index(ofField name: String) -> Int? {
        indexByName[name] ?? sanitizedIndexByName[name]
    }

    /// `name` with every character other than an ASCII letter, digit or `_` replaced by `_`.
    static func sanitized(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar in
                    let isWord =
                        scalar.isASCII
                        && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                            || ("0"..."9").contains(scalar) || scalar == "_")
                    return isWord ? scalar : "_"
                }))
    }

    /// The index of a known field, or `nil` when this schema has no such column.
    public func index(of field: AnnotationField) -> Int? {
        let index = standardIndices[field.rawValue]
        return index < 0 ? nil : index
    }

    @inline(__always)
    func rawIndex(of field: AnnotationField) -> Int { standardIndices[field.rawValue] }

    /// SnpEff's layout when `description` is its "Functional annotations: 'Allele | Annotation | …'".
    private static func snpEffNames(in description: String) -> [String]? {
        guard let range = description.range(of: "Functional annotations:") else { return nil }
        let list = description[range.upperBound...].trimmingCharacters(in: [" ", "'", "\""])
        let names = list.split(separator: "|").map { $0.trimmingCharacters(in: [" ", "'"]) }
        guard names.count >= 3, names[0] == "Allele", names[1] == "Annotation",
            names[2] == "Annotation_Impact"
        else { return nil }
        return snpEffFieldNames
    }

    /// The value of `key=` inside `<…>` of a structured header line; quoted values are unescaped.
    static func headerValue(_ key: String, in line: String) -> String? {
        guard let open = line.firstIndex(of: "<") else { return nil }
        var index = line.index(after: open)
        while index < line.endIndex {
            // Read a key.
            let keyStart = index
            while index < line.endIndex, line[index] != "=", line[index] != ",", line[index] != ">" {
                index = line.index(after: index)
            }
            let currentKey = line[keyStart..<index]
            guard index < line.endIndex, line[index] == "=" else { return nil }
            index = line.index(after: index)
            var value = ""
            if index < line.endIndex, line[index] == "\"" {
                index = line.index(after: index)
                while index < line.endIndex, line[index] != "\"" {
                    if line[index] == "\\", line.index(after: index) < line.endIndex {
                        index = line.index(after: index)
                    }
                    value.append(line[index])
                    index = line.index(after: index)
                }
                if index < line.endIndex { index = line.index(after: index) }
            } else {
                let valueStart = index
                while index < line.endIndex, line[index] != ",", line[index] != ">" {
                    index = line.index(after: index)
                }
                value = String(line[valueStart..<index])
            }
            if currentKey == key { return value }
            guard index < line.endIndex, line[index] == "," else { return nil }
            index = line.index(after: index)
        }
        return nil
    }
}

extension StringProtocol {
    /// Drops leading and trailing characters found in `set` (Foundation-free).
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }

    /// The first range of `needle`, Foundation-free.
    fileprivate func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(needle) {
                return start..<(self.index(start, offsetBy: needle.count))
            }
            start = index(after: start)
        }
        return nil
    }
}
