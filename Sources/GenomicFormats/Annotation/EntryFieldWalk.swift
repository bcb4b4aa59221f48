import CVectorScan

/// A walk over the entries of an annotation value (VEP CSQ, SnpEff ANN) that locates a few of each
/// entry's columns without building anything: one vector pass marks every `|` and `,` of the value
/// (``SeparatorMasks``), and entries and fields are then found from the set bits alone
/// (`CVectorScan`'s field walk, which counts bits with POPCNT where the processor has it).
///
/// Entries are cut as ``AnnotationEntries`` cuts them: at commas, except that when `gluesPieces`
/// (a multi-field schema) a comma followed by a piece without `|` lies inside the entry's last
/// field. An empty value or `.` has no entries; an empty entry has one empty field (column 0). A
/// column reads `nil` exactly when ``AnnotationEntry/subscript(_:)`` would: the entry is shorter.
/// A walk that locates no column sees no entries (there is nothing to report of them).
///
/// The columns are given once with the slot each fills (at most eight); the first
/// `essentialCount` of them are located by ``next(_:passingRepeatsOf:)``, the others only on demand
/// (``locateRest(_:)``), so a caller that needs them for a few entries does not pay for all.
public struct EntryFieldWalk {
    /// The most slots a walk fills.
    public static let slotCount = Int(ONCOMATCH_FIELD_WALK_COLUMNS)

    /// Where one entry's located fields lie, as offsets in the value (`nil`: not located).
    public struct Fields {
        @usableFromInline var raw = oncomatch_entry_fields()

        /// No field located.
        public init() {
            withUnsafeMutableBytes(of: &raw.starts) { starts in
                for slot in 0..<EntryFieldWalk.slotCount {
                    starts.storeBytes(of: -1, toByteOffset: 4 * slot, as: Int32.self)
                }
            }
        }

        /// The byte range of slot `slot`'s field in the value, or `nil`.
        @inlinable
        public func range(_ slot: Int) -> Range<Int>? {
            precondition(slot >= 0 && slot < EntryFieldWalk.slotCount)
            let (start, end) = withUnsafeBytes(of: raw) { raw in
                (
                    raw.load(fromByteOffset: 4 * slot, as: Int32.self),
                    raw.load(fromByteOffset: 4 * (EntryFieldWalk.slotCount + slot), as: Int32.self)
                )
            }
            return start >= 0 ? Int(start)..<Int(end) : nil
        }
    }

    private var walk = oncomatch_field_walk()
    /// The `|` marks (the first `wordCount` words), then from word `walk.comma_offset` the `,`
    /// marks; reused from value to value.
    private var masks = [UInt64](repeating: 0, count: 16)

    /// A walk locating `columns` (column number and slot, at most ``slotCount``, each slot below
    /// ``slotCount``), of which the `essentialCount` lowest columns for every entry.
    public init(columns: [(column: Int, slot: Int)], essentialCount: Int) {
        let sorted = columns.sorted { $0.column < $1.column }
        precondition(sorted.count <= Self.slotCount && essentialCount >= 0 && essentialCount <= sorted.count)
        precondition(sorted.allSatisfy { $0.column >= 0 && $0.column <= Int(Int32.max) })
        withUnsafeMutableBytes(of: &walk.columns) { buffer in
            for (index, entry) in sorted.enumerated() {
                buffer.storeBytes(of: Int32(entry.column), toByteOffset: 4 * index, as: Int32.self)
            }
        }
        withUnsafeMutableBytes(of: &walk.slots) { buffer in
            for (index, entry) in sorted.enumerated() {
                precondition(entry.slot >= 0 && entry.slot < Self.slotCount)
                buffer.storeBytes(of: Int8(entry.slot), toByteOffset: index, as: Int8.self)
            }
        }
        walk.column_count = Int32(sorted.count)
        walk.essential_count = Int32(essentialCount)
        walk.field_start = -1
    }

    /// Starts a walk over the entries of `value` (`nil`: none), which must stay valid until the
    /// walk ends.
    public mutating func start(_ value: UnsafeRawBufferPointer?, gluesPieces: Bool) {
        let count = value?.count ?? 0
        let hasEntries = walk.column_count > 0 && count > 0 && !(count == 1 && value![0] == 0x2E)
        let words = SeparatorMasks.wordCount(forByteCount: count)
        if hasEntries {
            reserve(words: words)
            masks.withUnsafeMutableBufferPointer { masks in
                SeparatorMasks.mark(
                    value!, 0x7C, 0x2C, firstMask: masks.baseAddress!, secondMask: masks.baseAddress! + words)
            }
        }
        oncomatch_field_walk_start(
            &walk, value?.baseAddress?.assumingMemoryBound(to: UInt8.self), Int64(count), Int64(words),
            Int64(words), gluesPieces, hasEntries)
    }

    /// ``start(_:gluesPieces:)`` on the value that starts `rest` (an INFO column from the value's
    /// first byte on) and ends at its first `;`, which the pass that marks the separators finds
    /// (no search for the end first); returns that value (`nil` for `nil`).
    public mutating func start(valueStarting rest: UnsafeRawBufferPointer?, gluesPieces: Bool)
        -> UnsafeRawBufferPointer?
    {
        guard let rest, walk.column_count > 0, rest.count > 0 else {
            // Nothing to mark: the end by a plain search.
            let value = rest.map { rest in
                UnsafeRawBufferPointer(rebasing: rest[..<(rest.firstIndex(of: 0x3B) ?? rest.count)])
            }
            start(value, gluesPieces: gluesPieces)
            return value
        }
        let capacity = SeparatorMasks.wordCount(forByteCount: rest.count)
        reserve(words: capacity)
        let end = masks.withUnsafeMutableBufferPointer { masks in
            SeparatorMasks.mark(
                rest, 0x7C, 0x2C, until: 0x3B, firstMask: masks.baseAddress!,
                secondMask: masks.baseAddress! + capacity)
        }
        // An empty value or `.` has no entries.
        let hasEntries = end > 0 && !(end == 1 && rest[0] == 0x2E)
        oncomatch_field_walk_start(
            &walk, rest.baseAddress?.assumingMemoryBound(to: UInt8.self), Int64(end),
            Int64(SeparatorMasks.wordCount(forByteCount: end)), Int64(capacity), gluesPieces, hasEntries)
        return UnsafeRawBufferPointer(rebasing: rest[..<end])
    }

    /// Moves to the walk's next entry and locates its essential columns into `fields` (replacing
    /// it whole); `false` after the last entry.
    ///
    /// With `repeatSlots` (bit `n` for slot `n`, slots of essential columns), passes over the
    /// entries whose fields in those slots are byte for byte the ones `fields` holds, those of
    /// the entry the walk stands on (an absent field equals only an absent one): for a caller to
    /// whom such an entry would tell nothing new, as most of a VEP value's entries repeat the
    /// allele and gene of the one before. The first entry of a value is never passed over.
    public mutating func next(_ fields: inout Fields, passingRepeatsOf repeatSlots: UInt32 = 0) -> Bool {
        masks.withUnsafeBufferPointer { masks in
            oncomatch_field_walk_next(&walk, masks.baseAddress!, repeatSlots, &fields.raw)
        }
    }

    /// Whether the current entry has columns left to locate (it did not end within the essential
    /// ones).
    public var hasRest: Bool { walk.field_start >= 0 && walk.next_needed < walk.column_count }

    /// Locates the current entry's other columns into `fields`, the entry
    /// ``next(_:passingRepeatsOf:)`` moved to.
    public mutating func locateRest(_ fields: inout Fields) {
        guard hasRest else { return }
        masks.withUnsafeBufferPointer { masks in
            oncomatch_field_walk_rest(&walk, masks.baseAddress!, &fields.raw)
        }
    }

    /// Room for two masks of `words` words each.
    private mutating func reserve(words: Int) {
        if masks.count < 2 * words { masks = [UInt64](repeating: 0, count: 2 * words + 16) }
    }
}
