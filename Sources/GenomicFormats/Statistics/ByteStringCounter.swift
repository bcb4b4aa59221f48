#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Counts occurrences of byte strings (e.g. consequence terms) without allocating for terms
/// already seen; a `String` is created once per distinct term.
///
/// The distinct terms are kept back to back in one byte array and found through an
/// open-addressing table hashed on the length and the first and last eight bytes, so a lookup
/// costs two word loads, a multiply and one `memcmp`.
struct ByteStringCounter {
    /// The distinct terms' bytes, back to back.
    private var storage: [UInt8] = []
    /// Start of each distinct term in `storage`; its end is the next start (or `storage.count`).
    private var starts: [Int] = []
    /// Slot → index of a distinct term, or -1 when empty. Power-of-two sized, at most half full.
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private(set) var names: [String] = []
    private(set) var counts: [Int] = []

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        let count = bytes.count
        var mixed = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        if count >= 8 {
            let base = bytes.baseAddress!
            mixed ^= UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
            mixed = (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
            mixed ^= UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        } else {
            var packed: UInt64 = 0
            for (offset, byte) in bytes.enumerated() { packed |= UInt64(byte) << (8 * UInt64(offset)) }
            mixed ^= packed
        }
        mixed = (mixed ^ (mixed >> 31)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }

    /// Counts one occurrence of `bytes`.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        let mask = slots.count - 1
        var slot = Self.hash(bytes) & mask
        while true {
            let term = Int(slots[slot])
            if term < 0 { break }
            let start = starts[term]
            let end = term + 1 < starts.count ? starts[term + 1] : storage.count
            if end - start == bytes.count {
                let same = storage.withUnsafeBytes { stored in
                    bytes.count == 0
                        || memcmp(stored.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
                }
                if same {
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
            var slot =
                storage.withUnsafeBytes { Self.hash(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
                & mask
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
