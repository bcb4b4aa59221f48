import GenomicFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few fields of an annotation entry the VCF loader's per-record survey reads (allele, allele
/// number, symbol, MANE Select, canonical flag, biotype, consequence), located in one left-to-right
/// scan of the entry instead of one scan from the entry start per field.
///
/// The column indexes are resolved once per schema; ``split(_:)`` then stops at the last column it
/// needs. A field reads `nil` exactly when ``AnnotationEntry/subscript(_:)`` would: the schema lacks
/// the column or the entry is shorter.
struct AnnotationSurveyFields {
    /// Slot numbers of the fields read.
    enum Slot: Int, CaseIterable {
        case allele, alleleNumber, symbol, maneSelect, canonical, biotype, consequence
    }

    /// For each column up to the last needed one, the slot it fills (or -1).
    private let slotOfColumn: [Int8]

    init(schema: AnnotationSchema) {
        let fields: [(Slot, AnnotationField)] = [
            (.allele, .allele), (.alleleNumber, .alleleNumber), (.symbol, .symbol),
            (.maneSelect, .maneSelect),
            (.canonical, .canonical), (.biotype, .biotype), (.consequence, .consequence),
        ]
        let columns = fields.compactMap { schema.index(of: $0.1) }
        var slots = [Int8](repeating: -1, count: (columns.max() ?? -1) + 1)
        for (slot, field) in fields {
            if let column = schema.index(of: field) { slots[column] = Int8(slot.rawValue) }
        }
        slotOfColumn = slots
    }

    private init(slotOfColumn: [Int8]) { self.slotOfColumn = slotOfColumn }

    /// Reads no field (for a VCF without annotation).
    static let none = AnnotationSurveyFields(slotOfColumn: [])

    /// The byte ranges of one entry's surveyed fields.
    struct Values {
        var ranges:
            (Range<Int>?, Range<Int>?, Range<Int>?, Range<Int>?, Range<Int>?, Range<Int>?, Range<Int>?) =
                (nil, nil, nil, nil, nil, nil, nil)
        let bytes: UnsafeRawBufferPointer

        subscript(slot: Slot) -> AnnotationBytes? {
            let range: Range<Int>?
            switch slot {
            case .allele: range = ranges.0
            case .alleleNumber: range = ranges.1
            case .symbol: range = ranges.2
            case .maneSelect: range = ranges.3
            case .canonical: range = ranges.4
            case .biotype: range = ranges.5
            case .consequence: range = ranges.6
            }
            return range.map { AnnotationBytes(UnsafeRawBufferPointer(rebasing: bytes[$0])) }
        }

        mutating func set(_ slot: Int8, _ range: Range<Int>) {
            switch slot {
            case 0: ranges.0 = range
            case 1: ranges.1 = range
            case 2: ranges.2 = range
            case 3: ranges.3 = range
            case 4: ranges.4 = range
            case 5: ranges.5 = range
            default: ranges.6 = range
            }
        }
    }

    /// Locates the surveyed fields of `entry` in one pass over its bytes.
    func split(_ entry: AnnotationEntry) -> Values {
        let bytes = entry.bytes
        var values = Values(bytes: bytes)
        let lastColumn = slotOfColumn.count - 1
        guard lastColumn >= 0 else { return values }
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            // An empty entry has one empty field (column 0) and nothing else.
            if slotOfColumn[0] >= 0 { values.set(slotOfColumn[0], 0..<0) }
            return values
        }
        let count = bytes.count
        var start = 0
        var column = 0
        while true {
            var end = count
            var more = false
            if start < count, let bar = memchr(base + start, 0x7C, count - start) {
                end = base.distance(to: UnsafeRawPointer(bar))
                more = true
            }
            let slot = slotOfColumn[column]
            if slot >= 0 { values.set(slot, start..<end) }
            guard more, column < lastColumn else { break }
            start = end + 1
            column += 1
        }
        return values
    }
}
