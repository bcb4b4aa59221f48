/// The per-record work of `VCFStatistics`, with the reusable scratch state that keeps the loop
/// free of allocation.
struct StatisticsPass {
    let header: VCFHeader
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

    mutating func add(_ record: VCFRecord, to statistics: inout VCFStatistics) throws {
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

    /// Decodes one value; returns `false` (or throws in strict mode) when it does not match.
    @inline(__always)
    private func decode(
        _ piece: UnsafeRawBufferPointer, type: VCFValueType, record: VCFRecord, field: () -> String
    ) throws -> Bool {
        if VCFByteParsing.isMissing(piece) { return true }
        let valid: Bool
        switch type {
        case .integer: valid = VCFByteParsing.integer(piece) != nil
        case .float: valid = VCFByteParsing.float(piece) != nil
        case .flag: valid = true
        case .character: valid = piece.count >= 1
        case .string:
            if percentEncoded && VCFByteParsing.containsPercent(piece) {
                valid = !VCFByteParsing.string(piece, percentDecode: true).isEmpty
            } else {
                valid = true
            }
        }
        if !valid && strict {
            throw record.valueError(field(), expected: "a value of type \(type.rawValue)", found: piece)
        }
        return valid
    }

    private mutating func decodeInfo(_ record: VCFRecord, _ statistics: inout VCFStatistics) throws {
        let annotationKey = self.annotationKey
        var infoValues = 0
        var invalid = 0
        try record.forEachInfoEntry { key, value in
            let definition = header.infoIndex(key).map { header.infoDefinitions[$0] }
            guard let value else {
                infoValues += 1
                return
            }
            let type = definition?.type ?? .string
            if type == .flag {
                infoValues += 1
                return
            }
            try VCFByteParsing.forEachPiece(of: value, separatedBy: 44) { piece in
                infoValues += 1
                if try !decode(
                    piece, type: type, record: record,
                    field: { "INFO/" + String(decoding: key, as: UTF8.self) })
                {
                    invalid += 1
                }
            }
            if let annotationKey, VCFByteParsing.equals(key, annotationKey) {
                countAnnotations(value, &statistics)
            }
        }
        statistics.infoValues += infoValues
        statistics.invalidValues += invalid
    }

    private mutating func countAnnotations(_ value: UnsafeRawBufferPointer, _ statistics: inout VCFStatistics)
    {
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

    private mutating func decodeSamples(_ record: VCFRecord, _ statistics: inout VCFStatistics) throws {
        formatTypes.removeAll(keepingCapacity: true)
        var genotypeIndex = -1
        var depthIndex = -1
        record.forEachFormatKey { key in
            if genotypeIndex < 0 && VCFByteParsing.equals(key, "GT") { genotypeIndex = formatTypes.count }
            if depthIndex < 0 && VCFByteParsing.equals(key, "DP") { depthIndex = formatTypes.count }
            formatTypes.append(header.formatIndex(key).map { header.formatDefinitions[$0].type } ?? .string)
        }
        var formatValues = 0
        var invalid = 0
        let sampleCount = min(record.sampleCount, statistics.genotypes.count)
        for sample in 0..<sampleCount {
            var seenGenotype = false
            try record.withColumn(9 + sample) { column in
                var keyIndex = 0
                try VCFByteParsing.forEachPiece(of: column, separatedBy: 58) { value in
                    defer { keyIndex += 1 }
                    guard keyIndex < formatTypes.count else {
                        invalid += 1
                        if strict {
                            throw record.valueError(
                                "FORMAT", expected: "at most \(formatTypes.count) fields as FORMAT declares",
                                found: column)
                        }
                        return
                    }
                    if keyIndex == genotypeIndex {
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
                        return
                    }
                    let type = formatTypes[keyIndex]
                    if keyIndex == depthIndex, let depth = VCFByteParsing.integer(value) {
                        statistics.genotypes[sample].depthSum += depth
                    }
                    try VCFByteParsing.forEachPiece(of: value, separatedBy: 44) { piece in
                        formatValues += 1
                        if try !decode(
                            piece, type: type, record: record,
                            field: { "FORMAT/" + record.formatKeys[keyIndex] })
                        {
                            invalid += 1
                        }
                    }
                }
            }
            if genotypeIndex >= 0 && !seenGenotype { statistics.genotypes[sample].missing += 1 }
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
