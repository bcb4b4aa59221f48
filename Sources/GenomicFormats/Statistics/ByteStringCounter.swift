/// Counts occurrences of byte strings (e.g. consequence terms) without allocating for terms
/// already seen; a `String` is created once per distinct term.
struct ByteStringCounter {
    private var table = ByteKeyTable()
    private(set) var names: [String] = []
    private(set) var counts: [Int] = []

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        if let index = table.lookup(bytes) {
            counts[index] += 1
            return
        }
        let name = String(decoding: bytes, as: UTF8.self)
        table.insert(name, names.count)
        names.append(name)
        counts.append(1)
    }

    /// Term → count.
    var dictionary: [String: Int] {
        var result: [String: Int] = [:]
        for (name, count) in zip(names, counts) { result[name, default: 0] += count }
        return result
    }
}
