import CVectorScan
import Testing

@testable import GenomicFormats

/// The field walk locates columns from the separator masks alone; it must cut entries and fields
/// exactly as splitting the text does (glued commas, short and empty entries, entries and fields
/// across 64-byte words), whichever build of it runs (with POPCNT or without).
@Suite("Entry field walk")
struct EntryFieldWalkTests {
    /// One entry's located columns, as text by slot (`nil`: not located).
    typealias Row = [String?]

    /// The entries of `text` and their fields by splitting: entries at commas, except that with
    /// `glues` a comma whose following piece (up to the next comma or the end) holds no `|` stays
    /// in the entry; a value that is empty or `.` has none.
    static func split(_ text: [UInt8], glues: Bool) -> [[String]] {
        guard !text.isEmpty, text != [0x2E] else { return [] }
        var entries: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < text.count {
            if text[index] == 0x2C {
                let pieceEnd = text[(index + 1)...].firstIndex(of: 0x2C) ?? text.count
                if !glues || text[(index + 1)..<pieceEnd].contains(0x7C) {
                    entries.append(text[start..<index])
                    start = index + 1
                    if start == text.count { entries.append([]) }
                }
            }
            index += 1
        }
        if start < text.count { entries.append(text[start...]) }
        return entries.map { entry in
            entry.split(separator: 0x7C, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
        }
    }

    /// The rows the walk should give for `columns` (column, slot), with only the first
    /// `essential` columns (by number) when `rest` is false; none when it locates no column.
    static func expected(
        _ text: [UInt8], glues: Bool, columns: [(column: Int, slot: Int)], essential: Int, rest: Bool
    ) -> [Row] {
        guard !columns.isEmpty else { return [] }
        let sorted = columns.sorted { $0.column < $1.column }
        return split(text, glues: glues).map { fields in
            var row = Row(repeating: nil, count: EntryFieldWalk.slotCount)
            for (index, column) in sorted.enumerated() where rest || index < essential {
                if column.column < fields.count { row[column.slot] = fields[column.column] }
            }
            return row
        }
    }

    /// `rows` without those whose fields in `repeats` (a bit per slot) are those of the row kept
    /// before them (all of them without `repeats`).
    static func passingRepeats(_ rows: [Row], of repeats: UInt32) -> [Row] {
        guard repeats != 0 else { return rows }
        var kept: [Row] = []
        for row in rows {
            if let last = kept.last,
                (0..<EntryFieldWalk.slotCount).allSatisfy({ repeats & 1 << $0 == 0 || row[$0] == last[$0] })
            {
                continue
            }
            kept.append(row)
        }
        return kept
    }

    /// The rows the public walk gives.
    static func walked(
        _ text: [UInt8], glues: Bool, walk: inout EntryFieldWalk, rest: Bool, repeats: UInt32 = 0
    ) -> [Row] {
        text.withUnsafeBytes { value in
            walk.start(value, gluesPieces: glues)
            var rows: [Row] = []
            var fields = EntryFieldWalk.Fields()
            while walk.next(&fields, passingRepeatsOf: repeats) {
                if rest { walk.locateRest(&fields) }
                rows.append(
                    (0..<EntryFieldWalk.slotCount).map { slot in
                        fields.range(slot).map { String(decoding: value[$0], as: UTF8.self) }
                    })
            }
            return rows
        }
    }

    /// The rows the C walk's two builds give when called directly (they must agree with each other
    /// step by step, the state included).
    static func walkedByBothBuilds(
        _ text: [UInt8], glues: Bool, columns: [(column: Int, slot: Int)], essential: Int, repeats: UInt32
    ) -> [Row] {
        var state = oncomatch_field_walk()
        let sorted = columns.sorted { $0.column < $1.column }
        withUnsafeMutableBytes(of: &state.columns) { buffer in
            for (index, column) in sorted.enumerated() {
                buffer.storeBytes(of: Int32(column.column), toByteOffset: 4 * index, as: Int32.self)
            }
        }
        withUnsafeMutableBytes(of: &state.slots) { buffer in
            for (index, column) in sorted.enumerated() {
                buffer.storeBytes(of: Int8(column.slot), toByteOffset: index, as: Int8.self)
            }
        }
        state.column_count = Int32(sorted.count)
        state.essential_count = Int32(essential)
        let words = SeparatorMasks.wordCount(forByteCount: text.count)
        var masks = [UInt64](repeating: 0, count: 2 * words + 2)
        return text.withUnsafeBytes { value in
            masks.withUnsafeMutableBufferPointer { masks in
                SeparatorMasks.mark(
                    value, 0x7C, 0x2C, firstMask: masks.baseAddress!, secondMask: masks.baseAddress! + words)
            }
            let hasEntries = !text.isEmpty && text != [0x2E]
            oncomatch_field_walk_start(
                &state, value.baseAddress?.assumingMemoryBound(to: UInt8.self), Int64(text.count),
                Int64(words), Int64(words), glues, hasEntries)
            var portable = state
            var rows: [Row] = []
            var fields = oncomatch_entry_fields()
            var portableFields = oncomatch_entry_fields()
            while true {
                let more = oncomatch_field_walk_next(&state, masks, repeats, &fields)
                let portableMore = oncomatch_field_walk_next_portable(
                    &portable, masks, repeats, &portableFields)
                #expect(more == portableMore)
                guard more else { break }
                oncomatch_field_walk_rest(&state, masks, &fields)
                oncomatch_field_walk_rest_portable(&portable, masks, &portableFields)
                #expect(Self.bytes(of: state) == Self.bytes(of: portable))
                #expect(Self.bytes(of: fields) == Self.bytes(of: portableFields))
                let starts = Self.int32s(of: fields.starts)
                let ends = Self.int32s(of: fields.ends)
                rows.append(
                    (0..<EntryFieldWalk.slotCount).map { slot in
                        starts[slot] < 0
                            ? nil
                            : String(decoding: value[Int(starts[slot])..<Int(ends[slot])], as: UTF8.self)
                    })
            }
            return rows
        }
    }

    static func bytes<T>(of value: T) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    static func int32s<T>(of tuple: T) -> [Int32] {
        withUnsafeBytes(of: tuple) { Array($0.bindMemory(to: Int32.self)) }
    }

    /// Checks the walk of `text` against splitting it, plainly and passing over the entries that
    /// repeat the fields of `repeats` (a bit per slot, of essential columns only).
    func check(_ text: String, columns: [(column: Int, slot: Int)], essential: Int, repeats: UInt32 = 0) {
        let bytes = Array(text.utf8)
        var walk = EntryFieldWalk(columns: columns, essentialCount: essential)
        for glues in [false, true] {
            for passing in Set([0, repeats]) {
                for rest in [false, true] {
                    let expected = Self.passingRepeats(
                        Self.expected(
                            bytes, glues: glues, columns: columns, essential: essential, rest: rest),
                        of: passing)
                    let walked = Self.walked(bytes, glues: glues, walk: &walk, rest: rest, repeats: passing)
                    #expect(walked == expected, "\(text) glues: \(glues) rest: \(rest) repeats: \(passing)")
                }
                let expected = Self.passingRepeats(
                    Self.expected(bytes, glues: glues, columns: columns, essential: essential, rest: true),
                    of: passing)
                #expect(
                    Self.walkedByBothBuilds(
                        bytes, glues: glues, columns: columns, essential: essential, repeats: passing)
                        == expected,
                    "\(text) glues: \(glues) repeats: \(passing), both builds")
            }
        }
    }

    /// The survey's VEP columns: allele, consequence, symbol essential; biotype, canonical, MANE
    /// Select on demand.
    static let vepColumns: [(column: Int, slot: Int)] = [
        (0, 0), (1, 6), (3, 2), (7, 5), (23, 4), (24, 3),
    ]

    @Test func vepEntries() {
        let entry = (0..<27).map { "f\($0)" }.joined(separator: "|")
        check(entry, columns: Self.vepColumns, essential: 3)
        check(entry + "," + entry, columns: Self.vepColumns, essential: 3)
        check("C|missense_variant|MODERATE|BRAF||||protein_coding", columns: Self.vepColumns, essential: 3)
        check(".", columns: Self.vepColumns, essential: 3)
        check("", columns: Self.vepColumns, essential: 3)
        check(",", columns: Self.vepColumns, essential: 3)
        check("A|b,c|d", columns: Self.vepColumns, essential: 3)
        check("A|b|c,d,e|f", columns: Self.vepColumns, essential: 3)
        check("a,", columns: Self.vepColumns, essential: 3)
        // One entry per transcript, most repeating the allele and gene of the one before.
        let transcripts = [
            "T|missense_variant|M|BRAF|x|x|x|protein_coding", "T|intron_variant|M|BRAF|x|x|x|lncRNA",
            "T|intron_variant|M|BRAF", "G|intron_variant|M|BRAF", "G|upstream_gene_variant|M|BRAF",
            "G|upstream_gene_variant|M|BRAFP1", "G|upstream_gene_variant|M|BRAF", "G|x|M", "G|y|M",
            "G|y|M|", "G", "|", "", "",
            // Symbols that differ in one byte only: first, inner or last, of 4–7, 8 or more bytes.
            "G|x|M|TP53A", "G|x|M|TP53B", "G|x|M|XP53B", "G|x|M|TPX3B", "G|x|M|SYNGENE01", "G|x|M|SYNGENE02",
            "G|x|M|SYNGENX02", "G|x|M|XYNGENX02", "G|x|M|LONGERGENE0001", "G|x|M|LONGERGENE0001",
            "G|x|M|LONGERGXNE0001", "G|x|M|LONGERGXNE0002",
        ]
        check(transcripts.joined(separator: ","), columns: Self.vepColumns, essential: 3, repeats: 0b101)
        check(transcripts.joined(separator: ","), columns: Self.vepColumns, essential: 3, repeats: 0b100)
    }

    @Test func aFreshFieldsLocatesNothing() {
        let fields = EntryFieldWalk.Fields()
        #expect((0..<EntryFieldWalk.slotCount).allSatisfy { fields.range($0) == nil })
    }

    @Test func randomValuesAndColumns() {
        // Fields from a small alphabet, so that entries often repeat the ones before.
        // Commas often (short entries) or rarely (entries of many fields, across 64-byte words).
        let alphabets = [
            Array("||||,,ab&.Y"), Array("|||||abcdefg&.Y") + [","], Array("|||||||||||||,x"), Array("||,a"),
            Array("|,aaaaaaab"),
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let length = Int.random(in: 0...(Bool.random(using: &generator) ? 120 : 500), using: &generator)
            let alphabet = alphabets.randomElement(using: &generator)!
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let count = Int.random(in: 0...EntryFieldWalk.slotCount, using: &generator)
            let numbers = Array((0..<40).shuffled(using: &generator).prefix(count))
            let slots = (0..<EntryFieldWalk.slotCount).shuffled(using: &generator)
            let columns = zip(numbers, slots).map { (column: $0, slot: $1) }
            let essential = Int.random(in: 0...count, using: &generator)
            let essentialSlots = columns.sorted { $0.column < $1.column }.prefix(essential).map(\.slot)
            let repeats = essentialSlots.filter { _ in Bool.random(using: &generator) }
                .reduce(UInt32(0)) { $0 | 1 << UInt32($1) }
            check(text, columns: columns, essential: essential, repeats: repeats)
        }
    }
}
