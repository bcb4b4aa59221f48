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

    /// Whether one value matches its declared type (`.` always does).
    @inline(__always)
    private func isValid(_ piece: UnsafeRawBufferPointer, type: VCFValueType) -> Bool {
        if piece.count == 1 && piece[0] == UInt8(ascii: ".") { return true }
        switch type {
        case .integer: return VCFByteParsing.integer(piece) != nil
        case .float: return VCFByteParsing.float(piece) != nil
        case .flag: return true
        case .character: return piece.count >= 1
        case .string:
            if percentEncoded && VCFByteParsing.containsPercent(piece) {
                return !VCFByteParsing.string(piece, percentDecode: true).isEmpty
            }
            return true
        }
    }

    /// Decodes each comma-separated item of `value`; returns (items, invalid items) or throws on
    /// the first invalid item in strict mode.
    @inline(__always)
    private func decodeList(
        _ value: UnsafeRawBufferPointer, type: VCFValueType, record: VCFRecord, field: () -> String
    ) throws -> (Int, Int) {
        var items = 0
        var invalid = 0
        var start = 0
        let count = value.count
        var index = 0
        while index <= count {
            if index == count || value[index] == 44 {
                let piece = UnsafeRawBufferPointer(rebasing: value[start..<index])
                items += 1
                if !isValid(piece, type: type) {
                    if strict {
                        throw record.valueError(
                            field(), expected: "a value of type \(type.rawValue)", found: piece)
                    }
                    invalid += 1
                }
                start = index + 1
            }
            index += 1
        }
        return (items, invalid)
    }

    private func decodeInfo(_ record: VCFRecord, _ statistics: inout VCFStatistics) throws {
        let bounds = record.columnBounds(7)
        var infoValues = 0
        var invalid = 0
        var annotation: Range<Int>? = nil
        try record.bytes.withUnsafeBytes { line in
            let end = bounds.upperBound
            var index = bounds.lowerBound
            if end - index == 1 && line[index] == UInt8(ascii: ".") { return }
            while index < end {
                let entryStart = index
                var equals = -1
                while index < end && line[index] != UInt8(ascii: ";") {
                    if equals < 0 && line[index] == UInt8(ascii: "=") { equals = index }
                    index += 1
                }
                let entryEnd = index
                index += 1
                if entryEnd == entryStart { continue }
                if equals < 0 {
                    infoValues += 1
                    continue
                }
                let key = UnsafeRawBufferPointer(rebasing: line[entryStart..<equals])
                let value = UnsafeRawBufferPointer(rebasing: line[(equals + 1)..<entryEnd])
                let type = infoTable.lookup(key).map { infoTypes[$0] } ?? .string
                if type == .flag {
                    infoValues += 1
                    continue
                }
                let (items, bad) = try decodeList(value, type: type, record: record) {
                    "INFO/" + String(decoding: key, as: UTF8.self)
                }
                infoValues += items
                invalid += bad
                if let annotationKey, annotation == nil, VCFByteParsing.equals(key, annotationKey) {
                    annotation = (equals + 1)..<entryEnd
                }
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
        try record.bytes.withUnsafeBytes { line in
            for sample in 0..<sampleCount {
                let bounds = record.columnBounds(9 + sample)
                var seenGenotype = false
                var keyIndex = 0
                var start = bounds.lowerBound
                var index = start
                while index <= bounds.upperBound {
                    if index == bounds.upperBound || line[index] == 58 {
                        let value = UnsafeRawBufferPointer(rebasing: line[start..<index])
                        start = index + 1
                        defer { keyIndex += 1 }
                        if keyIndex >= keyCount {
                            invalid += 1
                            if strict {
                                throw record.valueError(
                                    "FORMAT", expected: "at most \(keyCount) fields as FORMAT declares",
                                    found: UnsafeRawBufferPointer(rebasing: line[bounds]))
                            }
                        } else if keyIndex == genotypeIndex {
                            seenGenotype = true
                            formatValues += 1
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
                            if keyIndex == depthIndex, let depth = VCFByteParsing.integer(value) {
                                statistics.genotypes[sample].depthSum += depth
                            }
                            let currentKey = keyIndex
                            let (items, bad) = try decodeList(
                                value, type: formatTypes[keyIndex], record: record
                            ) {
                                "FORMAT/" + record.formatKeys[currentKey]
                            }
                            formatValues += items
                            invalid += bad
                        }
                    }
                    index += 1
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
