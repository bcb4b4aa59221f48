import GenomicFormats

/// A set of short strings (gene symbols) that answers membership for raw UTF-8 bytes without
/// allocating: the hot path of the VCF loader asks it about every annotation entry's symbol.
struct ByteStringSet: Sendable {
    private var buckets: [UInt64: [[UInt8]]] = [:]

    init(_ strings: some Sequence<String>) {
        for string in strings {
            let bytes = Array(string.utf8)
            let hash = bytes.withUnsafeBytes(Self.hash)
            buckets[hash, default: []].append(bytes)
        }
    }

    /// Whether `bytes` spell one of the strings.
    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let candidates = buckets[Self.hash(bytes)] else { return false }
        return candidates.contains { candidate in
            candidate.count == bytes.count && candidate.withUnsafeBytes { $0.elementsEqual(bytes) }
        }
    }

    /// FNV-1a.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}

extension AnnotationEntry {
    /// Whether the entry's gene symbol is in `set` (no allocation).
    func symbol(in set: ByteStringSet) -> Bool {
        guard let symbol = self[.symbol] else { return false }
        return set.contains(symbol.bytes)
    }
}

/// Memoises ``VariantClass/classify(consequences:stopLostIsTruncating:)`` by the raw bytes of a
/// consequence field (`missense_variant&splice_region_variant`): a file holds few distinct
/// combinations, so after warm-up no string is built per record.
struct ConsequenceClassCache {
    let stopLostIsTruncating: Bool
    private var entries: [UInt64: [([UInt8], VariantClass)]] = [:]

    init(stopLostIsTruncating: Bool) {
        self.stopLostIsTruncating = stopLostIsTruncating
    }

    mutating func variantClass(of bytes: UnsafeRawBufferPointer) -> VariantClass {
        let hash = ByteStringSet.hash(bytes)
        if let candidates = entries[hash] {
            for (candidate, variantClass) in candidates
            where candidate.count == bytes.count && candidate.withUnsafeBytes({ $0.elementsEqual(bytes) }) {
                return variantClass
            }
        }
        let terms = String(decoding: bytes, as: UTF8.self).split(separator: "&")
        let variantClass = VariantClass.classify(
            consequences: terms, stopLostIsTruncating: stopLostIsTruncating)
        entries[hash, default: []].append((Array(bytes), variantClass))
        return variantClass
    }
}
