import GenomicFormats

/// The few fields of an annotation entry the VCF loader's per-record survey reads (allele, allele
/// number, symbol, MANE Select, canonical flag, biotype, consequence), located in one walk over the
/// value's separators instead of one scan from the entry start per field.
///
/// The column indexes are resolved once per schema; the walk stops at the last column it needs. A
/// field reads `nil` exactly when ``AnnotationEntry/subscript(_:)`` would: the schema lacks the
/// column or the entry is shorter.
struct AnnotationSurveyFields {
    /// Slot numbers of the fields read.
    enum Slot: Int, CaseIterable {
        case allele, alleleNumber, symbol, maneSelect, canonical, biotype, consequence
    }

    /// The columns read, in increasing order, each with the slot it fills.
    private let neededColumns: [Int32]
    private let neededSlots: [Int8]
    /// How many of `neededColumns` every entry needs: those up to the last of allele, allele
    /// number, symbol and consequence. The others (MANE Select, canonical, biotype) only rank an
    /// entry against the others of its allele, so an entry that cannot win is not read further.
    private let essentialCount: Int

    // The walk over one value (see `start(_:gluesPieces:)`).
    private var value = UnsafeRawBufferPointer(start: nil, count: 0)
    private var gluesPieces = false
    /// The `|` marks (the first `wordCount` words), then from word `commaOffset` the `,` marks;
    /// reused from value to value.
    private var masks: [UInt64] = []
    private var wordCount = 0
    private var commaOffset = 0
    /// Where the next entry starts (past the value's end: none).
    private var entryStart = 0
    /// The first comma at or after `entryStart` when the last entry's walk found it (with glued
    /// pieces it looks one comma ahead), else -1.
    private var nextComma = -1
    /// Whether the current entry ended at a comma (so an empty entry follows at the value's end).
    private var endsWithComma = false
    // The current entry: its end, the column the walk stands on and where it starts (-1: the
    // entry is read to its end), the next of `neededColumns` to read, and the `|` marks not yet
    // passed (`bits`, of word `word`; the lowest one ends the column the walk stands on).
    private var entryEnd = 0
    private var column = 0
    private var nextNeeded = 0
    private var fieldStart = -1
    private var word = 0
    private var bits: UInt64 = 0

    init(schema: AnnotationSchema) {
        let fields: [(Slot, AnnotationField)] = [
            (.allele, .allele), (.alleleNumber, .alleleNumber), (.symbol, .symbol),
            (.maneSelect, .maneSelect),
            (.canonical, .canonical), (.biotype, .biotype), (.consequence, .consequence),
        ]
        let needed = fields.compactMap { slot, field in schema.index(of: field).map { ($0, slot) } }
            .sorted { $0.0 < $1.0 }
        let lastEssential =
            [AnnotationField.allele, .alleleNumber, .symbol, .consequence].compactMap {
                schema.index(of: $0)
            }.max() ?? Int.max
        self.init(
            neededColumns: needed.map { Int32($0.0) }, neededSlots: needed.map { Int8($0.1.rawValue) },
            essentialCount: needed.filter { $0.0 <= lastEssential }.count)
    }

    private init(neededColumns: [Int32], neededSlots: [Int8], essentialCount: Int) {
        self.neededColumns = neededColumns
        self.neededSlots = neededSlots
        self.essentialCount = essentialCount
    }

    /// Reads no field (for a VCF without annotation).
    static var none: AnnotationSurveyFields {
        AnnotationSurveyFields(neededColumns: [], neededSlots: [], essentialCount: 0)
    }

    /// The byte ranges of one entry's surveyed fields, as offsets in the annotation value. Kept
    /// small (80 bytes, offsets as `Int32`: a value lies within a line, below 2 GiB), as it is
    /// reset for every entry.
    struct Values {
        /// Start and end offset of each slot's field; a start of -1 for an absent field. (The
        /// eighth element pads the tuples to 32 bytes.)
        private var starts: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (
            -1, -1, -1, -1, -1, -1, -1, -1
        )
        private var ends: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0, 0, 0, 0)

        let bytes: UnsafeRawBufferPointer

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

        /// Records `range` as the field of slot `slot` (a ``Slot`` raw value).
        @inline(__always)
        mutating func set(_ slot: Int8, _ range: Range<Int>) {
            // The tuples are homogeneous, so their elements lie at consecutive `Int32`s: indexing
            // them spares a jump through a table of seven cases for every field.
            let index = Int(slot)
            assert(index >= 0 && index < Slot.allCases.count)
            withUnsafeMutableBytes(of: &starts) {
                $0.storeBytes(
                    of: Int32(truncatingIfNeeded: range.lowerBound), toByteOffset: 4 * index, as: Int32.self)
            }
            withUnsafeMutableBytes(of: &ends) {
                $0.storeBytes(
                    of: Int32(truncatingIfNeeded: range.upperBound), toByteOffset: 4 * index, as: Int32.self)
            }
        }
    }

    /// Calls `body` with the surveyed fields of each entry of an annotation INFO value (the loop
    /// of ``start(_:gluesPieces:)``, ``nextEntry(_:)`` and ``readRankingFields(_:)``).
    ///
    /// Once an entry's essential fields (allele, allele number, symbol, consequence) are read,
    /// `needsRanking` is asked whether its ranking fields (MANE Select, canonical, biotype) are
    /// needed; when not, the entry's other fields read `nil`.
    mutating func forEachEntry(
        in value: UnsafeRawBufferPointer, gluesPieces: Bool,
        needsRanking: (inout Values) -> Bool = { _ in true },
        _ body: (Values) -> Void
    ) {
        start(value, gluesPieces: gluesPieces)
        var values = Values(bytes: value)
        while nextEntry(&values) {
            if hasRankingFields && needsRanking(&values) { readRankingFields(&values) }
            body(values)
        }
    }

    /// Starts a walk over the entries of an annotation INFO value (`nil`: none), which stays
    /// valid until the walk ends.
    ///
    /// Entries are cut as ``AnnotationEntries`` cuts them: at commas, except that with a
    /// multi-field schema (`gluesPieces`) a comma followed by a piece without `|` lies inside
    /// the entry's last field. An empty value or `.` has no entries; an empty entry has one empty
    /// field (column 0). A field reads `nil` exactly when ``AnnotationEntry/subscript(_:)``
    /// would.
    ///
    /// One vector pass marks every `|` and `,` of the value (``SeparatorMasks``); entries and
    /// fields are then found by walking the set bits, never looking at a byte again.
    mutating func start(_ value: UnsafeRawBufferPointer?, gluesPieces: Bool) {
        self.value = value ?? UnsafeRawBufferPointer(start: nil, count: 0)
        self.gluesPieces = gluesPieces
        let count = self.value.count
        entryStart = count
        nextComma = -1
        endsWithComma = false
        guard !neededColumns.isEmpty, let base = self.value.baseAddress, count > 0,
            !(count == 1 && base.load(as: UInt8.self) == 0x2E)
        else { return }
        wordCount = SeparatorMasks.wordCount(forByteCount: count)
        commaOffset = wordCount
        if masks.count < 2 * wordCount { masks = [UInt64](repeating: 0, count: 2 * wordCount + 16) }
        let words = wordCount
        masks.withUnsafeMutableBufferPointer { masks in
            SeparatorMasks.mark(
                self.value, 0x7C, 0x2C, firstMask: masks.baseAddress!, secondMask: masks.baseAddress! + words)
        }
        entryStart = 0
    }

    /// ``start(_:gluesPieces:)`` on the annotation value that starts `rest` (an INFO column from
    /// the value's first byte on) and ends at its first `;`, which the pass that marks the
    /// separators finds (no search for the end first); returns that value (`nil` for `nil`).
    mutating func start(valueStarting rest: UnsafeRawBufferPointer?, gluesPieces: Bool)
        -> UnsafeRawBufferPointer?
    {
        guard let rest, !neededColumns.isEmpty, rest.count > 0 else {
            // Nothing to mark: the end by a plain search.
            let value = rest.map { rest in
                UnsafeRawBufferPointer(rebasing: rest[..<(rest.firstIndex(of: 0x3B) ?? rest.count)])
            }
            start(value, gluesPieces: gluesPieces)
            return value
        }
        self.gluesPieces = gluesPieces
        nextComma = -1
        endsWithComma = false
        let capacity = SeparatorMasks.wordCount(forByteCount: rest.count)
        if masks.count < 2 * capacity { masks = [UInt64](repeating: 0, count: 2 * capacity + 16) }
        let end = masks.withUnsafeMutableBufferPointer { masks in
            SeparatorMasks.mark(
                rest, 0x7C, 0x2C, until: 0x3B, firstMask: masks.baseAddress!,
                secondMask: masks.baseAddress! + capacity)
        }
        value = UnsafeRawBufferPointer(rebasing: rest[..<end])
        wordCount = SeparatorMasks.wordCount(forByteCount: end)
        commaOffset = capacity
        // An empty value or `.` has no entries.
        let isEmpty = end == 0 || (end == 1 && rest[0] == 0x2E)
        entryStart = isEmpty ? end : 0
        return value
    }

    /// Reads the essential fields of the walk's next entry (allele, allele number, symbol,
    /// consequence) into `values` (replacing it whole); `false` after the last entry.
    /// ``readRankingFields(_:)`` then reads the others.
    ///
    /// The fields are written into the caller's variable rather than returned: returning the
    /// struct made the caller load it whole right after its fields were stored one by one, a
    /// store the processor cannot forward to the load (16% of the walk's time).
    mutating func nextEntry(_ values: inout Values) -> Bool {
        let count = value.count
        guard entryStart < count || (entryStart == count && endsWithComma) else {
            return false
        }
        return masks.withUnsafeBufferPointer { masks in
            let bars = masks.baseAddress!
            let commas = bars + commaOffset
            // The entry ends at the first comma that starts another entry: any comma, or with
            // glued pieces one whose next separator is a `|`.
            var end =
                nextComma >= 0 ? nextComma : Self.firstSetBit(commas, wordCount, from: entryStart) ?? count
            nextComma = -1
            if gluesPieces {
                while end < count {
                    let following = Self.firstSetBit(commas, wordCount, from: end + 1) ?? count
                    if let bar = Self.firstSetBit(bars, wordCount, from: end + 1), bar < following {
                        nextComma = following
                        break
                    }
                    end = following
                }
            }
            entryEnd = end
            column = 0
            nextNeeded = 0
            fieldStart = entryStart
            word = entryStart >> 6
            bits = word < wordCount ? bars[word] & (~0 &<< UInt64(entryStart & 63)) : 0
            endsWithComma = end < count
            entryStart = end + 1
            values = Values(bytes: value)
            readFields(&values, upTo: essentialCount, bars: bars)
            return true
        }
    }

    /// Whether the current entry has surveyed fields left to read (it did not end within its
    /// essential ones).
    var hasRankingFields: Bool { fieldStart >= 0 && nextNeeded < neededColumns.count }

    /// Reads the rest of the current entry's surveyed fields (MANE Select, canonical, biotype)
    /// into `values`, the entry ``nextEntry(_:)`` read last.
    mutating func readRankingFields(_ values: inout Values) {
        guard hasRankingFields else { return }
        masks.withUnsafeBufferPointer { masks in
            readFields(&values, upTo: neededColumns.count, bars: masks.baseAddress!)
        }
    }

    /// Reads the current entry's needed columns before number `limit` of `neededColumns`, or
    /// until the entry ends (then `fieldStart` is -1: nothing more to read).
    ///
    /// The `|`s between two needed columns are skipped a word at a time (by counting them)
    /// rather than one by one: the survey's columns lie far apart in a VEP entry (0, 1, 3, 7,
    /// 23, 24).
    @inline(__always)
    private mutating func readFields(_ values: inout Values, upTo limit: Int, bars: UnsafePointer<UInt64>) {
        guard fieldStart >= 0 else { return }
        while nextNeeded < limit {
            let target = Int(neededColumns[nextNeeded])
            if target > column {
                // Pass `target - column` bars: all but the last one by one, or a word's worth at
                // a time by counting them when many remain; the last by position.
                var skip = target - column - 1
                while true {
                    while bits == 0 {
                        word += 1
                        guard word < wordCount else { return endEntry() }
                        bits = bars[word]
                    }
                    if skip == 0 { break }
                    if skip >= 8 {
                        let present = bits.nonzeroBitCount
                        if present <= skip {
                            skip -= present
                            bits = 0
                            continue
                        }
                    }
                    bits &= bits &- 1
                    skip -= 1
                }
                let bar = word << 6 | bits.trailingZeroBitCount
                guard bar < entryEnd else { return endEntry() }
                bits &= bits &- 1
                column = target
                fieldStart = bar + 1
            }
            // The column ends at the next bar, or at the entry's end.
            while bits == 0 {
                word += 1
                if word >= wordCount { break }
                bits = bars[word]
            }
            let end = bits == 0 ? entryEnd : Swift.min(word << 6 | bits.trailingZeroBitCount, entryEnd)
            values.set(neededSlots[nextNeeded], fieldStart..<end)
            nextNeeded += 1
            if end == entryEnd { return endEntry() }
        }
    }

    /// Marks the current entry as read to its end.
    @inline(__always)
    private mutating func endEntry() {
        fieldStart = -1
    }

    /// The position of the first set bit at or after `position`, or `nil`.
    @inline(__always)
    private static func firstSetBit(_ mask: UnsafePointer<UInt64>, _ wordCount: Int, from position: Int)
        -> Int?
    {
        SeparatorMasks.firstSetBit(in: mask, wordCount: wordCount, from: position)
    }
}
