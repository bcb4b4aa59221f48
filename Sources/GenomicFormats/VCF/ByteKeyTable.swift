#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small open-addressing hash table from byte strings to indices, so a key read from a record
/// (e.g. `DP` in the INFO column) can be resolved to its header declaration without creating a
/// `String`. Built once per header; lookups allocate nothing.
struct ByteKeyTable: Sendable {
    private var keys: [[UInt8]] = []
    private var values: [Int] = []
    /// Slot → index into `keys`, or -1 when empty. Power-of-two sized.
    private var slots: [Int32] = Array(repeating: -1, count: 16)

    init() {}

    init(_ entries: [(String, Int)]) {
        for (key, value) in entries { insert(key, value) }
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Adds `key` → `value`; an existing key keeps its first value.
    mutating func insert(_ key: String, _ value: Int) {
        let bytes = Array(key.utf8)
        if bytes.withUnsafeBytes({ lookup($0) }) != nil { return }
        if (keys.count + 1) * 2 > slots.count { grow() }
        keys.append(bytes)
        values.append(value)
        place(keys.count - 1)
    }

    private mutating func place(_ keyIndex: Int) {
        let mask = slots.count - 1
        var slot = keys[keyIndex].withUnsafeBytes { Int(truncatingIfNeeded: Self.hash($0)) } & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(keyIndex)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for index in keys.indices { place(index) }
    }

    /// The value stored for `bytes`, or `nil`.
    @inline(__always)
    func lookup(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        while true {
            let keyIndex = Int(slots[slot])
            if keyIndex < 0 { return nil }
            let matches = keys[keyIndex].withUnsafeBytes { key in
                key.count == bytes.count
                    && (key.count == 0 || memcmp(key.baseAddress!, bytes.baseAddress!, key.count) == 0)
            }
            if matches { return values[keyIndex] }
            slot = (slot + 1) & mask
        }
    }

    var count: Int { keys.count }
}
