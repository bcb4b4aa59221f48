/// The per-record work of `VCFStatistics`, with the reusable scratch state that keeps the loop
/// free of allocation.
final class StatisticsPass {
    let header: VCFHeader
    private let infoTable: ByteKeyTable
    private let infoTypes: [VCFValueType]
    private let formatTable: ByteKeyTable
    private let formatTypesByIndex: [VCFValueType]
    let strict: Bool
    let annotationKey: String?
    /// Index of the consequence field inside a `|`-separated annotation entry.
    let consequenceField: Int?
    var consequenceCounter = ByteStringCounter()
    /// Declared type of each FORMAT key of the current record.
    private var formatTypes: [VCFValueType] = []
    private let percentEncoded: Bool

    init(header: VCFHeader, strict: Bool) {
        self.header = header
        self.strict = strict
        infoTable = header.storage.infoTable
        infoTypes = header.infoDefinitions.map(\.type)
        formatTable = header.storage.formatTable
        formatTypesByIndex = header.formatDefinitions.map(\.type)
        percentEncoded = header.usesPercentEncoding
        let key = ["CSQ", "ANN", "BCSQ"].first { header.info($0) != nil }
        annotationKey = key
        switch key {
        case "ANN": consequenceField = 1
        case .some(let key):
            consequenceField = Self.fieldIndex(named: "Consequence", in: header.info(key)!.description)
        case nil: consequenceField = nil
        }
    }

    /// Index of `name` in the `Format: A|B|C` part of a VEP/bcftools-csq description.
    static func fieldIndex(named name: String, in description: String) -> Int? {
        let marker = Array("Format:".utf8)
        let bytes = Array(description.utf8)
        guard bytes.count >= marker.count,
            let start = (0...(bytes.count - marker.count)).first(where: {
                bytes[$0..<$0 + marker.count].elementsEqual(marker)
            })
        else { return nil }
        let rest = String(decoding: bytes[(start + marker.count)...], as: UTF8.self)
        let fields = Substring(rest).split(separator: "|", omittingEmptySubsequences: false)
        return fields.firstIndex { $0.trimmingCharacters() == name }
    }

    func add(_ record: VCFRecord, to statistics: inout VCFStatistics) throws {
        statistics.records += 1
        classifyAlleles(record, &statistics)
        if record.isFiltered { statistics.filtered += 1 }
        try decodeInfo(record, &statistics)
        if record.columnCount > 9 { try decodeSamples(record, &statistics) }
    }

    private func classifyAlleles(_ record: VCFRecord, _ statistics: inout VCFStatistics) {
        var hasSNV = false
        var hasMNV = false
        var hasIndel = false
        var hasOther = false
        var hasBreakend = false
        var hasVariant = false
        var hasSymbolic = false
        var alleles = 0
        record.withReference { reference in
            record.forEachAlternateAllele { alternate in
                alleles += 1
                if alternate.count > 1 && alternate[0] == UInt8(ascii: "<") { hasSymbolic = true }
                switch VCFVariantType.classify(reference: reference, alternate: alternate) {
                case .reference: break
                case .snv: hasSNV = true
                case .mnv: hasMNV = true
                case .indel: hasIndel = true
                case .breakend: hasBreakend = true
                case .other: hasOther = true
                case .overlap: hasVariant = true
                }
            }
        }
        if hasSNV { statistics.snvs += 1 }
        if hasMNV { statistics.mnps += 1 }
        if hasIndel { statistics.indels += 1 }
        if hasOther { statistics.others += 1 }
        if hasBreakend { statistics.breakends += 1 }
        if !(hasVariant || hasBreakend || hasSNV || hasMNV || hasIndel || hasOther) { statistics.noAlts += 1 }
        if alleles > 1 { statistics.multiallelic += 1 }
        if hasSymbolic { statistics.symbolic += 1 }
    }

    private func invalidValueError(
        _ record: VCFRecord, _ line: UnsafePointer<UInt8>, _ range: Range<Int>, field: String,
        type: VCFValueType
    ) -> FormatError {
        record.valueError(
            field, expected: "a value of type \(type.rawValue)",
            found: UnsafeRawBufferPointer(start: line + range.lowerBound, count: range.count))
    }

    private func decodeInfo(_ record: VCFRecord, _ statistics: inout VCFStatistics) throws {
        let bounds = record.columnBounds(7)
        var infoValues = 0
        var invalid = 0
        var annotation: Range<Int>? = nil
        try record.bytes.withUnsafeBufferPointer { buffer in
            let line = buffer.baseAddress!
            let end = bounds.upperBound
            var index = bounds.lowerBound
            if end - index == 1 && line[index] == UInt8(ascii: ".") { return }
            while index < end {
                let keyStart = index
                while index < end && line[index] != UInt8(ascii: ";") && line[index] != UInt8(ascii: "=") {
                    index += 1
                }
                let keyEnd = index
                if index == end || line[index] == UInt8(ascii: ";") {
                    // A flag (or an empty entry between two semicolons).
                    if keyEnd > keyStart { infoValues += 1 }
                    index += 1
                    continue
                }
                index += 1  // '='
                let key = UnsafeRawBufferPointer(start: line + keyStart, count: keyEnd - keyStart)
                var type = infoTable.lookup(key).map { infoTypes[$0] } ?? .string
                if type == .flag { type = .string }
                let scanned = TypedListScanner.scan(
                    line, from: index, limit: end, stop: UInt8(ascii: ";"), type: type)
                infoValues += scanned.items
                if let bad = scanned.firstInvalid {
                    if strict {
                        throw invalidValueError(
                            record, line, bad, field: "INFO/" + String(decoding: key, as: UTF8.self),
                            type: type)
                    }
                    invalid += scanned.invalid
                }
                if let annotationKey, annotation == nil, VCFByteParsing.equals(key, annotationKey) {
                    annotation = index..<scanned.end
                }
                index = scanned.end + 1
            }
        }
        statistics.infoValues += infoValues
        statistics.invalidValues += invalid
        if let annotation {
            record.bytes.withUnsafeBytes { line in
                countAnnotations(UnsafeRawBufferPointer(rebasing: line[annotation]), &statistics)
            }
        }
    }

    private func countAnnotations(_ value: UnsafeRawBufferPointer, _ statistics: inout VCFStatistics) {
        if VCFByteParsing.isMissing(value) { return }
        let field = consequenceField
        VCFByteParsing.forEachPiece(of: value, separatedBy: 44) { entry in
            statistics.annotationEntries += 1
            guard let field, let consequence = VCFByteParsing.piece(field, of: entry, separatedBy: 124),
                !consequence.isEmpty
            else { return }
            // Count each distinct term once per entry.
            var termIndex = 0
            VCFByteParsing.forEachPiece(of: consequence, separatedBy: 38) { term in
                defer { termIndex += 1 }
                if term.isEmpty { return }
                for earlier in 0..<termIndex {
                    if let previous = VCFByteParsing.piece(earlier, of: consequence, separatedBy: 38),
                        previous.elementsEqual(term)
                    {
                        return
                    }
                }
                consequenceCounter.add(term)
            }
        }
    }

    private func decodeSamples(_ record: VCFRecord, _ statistics: inout VCFStatistics) throws {
        // Work on a local array (swapped out of the scratch property and back) so the loop pays no
        // exclusivity checks for class property access.
        var formatTypes: [VCFValueType] = []
        swap(&formatTypes, &self.formatTypes)
        defer { swap(&formatTypes, &self.formatTypes) }
        formatTypes.removeAll(keepingCapacity: true)
        var genotypeIndex = -1
        var depthIndex = -1
        record.bytes.withUnsafeBytes { line in
            let bounds = record.columnBounds(8)
            var start = bounds.lowerBound
            var index = start
            while index <= bounds.upperBound {
                if index == bounds.upperBound || line[index] == 58 {
                    let key = UnsafeRawBufferPointer(rebasing: line[start..<index])
                    if genotypeIndex < 0 && key.count == 2 && key[0] == 71 && key[1] == 84 {  // GT
                        genotypeIndex = formatTypes.count
                    } else if depthIndex < 0 && key.count == 2 && key[0] == 68 && key[1] == 80 {  // DP
                        depthIndex = formatTypes.count
                    }
                    formatTypes.append(formatTable.lookup(key).map { formatTypesByIndex[$0] } ?? .string)
                    start = index + 1
                }
                index += 1
            }
        }
        let keyCount = formatTypes.count
        var formatValues = 0
        var invalid = 0
        let sampleCount = min(record.sampleCount, statistics.genotypes.count)
        try record.bytes.withUnsafeBufferPointer { buffer in
            let line = buffer.baseAddress!
            for sample in 0..<sampleCount {
                let bounds = record.columnBounds(9 + sample)
                let limit = bounds.upperBound
                var seenGenotype = false
                var keyIndex = 0
                var index = bounds.lowerBound
                while true {
                    if keyIndex >= keyCount {
                        invalid += 1
                        if strict {
                            throw record.valueError(
                                "FORMAT", expected: "at most \(keyCount) fields as FORMAT declares",
                                found: UnsafeRawBufferPointer(
                                    start: line + bounds.lowerBound, count: bounds.count))
                        }
                        break
                    }
                    if keyIndex == genotypeIndex {
                        let start = index
                        while index < limit && line[index] != 58 { index += 1 }
                        seenGenotype = true
                        formatValues += 1
                        let value = UnsafeRawBufferPointer(start: line + start, count: index - start)
                        switch VCFGenotype.zygosity(of: value) {
                        case .homozygousReference: statistics.genotypes[sample].homozygousReference += 1
                        case .heterozygous: statistics.genotypes[sample].heterozygous += 1
                        case .homozygousAlternate: statistics.genotypes[sample].homozygousAlternate += 1
                        case .missing: statistics.genotypes[sample].missing += 1
                        case nil:
                            invalid += 1
                            if strict {
                                throw record.valueError("FORMAT/GT", expected: "a genotype", found: value)
                            }
                        }
                    } else {
                        let type = formatTypes[keyIndex]
                        let scanned = TypedListScanner.scan(
                            line, from: index, limit: limit, stop: 58, type: type)
                        formatValues += scanned.items
                        if let bad = scanned.firstInvalid {
                            if strict {
                                throw invalidValueError(
                                    record, line, bad, field: "FORMAT/" + record.formatKeys[keyIndex],
                                    type: type)
                            }
                            invalid += scanned.invalid
                        }
                        if keyIndex == depthIndex {
                            let depth =
                                type == .integer
                                ? (scanned.items == 1 ? scanned.firstInteger : nil)
                                : VCFByteParsing.integer(
                                    UnsafeRawBufferPointer(start: line + index, count: scanned.end - index))
                            statistics.genotypes[sample].depthSum += depth ?? 0
                        }
                        index = scanned.end
                    }
                    keyIndex += 1
                    if index >= limit { break }
                    index += 1  // ':'
                }
                if genotypeIndex >= 0 && !seenGenotype { statistics.genotypes[sample].missing += 1 }
            }
        }
        statistics.formatValues += formatValues
        statistics.invalidValues += invalid
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and quotes.
    fileprivate func trimmingCharacters() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" || first == "\"" {
            text = text.dropFirst()
        }
        while let last = text.last, last == " " || last == "\t" || last == "\"" { text = text.dropLast() }
        return text
    }
}
