#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Counts occurrences of byte strings (e.g. consequence terms) without allocating for terms
/// already seen; a `String` is created once per distinct term.
///
/// The distinct terms are kept back to back in one byte array and found through an
/// open-addressing table hashed on the length and the first and last eight bytes; those two
/// words are compared first, so a term of up to 16 bytes is matched without `memcmp`.
struct ByteStringCounter {
    /// The distinct terms' bytes, back to back.
    private var storage: [UInt8] = []
    /// Start of each distinct term in `storage`; its end is the next start (or `storage.count`).
    private var starts: [Int] = []
    /// Slot → index of a distinct term, or -1 when empty. Power-of-two sized, at most half full.
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private(set) var names: [String] = []
    private(set) var counts: [Int] = []

    /// The first and last eight bytes of each distinct term (for shorter terms: the bytes
    /// packed little-endian, and 0), compared before anything else.
    private var heads: [UInt64] = []
    private var tails: [UInt64] = []

    /// The first and last eight bytes of `bytes` as words (short terms: packed, and 0).
    @inline(__always)
    static func ends(_ bytes: UnsafeRawBufferPointer) -> (head: UInt64, tail: UInt64) {
        let count = bytes.count
        if count >= 8 {
            let base = bytes.baseAddress!
            return (
                UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)),
                UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            )
        }
        var packed: UInt64 = 0
        for (offset, byte) in bytes.enumerated() { packed |= UInt64(byte) << (8 * UInt64(offset)) }
        return (packed, 0)
    }

    @inline(__always)
    static func hash(head: UInt64, tail: UInt64, count: Int) -> Int {
        var mixed = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15 ^ head
        mixed = (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9 ^ tail
        mixed = (mixed ^ (mixed >> 31)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }

    /// Counts one occurrence of `bytes`.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        let (head, tail) = Self.ends(bytes)
        let mask = slots.count - 1
        var slot = Self.hash(head: head, tail: tail, count: count) & mask
        while true {
            let term = Int(slots[slot])
            if term < 0 { break }
            if heads[term] == head && tails[term] == tail {
                let start = starts[term]
                let end = term + 1 < starts.count ? starts[term + 1] : storage.count
                // Terms of at most 16 bytes are wholly covered by their first and last words.
                if end - start == count
                    && (count <= 16
                        || storage.withUnsafeBytes { stored in
                            memcmp(stored.baseAddress! + start + 8, bytes.baseAddress! + 8, count - 16) == 0
                        })
                {
                    counts[term] += 1
                    return
                }
            }
            slot = (slot + 1) & mask
        }
        // A new term.
        let term = starts.count
        starts.append(storage.count)
        storage.append(contentsOf: bytes)
        heads.append(head)
        tails.append(tail)
        names.append(String(decoding: bytes, as: UTF8.self))
        counts.append(1)
        if starts.count * 2 > slots.count {
            rebuild(slotCount: slots.count * 2)
        } else {
            slots[slot] = Int32(term)
        }
    }

    private mutating func rebuild(slotCount: Int) {
        slots = Array(repeating: -1, count: slotCount)
        let mask = slotCount - 1
        for term in starts.indices {
            let start = starts[term]
            let end = term + 1 < starts.count ? starts[term + 1] : storage.count
            var slot = Self.hash(head: heads[term], tail: tails[term], count: end - start) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(term)
        }
    }

    /// Term → count.
    var dictionary: [String: Int] {
        var result: [String: Int] = [:]
        for (name, count) in zip(names, counts) { result[name, default: 0] += count }
        return result
    }
}
