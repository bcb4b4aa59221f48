import GenomicFormats

/// A small hash table from byte strings (gene symbols, consequence fields) to values, looked up
/// with raw bytes and no allocation, retain or SipHash: the VCF loader asks it about every
/// annotation entry.
///
/// Open addressing with linear probing over a power-of-two slot array; keys live back to back in
/// one byte arena and are compared with `VCFByteParsing.equals` after their hashes match.
struct ByteStringTable<Value> {
    /// Entry index + 1 per slot (0: empty).
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var values: [Value] = []
    private var arena: [UInt8] = []

    init() { slots = [Int32](repeating: 0, count: 16) }

    var count: Int { values.count }

    /// The value stored for `bytes`, or `nil`.
    func value(for bytes: UnsafeRawBufferPointer) -> Value? {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { return nil }
            if hashes[entry] == hash && lengths[entry] == bytes.count && equals(entry, bytes) {
                return values[entry]
            }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `bytes` (replacing an earlier value).
    mutating func set(_ value: Value, for bytes: UnsafeRawBufferPointer) {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { break }
            if hashes[entry] == hash && lengths[entry] == bytes.count && equals(entry, bytes) {
                values[entry] = value
                return
            }
            slot = (slot + 1) & mask
        }
        hashes.append(hash)
        starts.append(arena.count)
        lengths.append(bytes.count)
        arena.append(contentsOf: bytes)
        values.append(value)
        slots[slot] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
    }

    /// Whether entry `entry`'s key (of `bytes.count` bytes: the caller compared the lengths)
    /// is `bytes`, compared a word at a time.
    @inline(__always)
    private func equals(_ entry: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let length = bytes.count
        if length == 0 { return true }
        let start = starts[entry]
        return arena.withUnsafeBytes { arena in
            let stored = arena.baseAddress! + start
            let given = bytes.baseAddress!
            var index = 0
            while index + 8 <= length {
                if stored.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    != given.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                {
                    return false
                }
                index += 8
            }
            while index < length {
                if stored.load(fromByteOffset: index, as: UInt8.self)
                    != given.load(fromByteOffset: index, as: UInt8.self)
                {
                    return false
                }
                index += 1
            }
            return true
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for entry in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(entry + 1)
        }
        slots = bigger
    }

    /// Eight bytes at a time, each word mixed in with a multiply, then a final mix so that the
    /// low bits (the slot) depend on every byte. Symbols and consequence fields are 4–40 bytes:
    /// one to five words, where a byte-at-a-time hash took 4–40 dependent multiplies. A key of
    /// eight bytes or more ends with its last eight bytes (overlapping the word before); a
    /// shorter one is one zero-padded word. (The length is mixed in first, so keys that differ
    /// only in length differ.)
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return mix(hash) }
        let count = bytes.count
        if count < 8 {
            var word: UInt64 = 0
            for index in 0..<count {
                word |= UInt64(base.load(fromByteOffset: index, as: UInt8.self)) << UInt64(8 * index)
            }
            return mix((hash ^ word) &* 0x9E37_79B9_7F4A_7C15)
        }
        var index = 0
        while index + 8 < count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            index += 8
        }
        let last = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        return mix((hash ^ last) &* 0x9E37_79B9_7F4A_7C15)
    }

    @inline(__always)
    private static func mix(_ hash: UInt64) -> UInt64 {
        let mixed = hash ^ (hash >> 31)
        return (mixed &* 0xbf58_476d_1ce4_e5b9) ^ (mixed >> 27)
    }
}

extension ByteStringTable: Sendable where Value: Sendable {}
