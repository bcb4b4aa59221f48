import GenomicFormats

/// The few fields of an annotation entry the VCF loader's per-record survey reads (allele, allele
/// number, symbol, MANE Select, canonical flag, biotype, consequence), located by one
/// ``EntryFieldWalk`` over the value's separators instead of one scan from the entry start per
/// field.
///
/// The column indexes are resolved once per schema; the walk stops at the last column it needs. A
/// field reads `nil` exactly when ``AnnotationEntry/subscript(_:)`` would: the schema lacks the
/// column or the entry is shorter.
struct AnnotationSurveyFields {
    /// Slot numbers of the fields read.
    enum Slot: Int, CaseIterable {
        case allele, alleleNumber, symbol, maneSelect, canonical, biotype, consequence
    }

    /// The walk, locating the columns up to the last of allele, allele number, symbol and
    /// consequence for every entry; the others (MANE Select, canonical, biotype) only rank an
    /// entry against the others of its allele, so an entry that cannot win is not read further.
    private var walk: EntryFieldWalk
    /// Whether a ranking column (MANE Select, canonical, biotype) lies among the essential ones,
    /// and whether one lies past them.
    private let ranksWithEssentialFields: Bool
    private let ranksWithLaterFields: Bool

    /// The slots of the schema's allele, allele number and symbol columns (bit `n` for the slot
    /// of raw value `n`): an entry that repeats them names the allele and the gene of the entry
    /// before.
    let alleleAndSymbol: UInt32

    init(schema: AnnotationSchema) {
        let fields: [(Slot, AnnotationField)] = [
            (.allele, .allele), (.alleleNumber, .alleleNumber), (.symbol, .symbol),
            (.maneSelect, .maneSelect),
            (.canonical, .canonical), (.biotype, .biotype), (.consequence, .consequence),
        ]
        let needed = fields.compactMap { slot, field in schema.index(of: field).map { ($0, slot) } }
        let lastEssential =
            [AnnotationField.allele, .alleleNumber, .symbol, .consequence].compactMap {
                schema.index(of: $0)
            }.max() ?? Int.max
        let ranking = needed.filter { [.maneSelect, .canonical, .biotype].contains($0.1) }
        self.init(
            walk: EntryFieldWalk(
                columns: needed.map { (column: $0.0, slot: $0.1.rawValue) },
                essentialCount: needed.filter { $0.0 <= lastEssential }.count),
            alleleAndSymbol: needed.filter { [.allele, .alleleNumber, .symbol].contains($0.1) }
                .reduce(0) { $0 | 1 << UInt32($1.1.rawValue) },
            ranksWithEssentialFields: ranking.contains { $0.0 <= lastEssential },
            ranksWithLaterFields: ranking.contains { $0.0 > lastEssential })
    }

    private init(
        walk: EntryFieldWalk, alleleAndSymbol: UInt32, ranksWithEssentialFields: Bool,
        ranksWithLaterFields: Bool
    ) {
        self.walk = walk
        self.alleleAndSymbol = alleleAndSymbol
        self.ranksWithEssentialFields = ranksWithEssentialFields
        self.ranksWithLaterFields = ranksWithLaterFields
    }

    /// Reads no field (for a VCF without annotation).
    static var none: AnnotationSurveyFields {
        AnnotationSurveyFields(
            walk: EntryFieldWalk(columns: [], essentialCount: 0), alleleAndSymbol: 0,
            ranksWithEssentialFields: false, ranksWithLaterFields: false)
    }

    /// The surveyed fields of one entry.
    struct Values {
        private var fields = EntryFieldWalk.Fields()
        let bytes: UnsafeRawBufferPointer

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        subscript(slot: Slot) -> AnnotationBytes? {
            guard let range = fields.range(slot.rawValue) else { return nil }
            return AnnotationBytes(UnsafeRawBufferPointer(rebasing: bytes[range]))
        }

        /// Moves `walk` to its next entry, locating that entry's essential fields here.
        fileprivate mutating func next(_ walk: inout EntryFieldWalk, passingRepeatsOf slots: UInt32) -> Bool {
            walk.next(&fields, passingRepeatsOf: slots)
        }

        /// Locates the current entry's other fields here.
        fileprivate mutating func locateRest(_ walk: inout EntryFieldWalk) { walk.locateRest(&fields) }
    }

    /// Calls `body` with the surveyed fields of each entry of an annotation INFO value (the loop
    /// of ``start(_:gluesPieces:)``, ``nextEntry(_:passingRepeatsOf:)`` and
    /// ``readRankingFields(_:)``).
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
    /// valid until the walk ends (see ``EntryFieldWalk``).
    mutating func start(_ value: UnsafeRawBufferPointer?, gluesPieces: Bool) {
        walk.start(value, gluesPieces: gluesPieces)
    }

    /// ``start(_:gluesPieces:)`` on the annotation value that starts `rest` (an INFO column from
    /// the value's first byte on) and ends at its first `;`, which the pass that marks the
    /// separators finds (no search for the end first); returns that value (`nil` for `nil`).
    mutating func start(valueStarting rest: UnsafeRawBufferPointer?, gluesPieces: Bool)
        -> UnsafeRawBufferPointer?
    {
        walk.start(valueStarting: rest, gluesPieces: gluesPieces)
    }

    /// Reads the essential fields of the walk's next entry (allele, allele number, symbol,
    /// consequence) into `values` (replacing them all); `false` after the last entry.
    /// ``readRankingFields(_:)`` then reads the others.
    ///
    /// With `repeatSlots` (bit `n` for the slot of raw value `n`), passes over the entries whose
    /// fields in those slots repeat the ones `values` holds (see ``EntryFieldWalk/next(_:passingRepeatsOf:)``).
    mutating func nextEntry(_ values: inout Values, passingRepeatsOf repeatSlots: UInt32 = 0) -> Bool {
        values.next(&walk, passingRepeatsOf: repeatSlots)
    }

    /// Whether an entry repeating the allele and symbol of the entry before can change nothing for
    /// an allele whose best entry so far (that one's or an earlier one's) has rank `bestRank` (see
    /// `VCFLoadWorker.principalRank`), its ranking fields being read when `ranksEntries` and the
    /// allele's best rank is above 0: it names the same allele and gene, and only a better rank
    /// would replace the allele's class. An entry whose ranking fields are not read ranks 3 (the
    /// worst) unless a ranking column is among the essential ones.
    func repeatsChangeNothing(bestRank: Int, ranksEntries: Bool) -> Bool {
        if bestRank == 0 { return true }
        return bestRank <= 3 && !ranksWithEssentialFields && (!ranksEntries || !ranksWithLaterFields)
    }

    /// Whether the current entry has surveyed fields left to read (it did not end within its
    /// essential ones).
    var hasRankingFields: Bool { walk.hasRest }

    /// Reads the rest of the current entry's surveyed fields (MANE Select, canonical, biotype)
    /// into `values`, the entry ``nextEntry(_:passingRepeatsOf:)`` read last.
    mutating func readRankingFields(_ values: inout Values) { values.locateRest(&walk) }
}
