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

    /// Whether `bytes` spell one of the strings, or join several symbols with `&` (SnpEff's
    /// `ALK&EML4` for the genes of a fusion) of which one is in the set.
    func containsSymbolOrPart(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if contains(bytes) { return true }
        var start = 0
        var found = false
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "&") {
            found = found || contains(UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
            start = offset + 1
        }
        // No `&`: the whole was already looked up.
        return found || (start > 0 && contains(UnsafeRawBufferPointer(rebasing: bytes[start...])))
    }
}

/// Memoises ``VariantClass/classify(consequences:stopLostIsTruncating:)`` by the raw bytes of a
/// consequence field (`missense_variant&splice_region_variant`), with the field's terms: a file
/// holds few distinct combinations, so after warm-up no string is built per record, and the
/// alterations kept share one array of terms per combination rather than each holding its own.
struct ConsequenceClassCache {
    let stopLostIsTruncating: Bool
    private var entries = ByteStringTable<Int>()
    private var classes: [VariantClass] = []
    private var termLists: [[String]] = []

    init(stopLostIsTruncating: Bool) {
        self.stopLostIsTruncating = stopLostIsTruncating
    }

    /// The class of a consequence field.
    mutating func variantClass(of bytes: UnsafeRawBufferPointer) -> VariantClass {
        classes[index(of: bytes)]
    }

    /// The class of a consequence field and its non-empty `&`-separated terms.
    mutating func classAndTerms(of bytes: UnsafeRawBufferPointer) -> (VariantClass, [String]) {
        let index = index(of: bytes)
        return (classes[index], termLists[index])
    }

    private mutating func index(of bytes: UnsafeRawBufferPointer) -> Int {
        if let known = entries.value(for: bytes) { return known }
        // Cut at `&` bytes, as `AnnotationEntry.consequences` cuts them (a `String` split would
        // keep `&` followed by a combining mark as one character).
        let terms = AnnotationTerms(AnnotationBytes(bytes)).strings
        classes.append(VariantClass.classify(consequences: terms, stopLostIsTruncating: stopLostIsTruncating))
        termLists.append(terms)
        entries.set(classes.count - 1, for: bytes)
        return classes.count - 1
    }
}
