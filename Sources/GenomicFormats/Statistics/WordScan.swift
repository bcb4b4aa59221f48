/// Word-at-a-time (eight bytes per step) delimiter scans over raw line bytes, for the statistics
/// pass. A byte equal to the searched value gets its high bit set in a mask, exactly (no carries
/// between bytes), so the masks can be counted as well as searched.
enum WordScan {
    static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// A word with every byte equal to `byte`.
    @inline(__always)
    static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The high bit of each byte of `word` that equals the byte repeated in `pattern`.
    @inline(__always)
    static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// The number of marked bytes in a `matches` mask (a multiply instead of `popcnt`, which
    /// the baseline x86-64 target lacks).
    @inline(__always)
    static func markCount(_ marks: UInt64) -> Int {
        Int(truncatingIfNeeded: ((marks >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    @inline(__always)
    static func load(_ bytes: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes + offset).loadUnaligned(as: UInt64.self))
    }

    /// Finds the first `stop` byte in `bytes[start..<limit]` (or `limit`) and counts the commas
    /// before it: the end and the number of items of a comma-separated list.
    @inline(__always)
    static func listEnd(
        _ bytes: UnsafePointer<UInt8>, from start: Int, limit: Int, stop: UInt8
    ) -> (end: Int, commas: Int) {
        let stopPattern = broadcast(stop)
        let commaPattern = broadcast(UInt8(ascii: ","))
        var index = start
        var commas = 0
        while index + 8 <= limit {
            let word = load(bytes, index)
            let stops = matches(word, stopPattern)
            let commaMarks = matches(word, commaPattern)
            if stops != 0 {
                let below = (stops & (0 &- stops)) &- 1
                commas += markCount(commaMarks & below)
                return (index + stops.trailingZeroBitCount >> 3, commas)
            }
            commas += markCount(commaMarks)
            index += 8
        }
        while index < limit {
            let byte = bytes[index]
            if byte == stop { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            index += 1
        }
        return (index, commas)
    }

    /// The index of the first byte equal to `a` or `b` in `bytes[start..<limit]`, or `limit`.
    @inline(__always)
    static func firstOf(
        _ a: UInt8, _ b: UInt8, in bytes: UnsafePointer<UInt8>, from start: Int, limit: Int
    ) -> Int {
        let patternA = broadcast(a)
        let patternB = broadcast(b)
        var index = start
        while index + 8 <= limit {
            let word = load(bytes, index)
            let marks = matches(word, patternA) | matches(word, patternB)
            if marks != 0 { return index + marks.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < limit && bytes[index] != a && bytes[index] != b { index += 1 }
        return index
    }
}
