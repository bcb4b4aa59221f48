/// Accumulates header lines one at a time (as the reader meets them) into a `VCFHeader`.
struct VCFHeaderBuilder {
    let path: String
    let strict: Bool
    private var version: VCFVersion?
    private var metaLines: [VCFMetaLine] = []
    private var infoDefinitions: [VCFFieldDefinition] = []
    private var formatDefinitions: [VCFFieldDefinition] = []
    private var filters: [VCFFilterDefinition] = []
    private var alternateAlleles: [VCFAlternateAlleleDefinition] = []
    private var contigs: [VCFContig] = []
    private var sampleNames: [String]?
    private var skippedLines = 0
    private var sawHeaderLine = false

    init(path: String, strict: Bool) {
        self.path = path
        self.strict = strict
    }

    private func error(_ line: Int, _ field: String? = nil, _ message: String) -> FormatError {
        FormatError(.header, file: path, line: line, field: field, message: message)
    }

    /// Takes one line (without terminator). Returns `true` once the `#CHROM` line is consumed.
    mutating func consume(_ bytes: UnsafeRawBufferPointer, lineNumber: Int) throws -> Bool {
        if bytes.isEmpty { return false }
        let isHash = bytes[0] == UInt8(ascii: "#")
        if !isHash {
            if !sawHeaderLine && !strict {
                skippedLines += 1
                return false
            }
            if !sawHeaderLine {
                throw error(
                    lineNumber, nil, "expected '##fileformat=VCFv4.x' as the first line, found other text")
            }
            throw error(lineNumber, nil, "data line before the '#CHROM' header line")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("##") {
            try consumeMeta(text.dropFirst(2), lineNumber: lineNumber)
            sawHeaderLine = true
            return false
        }
        if text.hasPrefix("#CHROM") {
            try consumeColumns(text, lineNumber: lineNumber)
            return true
        }
        if strict {
            throw error(lineNumber, nil, "unexpected line starting with a single '#' before '#CHROM'")
        }
        skippedLines += 1
        return false
    }

    private mutating func consumeMeta(_ text: Substring, lineNumber: Int) throws {
        var line: VCFMetaLine
        switch VCFMetaLine.parse(text) {
        case .success(let parsed): line = parsed
        case .failure(let failure):
            if strict { throw error(lineNumber, nil, failure.message) }
            let equals = text.firstIndex(of: "=") ?? text.endIndex
            line = VCFMetaLine(
                key: String(text[..<equals]),
                value: equals < text.endIndex ? String(text[text.index(after: equals)...]) : "")
        }
        if !sawHeaderLine {
            if line.key == "fileformat" {
                version = VCFVersion(fileformat: line.value)
                if version == nil && strict {
                    throw error(lineNumber, "fileformat", "expected 'VCFv4.x', found '\(line.value)'")
                }
            } else if strict {
                throw error(lineNumber, "fileformat", "the first line must be '##fileformat=VCFv4.x'")
            }
        }
        metaLines.append(line)
        guard let fields = line.fields else {
            if strict && ["INFO", "FORMAT", "FILTER", "contig", "ALT"].contains(line.key) {
                throw error(lineNumber, line.key, "expected a structured value '<ID=…>'")
            }
            return
        }
        var map: [String: String] = [:]
        for field in fields where map[field.key] == nil { map[field.key] = field.value }
        let id = map["ID"]
        switch line.key {
        case "INFO", "FORMAT":
            guard let id, !id.isEmpty else {
                if strict { throw error(lineNumber, line.key, "declaration without ID") }
                return
            }
            let fieldName = "\(line.key)/\(id)"
            var number = map["Number"].flatMap { VCFNumber($0) }
            if number == nil {
                if strict {
                    throw error(
                        lineNumber, fieldName,
                        "expected Number to be an integer, A, R, G, P or '.', found '\(map["Number"] ?? "")'")
                }
                number = .unknown
            }
            var type = map["Type"].flatMap { VCFValueType(rawValue: $0) }
            if type == nil {
                if strict {
                    throw error(
                        lineNumber, fieldName,
                        "expected Type to be Integer, Float, Flag, Character or String, found '\(map["Type"] ?? "")'"
                    )
                }
                type = .string
            }
            let definition = VCFFieldDefinition(
                id: id, number: number!, type: type!, description: map["Description"] ?? "", fields: map)
            if line.key == "INFO" {
                infoDefinitions.append(definition)
            } else {
                formatDefinitions.append(definition)
            }
        case "FILTER":
            if let id { filters.append(VCFFilterDefinition(id: id, description: map["Description"] ?? "")) }
        case "ALT":
            if let id {
                alternateAlleles.append(
                    VCFAlternateAlleleDefinition(id: id, description: map["Description"] ?? ""))
            }
        case "contig":
            guard let id else {
                if strict { throw error(lineNumber, "contig", "declaration without ID") }
                return
            }
            var length: Int?
            if let text = map["length"] {
                length = Int(text)
                if length == nil && strict {
                    throw error(lineNumber, "contig/\(id)", "expected an integer length, found '\(text)'")
                }
            }
            contigs.append(VCFContig(id: id, length: length, assembly: map["assembly"], fields: map))
        default:
            break
        }
    }

    private static let fixedColumns = ["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"]

    private mutating func consumeColumns(_ text: String, lineNumber: Int) throws {
        var columns = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if columns.count == 1 && !strict {
            columns = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }
        if columns.count < 8 {
            throw error(
                lineNumber, "#CHROM", "expected at least 8 tab-separated columns, found \(columns.count)")
        }
        if strict {
            for (index, name) in Self.fixedColumns.enumerated() where columns[index] != name {
                throw error(
                    lineNumber, "#CHROM",
                    "expected column \(index + 1) to be '\(name)', found '\(columns[index])'")
            }
            if columns.count > 8 && columns[8] != "FORMAT" {
                throw error(lineNumber, "#CHROM", "expected column 9 to be 'FORMAT', found '\(columns[8])'")
            }
        }
        let samples = columns.count > 9 ? Array(columns[9...]) : []
        if strict && Set(samples).count != samples.count {
            throw error(lineNumber, "#CHROM", "duplicate sample names")
        }
        sampleNames = samples
        if !sawHeaderLine && strict {
            throw error(lineNumber, "fileformat", "the first line must be '##fileformat=VCFv4.x'")
        }
        sawHeaderLine = true
    }

    /// Whether any header line has been seen (used to tell a header-less file from an empty one).
    var hasStarted: Bool { sawHeaderLine }

    /// Completes the header; fails when no `#CHROM` line was seen.
    func finish(lineNumber: Int) throws -> VCFHeader {
        guard let sampleNames else {
            throw error(lineNumber, "#CHROM", "missing '#CHROM' header line (the file ended before it)")
        }
        return VCFHeader(
            storage: VCFHeader.Storage(
                version: version, metaLines: metaLines, infoDefinitions: infoDefinitions,
                formatDefinitions: formatDefinitions, filters: filters, alternateAlleles: alternateAlleles,
                contigs: contigs, sampleNames: sampleNames, skippedLines: skippedLines))
    }
}
