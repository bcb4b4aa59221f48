#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The per-record work of `VCFStatistics`, with the reusable scratch state that keeps the loop
/// free of allocation.
struct StatisticsPass {
    /// What the pass remembers about the INFO key met at one ordinal position of a record.
    struct InfoKeyEntry {
        /// The key's bytes packed little-endian into a word (keys of at most eight bytes).
        var packed: UInt64
        var length: Int
        /// The declared type (`flag` and undeclared keys read as `string`).
        var type: VCFValueType
        var isAnnotation: Bool
    }

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
    /// The last FORMAT column seen, its keys' declared types, and where GT and DP are in it.
    private var cachedFormat: [UInt8] = [0xFF]
    private var cachedTypes: [VCFValueType] = []
    private var cachedGenotypeIndex = -1
    private var cachedDepthIndex = -1
    /// The INFO keys of recent records by ordinal position (see `resolveInfoKey`).
    private var infoKeyCache: [InfoKeyEntry] = []
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

    mutating func add(_ record: VCFRecord, to statistics: inout VCFStatistics) throws {
        statistics.records += 1
        classifyAlleles(record, &statistics)
        if Self.isFiltered(record) { statistics.filtered += 1 }
        try decodeInfo(record, &statistics)
        if record.columnCount > 9 { try decodeSamples(record, &statistics) }
    }

    /// `record.isFiltered` (FILTER neither `PASS` nor `.`) on the bytes, without a `String`.
    @inline(__always)
    static func isFiltered(_ record: VCFRecord) -> Bool {
        let bounds = record.columnBounds(6)
        return record.bytes.withUnsafeBufferPointer { line in
            switch bounds.count {
            case 1: return line[bounds.lowerBound] != UInt8(ascii: ".")
            case 4:
                let word = UnsafeRawPointer(line.baseAddress! + bounds.lowerBound).loadUnaligned(
                    as: UInt32.self)
                return UInt32(littleEndian: word) != 0x5353_4150  // "PASS"
            default: return true
            }
        }
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

    /// The declared type of the INFO key at `keyStart..<keyEnd`, and whether it is the
    /// annotation key. Records repeat their INFO keys in the same order, so the key met at each
    /// ordinal position is remembered (packed into a word when it has at most eight bytes) and a
    /// repeat costs one load and one compare.
    @inline(__always)
    private mutating func resolveInfoKey(
        _ line: UnsafePointer<UInt8>, capacity: Int, keyStart: Int, keyEnd: Int, ordinal: Int
    ) -> InfoKeyEntry {
        let length = keyEnd - keyStart
        var packed: UInt64 = 0
        let packable = length <= 8 && keyStart + 8 <= capacity
        if packable {
            let mask: UInt64 = length == 8 ? ~0 : (1 << (8 * UInt64(length))) &- 1
            packed = WordScan.load(line, keyStart) & mask
            if ordinal < infoKeyCache.count {
                let cached = infoKeyCache[ordinal]
                if cached.packed == packed && cached.length == length { return cached }
            }
        }
        let key = UnsafeRawBufferPointer(start: line + keyStart, count: length)
        var type = infoTable.lookup(key).map { infoTypes[$0] } ?? .string
        if type == .flag { type = .string }
        let isAnnotation = annotationKey.map { VCFByteParsing.equals(key, $0) } ?? false
        let entry = InfoKeyEntry(packed: packed, length: length, type: type, isAnnotation: isAnnotation)
        if packable {
            if ordinal < infoKeyCache.count {
                infoKeyCache[ordinal] = entry
            } else if ordinal == infoKeyCache.count {
                infoKeyCache.append(entry)
            }
        }
        return entry
    }

    private mutating func decodeInfo(_ record: VCFRecord, _ statistics: inout VCFStatistics) throws {
        let bounds = record.columnBounds(7)
        var infoValues = 0
        var invalid = 0
        var annotation: Range<Int>? = nil
        var annotationCounted = true
        try record.bytes.withUnsafeBufferPointer { buffer in
            let line = buffer.baseAddress!
            let capacity = buffer.count
            let end = bounds.upperBound
            var index = bounds.lowerBound
            if end - index == 1 && line[index] == UInt8(ascii: ".") { return }
            var ordinal = 0
            while index < end {
                let keyStart = index
                index = WordScan.firstOf(
                    UInt8(ascii: ";"), UInt8(ascii: "="), in: line, from: index, limit: end)
                let keyEnd = index
                if index == end || line[index] == UInt8(ascii: ";") {
                    // A flag (or an empty entry between two semicolons).
                    if keyEnd > keyStart { infoValues += 1 }
                    index += 1
                    continue
                }
                index += 1  // '='
                let entry = resolveInfoKey(
                    line, capacity: capacity, keyStart: keyStart, keyEnd: keyEnd, ordinal: ordinal)
                ordinal += 1
                let valueEnd: Int
                if entry.isAnnotation && annotation == nil && entry.type == .string {
                    // The long annotation value: find its end with memchr and count its items
                    // (entries) while walking it for consequences.
                    if let semicolon = memchr(line + index, Int32(UInt8(ascii: ";")), end - index) {
                        valueEnd = UnsafePointer<UInt8>(semicolon.assumingMemoryBound(to: UInt8.self)) - line
                    } else {
                        valueEnd = end
                    }
                    annotation = index..<valueEnd
                    infoValues += countAnnotations(line, index..<valueEnd, &statistics)
                } else if entry.type == .string {
                    // Strings are valid whatever their bytes: only the items are counted.
                    let list = WordScan.listEnd(line, from: index, limit: end, stop: UInt8(ascii: ";"))
                    infoValues += list.commas + 1
                    valueEnd = list.end
                } else if let quick = TypedListScanner.quickScan(
                    line, from: index, limit: end, stop: UInt8(ascii: ";"), type: entry.type)
                {
                    infoValues += quick.items
                    valueEnd = quick.end
                } else {
                    let scanned = TypedListScanner.scan(
                        line, from: index, limit: end, stop: UInt8(ascii: ";"), type: entry.type)
                    infoValues += scanned.items
                    if let bad = scanned.firstInvalid {
                        if strict {
                            let key = UnsafeRawBufferPointer(start: line + keyStart, count: keyEnd - keyStart)
                            throw invalidValueError(
                                record, line, bad, field: "INFO/" + String(decoding: key, as: UTF8.self),
                                type: entry.type)
                        }
                        invalid += scanned.invalid
                    }
                    valueEnd = scanned.end
                }
                if entry.isAnnotation && annotation == nil {
                    annotation = index..<valueEnd
                    annotationCounted = false
                }
                index = valueEnd + 1
            }
            if let annotation, !annotationCounted {
                countAnnotations(line, annotation, &statistics)
            }
        }
        statistics.infoValues += infoValues
        statistics.invalidValues += invalid
    }

    /// Counts the comma-separated entries of an annotation value and the distinct `&`-joined
    /// terms of each entry's consequence field, in one walk: per entry, the `|`s up to the
    /// consequence field are skipped, its terms counted, and the next comma found with `memchr`.
    /// Returns the number of comma-separated items (1 for the missing value `.`).
    @discardableResult
    private mutating func countAnnotations(
        _ line: UnsafePointer<UInt8>, _ value: Range<Int>, _ statistics: inout VCFStatistics
    ) -> Int {
        if value.count == 1 && line[value.lowerBound] == UInt8(ascii: ".") { return 1 }
        let limit = value.upperBound
        var entries = 0
        var position = value.lowerBound
        while true {
            entries += 1
            var searchFrom = position
            if let field = consequenceField {
                // Skip `field` fields of this entry (it ends at a comma or the value's end).
                var fieldStart = position
                var remaining = field
                var present = true
                while remaining > 0 {
                    let separator = WordScan.firstOf(
                        UInt8(ascii: "|"), UInt8(ascii: ","), in: line, from: fieldStart, limit: limit)
                    if separator == limit || line[separator] == UInt8(ascii: ",") {
                        present = false
                        searchFrom = separator
                        break
                    }
                    fieldStart = separator + 1
                    remaining -= 1
                }
                if present {
                    let fieldEnd = WordScan.firstOf(
                        UInt8(ascii: "|"), UInt8(ascii: ","), in: line, from: fieldStart, limit: limit)
                    if fieldEnd > fieldStart { countTerms(line, fieldStart..<fieldEnd) }
                    searchFrom = fieldEnd
                }
            }
            guard searchFrom < limit,
                let comma = memchr(line + searchFrom, Int32(UInt8(ascii: ",")), limit - searchFrom)
            else { break }
            position = UnsafePointer<UInt8>(comma.assumingMemoryBound(to: UInt8.self)) - line + 1
        }
        statistics.annotationEntries += entries
        return entries
    }

    /// Counts each distinct non-empty `&`-separated term of one consequence field once.
    @inline(__always)
    private mutating func countTerms(_ line: UnsafePointer<UInt8>, _ field: Range<Int>) {
        let limit = field.upperBound
        var start = field.lowerBound
        let firstEnd = WordScan.firstOf(
            UInt8(ascii: "&"), UInt8(ascii: "&"), in: line, from: start, limit: limit)
        if firstEnd == limit {
            // The common case: a single term.
            consequenceCounter.add(UnsafeRawBufferPointer(start: line + start, count: limit - start))
            return
        }
        let consequence = UnsafeRawBufferPointer(start: line + start, count: field.count)
        var termIndex = 0
        while start <= limit {
            let end = WordScan.firstOf(
                UInt8(ascii: "&"), UInt8(ascii: "&"), in: line, from: start, limit: limit)
            defer {
                termIndex += 1
                start = end + 1
            }
            if end == start { continue }
            let term = UnsafeRawBufferPointer(start: line + start, count: end - start)
            var repeated = false
            for earlier in 0..<termIndex {
                if let previous = VCFByteParsing.piece(earlier, of: consequence, separatedBy: 38),
                    previous.elementsEqual(term)
                {
                    repeated = true
                    break
                }
            }
            if !repeated { consequenceCounter.add(term) }
        }
    }

    /// Resolves the FORMAT keys of `record` to declared types and remembers them.
    private mutating func resolveFormat(_ record: VCFRecord, _ bounds: Range<Int>) {
        var types: [VCFValueType] = []
        var genotypeIndex = -1
        var depthIndex = -1
        record.bytes.withUnsafeBytes { line in
            var start = bounds.lowerBound
            var index = start
            while index <= bounds.upperBound {
                if index == bounds.upperBound || line[index] == 58 {
                    let key = UnsafeRawBufferPointer(rebasing: line[start..<index])
                    if genotypeIndex < 0 && VCFByteParsing.equals(key, "GT") {
                        genotypeIndex = types.count
                    } else if depthIndex < 0 && VCFByteParsing.equals(key, "DP") {
                        depthIndex = types.count
                    }
                    types.append(formatTable.lookup(key).map { formatTypesByIndex[$0] } ?? .string)
                    start = index + 1
                }
                index += 1
            }
        }
        cachedFormat = Array(record.bytes[bounds])
        cachedTypes = types
        cachedGenotypeIndex = genotypeIndex
        cachedDepthIndex = depthIndex
    }

    private mutating func decodeSamples(_ record: VCFRecord, _ statistics: inout VCFStatistics) throws {
        // FORMAT rarely changes between records: resolve its keys only when it does.
        let formatBounds = record.columnBounds(8)
        let sameFormat = record.bytes.withUnsafeBufferPointer { line in
            cachedFormat.withUnsafeBufferPointer { cached in
                cached.count == formatBounds.count
                    && (cached.count == 0
                        || memcmp(
                            cached.baseAddress!, line.baseAddress! + formatBounds.lowerBound, cached.count)
                            == 0)
            }
        }
        if !sameFormat { resolveFormat(record, formatBounds) }
        let formatTypes = cachedTypes
        let genotypeIndex = cachedGenotypeIndex
        let depthIndex = cachedDepthIndex
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
                    } else if let quick = TypedListScanner.quickScan(
                        line, from: index, limit: limit, stop: 58, type: formatTypes[keyIndex])
                    {
                        formatValues += quick.items
                        if keyIndex == depthIndex {
                            // Only Integer lists take the quick path with a meaningful first
                            // value; a Float DP is parsed as the whole value, as below.
                            let depth =
                                formatTypes[keyIndex] == .integer
                                ? (quick.items == 1 ? quick.firstInteger : nil)
                                : VCFByteParsing.integer(
                                    UnsafeRawBufferPointer(start: line + index, count: quick.end - index))
                            statistics.genotypes[sample].addDepth(depth ?? 0)
                        }
                        index = quick.end
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
                            statistics.genotypes[sample].addDepth(depth ?? 0)
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
