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
    /// The last column of the fields every entry needs (allele, allele number, symbol,
    /// consequence); the others (MANE Select, canonical, biotype) only rank an entry against
    /// the others of its allele, so an entry that cannot win is not read further.
    private let lastEssentialColumn: Int
    /// For each column up to the last needed one, the first column at or after it whose closing
    /// `|` must be looked at one by one: one that fills a slot, one before such a column (its
    /// end starts the next), or a column where the scan may stop. The `|`s closing the columns
    /// before it are only counted.
    private let nextNeededColumn: [Int]

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
        let essential = [AnnotationField.allele, .alleleNumber, .symbol, .consequence].compactMap {
            schema.index(of: $0)
        }
        self.init(slotOfColumn: slots, lastEssentialColumn: essential.max() ?? (slots.count - 1))
    }

    private init(slotOfColumn: [Int8], lastEssentialColumn: Int) {
        self.slotOfColumn = slotOfColumn
        self.lastEssentialColumn = lastEssentialColumn
        let lastColumn = slotOfColumn.count - 1
        var next = [Int](repeating: lastColumn, count: slotOfColumn.count)
        var following = lastColumn
        for column in stride(from: lastColumn, through: 0, by: -1) {
            let needed =
                slotOfColumn[column] >= 0 || (column < lastColumn && slotOfColumn[column + 1] >= 0)
                || column == lastEssentialColumn || column == lastColumn
            if needed { following = column }
            next[column] = following
        }
        nextNeededColumn = next
    }

    /// Reads no field (for a VCF without annotation).
    static let none = AnnotationSurveyFields(slotOfColumn: [], lastEssentialColumn: -1)

    /// The byte ranges of one entry's surveyed fields, as offsets in the annotation value. Kept
    /// small (72 bytes, offsets as `Int32`: a value lies within a line, below 2 GiB), as it is
    /// passed by value for every entry.
    struct Values {
        /// Start and end offset of each slot's field; a start of -1 for an absent field.
        private var starts: (Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (-1, -1, -1, -1, -1, -1, -1)
        private var ends: (Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0, 0, 0)
        let bytes: UnsafeRawBufferPointer
        /// The ALT allele (1-based) the entry belongs to, once a caller has worked it out: -2 not
        /// yet, -1 none (so `needsRanking` and the body do not both compute it).
        var allele: Int32 = -2

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        subscript(slot: Slot) -> AnnotationBytes? {
            let start: Int32
            let end: Int32
            switch slot {
            case .allele: (start, end) = (starts.0, ends.0)
            case .alleleNumber: (start, end) = (starts.1, ends.1)
            case .symbol: (start, end) = (starts.2, ends.2)
            case .maneSelect: (start, end) = (starts.3, ends.3)
            case .canonical: (start, end) = (starts.4, ends.4)
            case .biotype: (start, end) = (starts.5, ends.5)
            case .consequence: (start, end) = (starts.6, ends.6)
            }
            guard start >= 0 else { return nil }
            return AnnotationBytes(UnsafeRawBufferPointer(rebasing: bytes[Int(start)..<Int(end)]))
        }

        mutating func set(_ slot: Int8, _ range: Range<Int>) {
            let start = Int32(truncatingIfNeeded: range.lowerBound)
            let end = Int32(truncatingIfNeeded: range.upperBound)
            switch slot {
            case 0: (starts.0, ends.0) = (start, end)
            case 1: (starts.1, ends.1) = (start, end)
            case 2: (starts.2, ends.2) = (start, end)
            case 3: (starts.3, ends.3) = (start, end)
            case 4: (starts.4, ends.4) = (start, end)
            case 5: (starts.5, ends.5) = (start, end)
            default: (starts.6, ends.6) = (start, end)
            }
        }
    }

    /// Calls `body` with the surveyed fields of each entry of an annotation INFO value, locating
    /// entries and fields in one left-to-right scan of the value.
    ///
    /// Entries are cut as ``AnnotationEntries`` cuts them: at commas, except that with a
    /// multi-field schema (`gluesPieces`) a comma followed by a piece without `|` lies inside
    /// the entry's last field. An empty value or `.` has no entries; an empty entry has one empty
    /// field (column 0). A field reads `nil` exactly when ``AnnotationEntry/subscript(_:)``
    /// would.
    ///
    /// Once an entry's essential fields (allele, allele number, symbol, consequence) are read,
    /// `needsRanking` is asked whether its ranking fields (MANE Select, canonical, biotype) are
    /// needed; when not, the entry's other fields read `nil` and the scan moves to the next entry.
    @inline(__always)
    func forEachEntry(
        in value: UnsafeRawBufferPointer, gluesPieces: Bool,
        needsRanking: (inout Values) -> Bool = { _ in true },
        _ body: (Values) throws -> Void
    ) rethrows {
        let lastColumn = slotOfColumn.count - 1
        guard lastColumn >= 0, let raw = value.baseAddress, !value.isEmpty else { return }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        let count = value.count
        if count == 1 && bytes[0] == 0x2E { return }
        /// Whether the piece after the comma at `comma` holds a `|` (so it starts an entry).
        func startsEntry(after comma: Int) -> Bool {
            var index = comma + 1
            while index < count {
                let byte = bytes[index]
                if byte == 0x7C { return true }
                if byte == 0x2C { return false }
                index += 1
            }
            return false
        }
        var entryStart = 0
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let barPattern: UInt64 = 0x7C7C_7C7C_7C7C_7C7C
        let commaPattern: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
        while true {
            var values = Values(bytes: value)
            var column = 0
            var fieldStart = entryStart
            var index = entryStart
            var entryEnd = count
            /// The last column to read: the essential ones until `needsRanking` says otherwise.
            var limit = Swift.min(lastEssentialColumn, lastColumn)
            fields: while true {
                // Eight bytes at a time, every `|` before the next comma closes a field: no
                // branch per byte, and one loop exit per word rather than per field.
                words: while index + 8 <= count {
                    let word = UInt64(
                        littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
                    let x = word ^ barPattern
                    let y = word ^ commaPattern
                    // The high bit of each byte equal to `|` (or `,`); exact, no carries between bytes.
                    var bars = ~(((x & low7) &+ low7) | x | low7)
                    let commas = ~(((y & low7) &+ low7) | y | low7)
                    if commas != 0 { bars &= (commas & (0 &- commas)) &- 1 }
                    // The `|`s closing columns nobody reads are only counted (one operation each).
                    let skippable = nextNeededColumn[column] - column
                    if skippable > 0 && bars != 0 {
                        var skipped = 0
                        var last = bars
                        while bars != 0 && skipped < skippable {
                            last = bars
                            bars &= bars &- 1
                            skipped += 1
                        }
                        column += skipped
                        fieldStart = index + last.trailingZeroBitCount >> 3 + 1
                    }
                    while bars != 0 {
                        let position = index + bars.trailingZeroBitCount >> 3
                        let slot = slotOfColumn[column]
                        if slot >= 0 { values.set(slot, fieldStart..<position) }
                        column += 1
                        fieldStart = position + 1
                        if column > limit {
                            if limit < lastColumn && needsRanking(&values) {
                                limit = lastColumn
                            } else {
                                index = fieldStart
                                break words
                            }
                        }
                        bars &= bars &- 1
                    }
                    if commas != 0 {
                        index += commas.trailingZeroBitCount >> 3
                        break
                    }
                    index += 8
                }
                if column <= limit {
                    // The comma (or the last bytes of the value), one separator at a time.
                    index = Self.nextSeparator(bytes, from: index, count: count)
                    if index < count && bytes[index] == 0x2C && gluesPieces && !startsEntry(after: index) {
                        index += 1  // a comma inside the field
                        continue
                    }
                    let slot = slotOfColumn[column]
                    if slot >= 0 { values.set(slot, fieldStart..<index) }
                    if index >= count || bytes[index] == 0x2C {
                        entryEnd = index
                        break
                    }
                    column += 1
                    index += 1
                    fieldStart = index
                    if column <= limit { continue }
                    if limit < lastColumn && needsRanking(&values) {
                        limit = lastColumn
                        continue
                    }
                }
                // Nothing more to read in this entry: find where it ends.
                entryEnd = count
                while index < count, let comma = memchr(bytes + index, 0x2C, count - index) {
                    let position = bytes.distance(to: comma.assumingMemoryBound(to: UInt8.self))
                    if !gluesPieces || startsEntry(after: position) {
                        entryEnd = position
                        break
                    }
                    index = position + 1
                }
                break fields
            }
            try body(values)
            if entryEnd >= count { return }
            entryStart = entryEnd + 1
        }
    }

    /// The index of the first `|` or `,` at or after `start` (or `count`), eight bytes at a time.
    @inline(__always)
    private static func nextSeparator(_ bytes: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let bars: UInt64 = 0x7C7C_7C7C_7C7C_7C7C
        let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
        var index = start
        while index + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
            // The high bit of each byte equal to `|` or `,` (exact: no carries between bytes).
            let x = word ^ bars
            let y = word ^ commas
            let marks = ~(((x & low7) &+ low7) | x | low7) | ~(((y & low7) &+ low7) | y | low7)
            if marks != 0 { return index + marks.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count {
            let byte = bytes[index]
            if byte == 0x7C || byte == 0x2C { return index }
            index += 1
        }
        return count
    }
}
