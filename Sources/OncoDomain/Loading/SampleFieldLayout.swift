import GenomicFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The FORMAT fields the VCF loader reads for every record (`GT`, `AD`, `DP`, `AF`, `FA`),
/// located by position once per distinct FORMAT column, with allocation-free readers for the
/// common shapes of those fields.
///
/// The readers give exactly what ``ReadSupport/read(_:sample:allele:)`` and
/// `VCFRecord.genotype(sample:)` give, or `nil` when the input is anything but the common case
/// (another caller's fields, a malformed or oddly sized value): the caller then asks the general
/// readers, which also produce the errors.
struct SampleFieldLayout {
    /// A genotype reduced to what presence and origin decisions need.
    struct Genotype {
        /// Bit `n` set when allele `n` is called.
        var calledAlleles: UInt64
        /// Every allele is `.` (or, for an absent GT, there is no genotype at all).
        var isAllMissing: Bool

        func contains(_ allele: Int) -> Bool { allele < 64 && calledAlleles & (1 << UInt64(allele)) != 0 }
    }

    /// Depth and allele support, as ``ReadSupport`` has them, and which fields gave them.
    struct Support {
        var depth: Int?
        var altDepth: Int?
        var vaf: Double?
        /// Whether `FORMAT/DP` and `AF`/`FA` gave the depth and the fraction, when this reader
        /// read them from `FORMAT/AD` (`nil` when the general reader gave the values).
        var fieldsBesideAlleleDepths: (depth: Bool, fraction: Bool)?

        /// The same as a ``ReadSupport``, when this reader gave it (the general reader's own
        /// result is identical: tests compare them).
        var readSupport: ReadSupport? {
            fieldsBesideAlleleDepths.map {
                ReadSupport(
                    depth: depth, altDepth: altDepth, vaf: vaf,
                    source: ReadSupport.alleleDepthsSource(withDepth: $0.depth, withFraction: $0.fraction))
            }
        }
    }

    private var format: [UInt8] = []
    private var resolved = false
    /// The piece number of `AD` in the FORMAT column (-1: absent).
    private var alleleDepthIndex = -1
    /// The highest piece number of the read fields (-1: none is present).
    private var lastIndex = -1
    /// For each piece up to `lastIndex`, the ``Located`` slot it fills (``Located/unreadSlot``
    /// for a field not read).
    private var slotOfPiece: [Int8] = []
    /// `AD` is declared Number=R or `.` (the general reader's first case).
    private let alleleDepthsPerAllele: Bool
    /// `AF` / `FA` are declared Number=A (the only case the general reader reads them), and
    /// their declared type when it is Integer or Float (`nil`: another type, not handled here).
    private let fractionType: VCFValueType??
    private let mutectFractionType: VCFValueType??

    init(header: VCFHeader) {
        let alleleDepths = header.format("AD")?.number
        alleleDepthsPerAllele = alleleDepths == .perAllele || alleleDepths == .unknown
        func numericPerAlternate(_ key: String) -> VCFValueType?? {
            guard let definition = header.format(key), definition.number == .perAlternateAllele else {
                return .some(nil)
            }
            return definition.type == .float || definition.type == .integer ? .some(definition.type) : nil
        }
        fractionType = numericPerAlternate("AF")
        mutectFractionType = numericPerAlternate("FA")
    }

    /// Locates the fields in `record`'s FORMAT column when it differs from the last one's.
    mutating func update(_ record: VCFRecord) {
        guard record.columnCount > 8 else {
            resolved = false
            alleleDepthIndex = -1
            lastIndex = -1
            slotOfPiece = []
            return
        }
        record.withColumn(8) { update(format: $0) }
    }

    /// Locates the fields named by a FORMAT column (`GT:AD:DP`) when it differs from the last one.
    mutating func update(format column: UnsafeRawBufferPointer) {
        let same = resolved && format.withUnsafeBytes { VCFByteParsing.equals($0, column) }
        if same { return }
        var keys = (genotype: -1, alleleDepths: -1, depth: -1, fraction: -1, mutectFraction: -1)
        var position = 0
        VCFByteParsing.forEachPiece(of: column, separatedBy: 58) { key in
            // The first occurrence wins, as in `VCFRecord.formatKeyIndex(_:)`.
            if keys.genotype < 0 && VCFByteParsing.equals(key, "GT") { keys.genotype = position }
            if keys.alleleDepths < 0 && VCFByteParsing.equals(key, "AD") { keys.alleleDepths = position }
            if keys.depth < 0 && VCFByteParsing.equals(key, "DP") { keys.depth = position }
            if keys.fraction < 0 && VCFByteParsing.equals(key, "AF") { keys.fraction = position }
            if keys.mutectFraction < 0 && VCFByteParsing.equals(key, "FA") { keys.mutectFraction = position }
            position += 1
        }
        alleleDepthIndex = keys.alleleDepths
        lastIndex = max(keys.genotype, keys.alleleDepths, keys.depth, keys.fraction, keys.mutectFraction)
        // Each key's first occurrence is a distinct piece, so no piece has two slots.
        var slots = [Int8](repeating: Located.unreadSlot, count: lastIndex + 1)
        for (slot, index) in [
            keys.genotype, keys.alleleDepths, keys.depth, keys.fraction, keys.mutectFraction,
        ].enumerated() where index >= 0 {
            slots[index] = Int8(slot)
        }
        slotOfPiece = slots
        format = Array(column)
        resolved = true
    }

    /// Where the read fields are in one sample column: byte ranges in the column, `nil` when
    /// FORMAT lacks the field or the sample dropped it (trailing fields omitted). Kept small (48
    /// bytes) so that passing it around copies little.
    struct Located {
        /// A byte range of the column, or none (`start < 0`).
        struct Piece {
            var start: Int32 = -1
            var end: Int32 = 0

            var range: Range<Int>? { start < 0 ? nil : Int(start)..<Int(end) }
        }

        /// GT, AD, DP, AF, FA, and a sixth slot that takes the pieces nobody reads.
        private var pieces: (Piece, Piece, Piece, Piece, Piece, Piece) = (
            Piece(), Piece(), Piece(), Piece(), Piece(), Piece()
        )
        /// The slot of pieces nobody reads.
        static let unreadSlot: Int8 = 5

        /// Records `piece` in slot `slot` (0–5): the tuple's elements lie 8 bytes apart, so
        /// the slot is an offset rather than a switch over five cases for every piece.
        @inline(__always)
        mutating func set(_ slot: Int8, _ piece: Piece) {
            assert(slot >= 0 && slot <= Self.unreadSlot)
            withUnsafeMutableBytes(of: &pieces) {
                $0.storeBytes(of: piece.start, toByteOffset: 8 * Int(slot), as: Int32.self)
                $0.storeBytes(of: piece.end, toByteOffset: 8 * Int(slot) + 4, as: Int32.self)
            }
        }

        var genotype: Range<Int>? { pieces.0.range }
        var alleleDepths: Range<Int>? { pieces.1.range }
        var depth: Range<Int>? { pieces.2.range }
        var fraction: Range<Int>? { pieces.3.range }
        var mutectFraction: Range<Int>? { pieces.4.range }
    }

    /// Locates the read fields of a sample column in one scan of its `:`-separated pieces.
    ///
    /// A column of up to 64 bytes (nearly all) is first turned into a mask of its `:`s, eight
    /// bytes at a time, so the pieces are cut a fixed number of times per FORMAT rather than by a
    /// byte loop whose exits the processor mispredicts at every piece. The mask reads the eight
    /// bytes before the column's end even when the column is shorter: a sample column always
    /// follows the nine fixed columns of its line in the same buffer.
    @inline(__always)
    func locate(_ column: UnsafeRawBufferPointer) -> Located {
        var located = Located()
        guard lastIndex >= 0 else { return located }
        // An empty column still has one (empty) piece, as `VCFByteParsing.piece` counts them.
        let count = column.count
        guard count <= 64, let base = column.baseAddress else { return locateByBytes(column) }
        var colons = Self.colonMask(base, count: count)
        var start = 0
        slotOfPiece.withUnsafeBufferPointer { slots in
            for piece in 0...lastIndex {
                let end = colons == 0 ? count : colons.trailingZeroBitCount
                // Sample columns are bounded by the line length, which is below 2 GiB.
                located.set(
                    slots[piece],
                    Located.Piece(
                        start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end)))
                if colons == 0 { break }
                colons &= colons &- 1
                start = end &+ 1
            }
        }
        return located
    }

    /// Bit `i` set when byte `i` of the `count` (at most 64) bytes at `base` is `:`. Reads the
    /// eight bytes before `base + count` when `count` is not a multiple of eight (see
    /// ``locate(_:)``).
    @inline(__always)
    static func colonMask(_ base: UnsafeRawPointer, count: Int) -> UInt64 {
        var mask: UInt64 = 0
        var offset = 0
        while offset + 8 <= count {
            mask |= colons(in: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) << UInt64(offset)
            offset += 8
        }
        let remaining = count - offset
        if remaining > 0 {
            // The last eight bytes, of which the first `8 - remaining` were counted already (or
            // precede the column).
            let tail = colons(in: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            mask |= (tail >> UInt64(8 - remaining)) << UInt64(offset)
        }
        return mask
    }

    /// Bit `i` set when byte `i` of `word` (little-endian) is `:`, exactly (no false positives
    /// from borrows: the high bit of each byte is tested apart).
    @inline(__always)
    static func colons(in word: UInt64) -> UInt64 {
        let difference = word.littleEndian ^ 0x3A3A_3A3A_3A3A_3A3A
        let low = ((difference & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | difference
        let zeroBytes = ~low & 0x8080_8080_8080_8080
        // Gathers the high bits of the eight bytes into the top byte, byte 0's lowest.
        return ((zeroBytes >> 7) &* 0x0102_0408_1020_4080) >> 56
    }

    /// ``locate(_:)`` one byte at a time, for columns longer than 64 bytes.
    private func locateByBytes(_ column: UnsafeRawBufferPointer) -> Located {
        var located = Located()
        let count = column.count
        let bytes = column.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var piece = 0
        var start = 0
        var index = 0
        while true {
            while index < count && bytes![index] != 0x3A { index += 1 }
            located.set(
                slotOfPiece[piece],
                Located.Piece(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: index)))
            if piece == lastIndex || index >= count { break }
            piece += 1
            index += 1
            start = index
        }
        return located
    }

    /// The sample's genotype (an all-missing one when there is no GT), or `nil` for anything
    /// the general parser should handle: a malformed GT, an allele beyond the ALTs or above 63.
    func genotype(_ record: VCFRecord, sample: Int, alternates: Int) -> Genotype? {
        record.withSampleColumn(sample) { column in
            genotype(column, at: locate(column), alternates: alternates)
        } ?? Genotype(calledAlleles: 0, isAllMissing: true)
    }

    /// ``genotype(_:sample:alternates:)`` on a located sample column.
    @inline(__always)
    func genotype(_ column: UnsafeRawBufferPointer, at located: Located, alternates: Int) -> Genotype? {
        guard let range = located.genotype else { return Genotype(calledAlleles: 0, isAllMissing: true) }
        return Self.parseGenotype(UnsafeRawBufferPointer(rebasing: column[range]), alternates: alternates)
    }

    private static func parseGenotype(_ bytes: UnsafeRawBufferPointer, alternates: Int) -> Genotype? {
        let count = bytes.count
        guard count > 0 else { return nil }
        // The common diploid call of one-digit alleles (`0/1`, `1|1`, `./.`), read at once.
        if count == 3, bytes[1] == UInt8(ascii: "/") || bytes[1] == UInt8(ascii: "|") {
            let first = Int(bytes[0]) &- 48
            let second = Int(bytes[2]) &- 48
            let limit = Swift.min(alternates, 9)
            if first >= 0 && first <= limit && second >= 0 && second <= limit {
                return Genotype(calledAlleles: 1 << UInt64(first) | 1 << UInt64(second), isAllMissing: false)
            }
            if bytes[0] == UInt8(ascii: ".") && bytes[2] == UInt8(ascii: ".") {
                return Genotype(calledAlleles: 0, isAllMissing: true)
            }
        }
        var index = 0
        if bytes[0] == UInt8(ascii: "|") || bytes[0] == UInt8(ascii: "/") { index = 1 }
        var called: UInt64 = 0
        var allMissing = true
        while true {
            guard index < count else { return nil }
            if bytes[index] == UInt8(ascii: ".") {
                index += 1
            } else {
                var value = 0
                let start = index
                while index < count, bytes[index] >= 48, bytes[index] <= 57 {
                    value = value &* 10 &+ Int(bytes[index] - 48)
                    index += 1
                    if index - start > 9 { return nil }
                }
                if index == start || value > alternates || value > 63 { return nil }
                called |= 1 << UInt64(value)
                allMissing = false
            }
            if index == count { break }
            let separator = bytes[index]
            guard separator == UInt8(ascii: "|") || separator == UInt8(ascii: "/") else { return nil }
            index += 1
        }
        return Genotype(calledAlleles: called, isAllMissing: allMissing)
    }

    /// Support of ALT `allele` (1-based) in `sample` when `AD` (Number=R) gives it, as the
    /// general reader's first case computes it; `nil` in every other case.
    func support(_ record: VCFRecord, sample: Int, allele: Int, alternates: Int) -> Support? {
        guard alleleDepthsPerAllele, alleleDepthIndex >= 0 else { return nil }
        return record.withSampleColumn(sample) { column in
            support(column, at: locate(column), allele: allele, alternates: alternates)
        } ?? nil
    }

    /// ``support(_:sample:allele:alternates:)`` on a located sample column.
    ///
    /// Reads the located fields through a pointer, one pass each: most values are a few plain
    /// digits, converted inline; anything else (a sign, a long number) goes through
    /// `VCFByteParsing.integer`, as in the general reader.
    func support(_ column: UnsafeRawBufferPointer, at located: Located, allele: Int, alternates: Int)
        -> Support?
    {
        guard alleleDepthsPerAllele, alleleDepthIndex >= 0, let base = column.baseAddress else { return nil }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        // FORMAT/DP: its first value; `.` is unknown, anything else unparsable is for the general reader.
        var formatDepth: Int?
        if let range = located.depth {
            var end = range.lowerBound
            while end < range.upperBound && bytes[end] != 44 { end += 1 }
            switch Self.integerValue(bytes, from: range.lowerBound, to: end) {
            case .value(let number): formatDepth = number
            case .missing: break
            case .other: return nil
            }
        }
        guard let range = located.alleleDepths else { return nil }
        var sum = 0
        var alt: Int?
        var position = 0
        var start = range.lowerBound
        while true {
            var end = start
            while end < range.upperBound && bytes[end] != 44 { end += 1 }
            switch Self.integerValue(bytes, from: start, to: end) {
            case .value(let number):
                // A sum beyond `Int.max` is for the general reader, which reports it.
                let (next, overflow) = sum.addingReportingOverflow(number)
                if overflow { return nil }
                sum = next
                if position == allele { alt = number }
            case .missing: break
            case .other: return nil
            }
            position += 1
            if end == range.upperBound { break }
            start = end + 1
        }
        guard position == alternates + 1, let alt else { return nil }
        // `AF`, then Mutect's `FA`, as the general reader tries them.
        var vaf: Double?
        switch fraction(column, located.fraction, type: fractionType, allele, alternates) {
        case nil: return nil
        case .some(let value?): vaf = value
        case .some(nil):
            switch fraction(column, located.mutectFraction, type: mutectFractionType, allele, alternates) {
            case nil: return nil
            case .some(let value): vaf = value
            }
        }
        let statesFraction = vaf != nil
        if vaf == nil, sum > 0 { vaf = Double(alt) / Double(sum) }
        return Support(
            depth: formatDepth ?? sum, altDepth: alt, vaf: vaf,
            fieldsBesideAlleleDepths: (formatDepth != nil, statesFraction))
    }

    /// An integer field or list element, as the general reader takes it.
    enum IntegerValue {
        case value(Int)
        /// `.`
        case missing
        /// Not an integer (the general reader reports it).
        case other
    }

    /// The integer in `bytes[start..<end]`: up to 18 plain digits are read here, anything else
    /// by `VCFByteParsing.integer` (signs, overflow), so the result is the general reader's.
    @inline(__always)
    static func integerValue(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> IntegerValue {
        let length = end - start
        if length > 0 && length <= 18 {
            var value = 0
            var index = start
            while index < end {
                let digit = Int(bytes[index]) &- 48
                if digit < 0 || digit > 9 { break }
                value = value &* 10 &+ digit
                index += 1
            }
            if index == end { return .value(value) }
            if length == 1 && bytes[start] == UInt8(ascii: ".") { return .missing }
        }
        let piece = UnsafeRawBufferPointer(start: bytes + start, count: length)
        return VCFByteParsing.integer(piece).map { .value($0) } ?? .other
    }

    /// The allele's value of a located FORMAT field (declared `type`): `.some(nil)` when the
    /// field is not read, absent or missing; `nil` when the general reader must decide.
    private func fraction(
        _ column: UnsafeRawBufferPointer, _ range: Range<Int>?, type: VCFValueType??, _ allele: Int,
        _ alternates: Int
    ) -> Double?? {
        guard case .some(let declared) = type else { return nil }
        guard let declared, let range else { return .some(nil) }
        return Self.fraction(
            UnsafeRawBufferPointer(rebasing: column[range]), type: declared, allele: allele,
            alternates: alternates)
    }

    /// The allele's value of a Number=A list: `.some(nil)` when missing, `nil` when the list
    /// has the wrong length or the value does not parse (the general reader's errors).
    private static func fraction(
        _ value: UnsafeRawBufferPointer, type: VCFValueType, allele: Int, alternates: Int
    ) -> Double?? {
        if VCFByteParsing.isMissing(value) { return .some(nil) }
        // One pass: the allele's piece, and the number of pieces.
        var pieces = 1
        var pieceStart = 0
        var chosen = 0..<value.count
        for index in 0..<value.count where value[index] == 44 {
            if pieces == allele { chosen = pieceStart..<index }
            pieces += 1
            pieceStart = index + 1
        }
        if pieces == allele { chosen = pieceStart..<value.count }
        guard pieces == alternates, allele >= 1, allele <= pieces else { return nil }
        let piece = UnsafeRawBufferPointer(rebasing: value[chosen])
        if VCFByteParsing.isMissing(piece) { return .some(nil) }
        switch type {
        case .integer: return VCFByteParsing.integer(piece).map { .some(Double($0)) }
        default: return VCFByteParsing.float(piece).map { .some($0) }
        }
    }
}
