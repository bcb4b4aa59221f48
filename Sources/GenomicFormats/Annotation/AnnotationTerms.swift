#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `&`-separated terms of one field, such as VEP's and SnpEff's consequence list
/// (`splice_region_variant&intron_variant`), iterated without allocation.
public struct AnnotationTerms: Sequence {
    /// The whole field.
    public let field: AnnotationBytes

    public init(_ field: AnnotationBytes) {
        self.field = field
    }

    /// Whether one of the terms equals `term` exactly.
    public func contains(_ term: String) -> Bool {
        for candidate in self where candidate.equals(term) { return true }
        return false
    }

    /// The terms as strings (allocates).
    public var strings: [String] { map(\.string) }

    public func makeIterator() -> Iterator { Iterator(bytes: field.bytes) }

    /// Yields each non-empty term in order.
    public struct Iterator: IteratorProtocol {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        public mutating func next() -> AnnotationBytes? {
            guard let base = bytes.baseAddress else { return nil }
            while position < bytes.count {
                let start = position
                let end: Int
                if let ampersand = memchr(base + start, 0x26, bytes.count - start) {
                    end = base.distance(to: UnsafeRawPointer(ampersand))
                } else {
                    end = bytes.count
                }
                position = end + 1
                if end > start {
                    return AnnotationBytes(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                }
            }
            return nil
        }
    }
}
