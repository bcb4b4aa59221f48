import GenomicFormats

/// A set of short strings (gene symbols) that answers membership for raw UTF-8 bytes without
/// allocating: the hot path of the VCF loader asks it about every annotation entry's symbol.
struct ByteStringSet: Sendable {
    private var table = ByteStringTable<Bool>()

    init(_ strings: some Sequence<String>) {
        for string in strings {
            let bytes = Array(string.utf8)
            bytes.withUnsafeBytes { table.set(true, for: $0) }
        }
    }

    /// Whether `bytes` spell one of the strings.
    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool { table.value(for: bytes) != nil }
}

/// Memoises ``VariantClass/classify(consequences:stopLostIsTruncating:)`` by the raw bytes of a
/// consequence field (`missense_variant&splice_region_variant`): a file holds few distinct
/// combinations, so after warm-up no string is built per record.
struct ConsequenceClassCache {
    let stopLostIsTruncating: Bool
    private var entries = ByteStringTable<VariantClass>()

    init(stopLostIsTruncating: Bool) {
        self.stopLostIsTruncating = stopLostIsTruncating
    }

    mutating func variantClass(of bytes: UnsafeRawBufferPointer) -> VariantClass {
        if let known = entries.value(for: bytes) { return known }
        let terms = String(decoding: bytes, as: UTF8.self).split(separator: "&")
        let variantClass = VariantClass.classify(
            consequences: terms, stopLostIsTruncating: stopLostIsTruncating)
        entries.set(variantClass, for: bytes)
        return variantClass
    }
}
