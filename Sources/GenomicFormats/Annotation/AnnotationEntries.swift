#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entries of one annotation INFO value (`CSQ=…`, `ANN=…`), split lazily.
///
/// Nothing is parsed until iterated; each entry is a view of its bytes. The view borrows `value`
/// and is valid only as long as those bytes are.
///
/// Entries are separated by `,`. A comma-separated piece that holds no `|` (when the schema has
/// several fields) is not an entry but the continuation of the previous entry's last field: VEP
/// plugins such as LOFTEE write unescaped commas inside a value (`LoF_info`). An entry with fewer
/// fields than the header declares is tolerated: the missing trailing fields read as absent.
public struct AnnotationEntries: Sequence {
    /// The schema from the header.
    public let schema: AnnotationSchema
    /// The INFO value (without `TAG=`).
    public let value: UnsafeRawBufferPointer

    /// A view of `value`; an empty value or `.` has no entries.
    public init(_ value: UnsafeRawBufferPointer, schema: AnnotationSchema) {
        self.schema = schema
        let missing = value.isEmpty || (value.count == 1 && value[0] == 0x2E)
        self.value = missing ? UnsafeRawBufferPointer(start: nil, count: 0) : value
    }

    /// How many entries there are (scans the value).
    public var count: Int {
        var total = 0
        var iterator = makeIterator()
        while iterator.next() != nil { total += 1 }
        return total
    }

    /// Whether there is no entry.
    public var isEmpty: Bool {
        var iterator = makeIterator()
        return iterator.next() == nil
    }

    public func makeIterator() -> Iterator { Iterator(schema: schema, value: value) }

    /// Yields each entry in order.
    public struct Iterator: IteratorProtocol {
        let schema: AnnotationSchema
        let value: UnsafeRawBufferPointer
        var position = 0

        public mutating func next() -> AnnotationEntry? {
            guard let base = value.baseAddress, position <= value.count, !value.isEmpty else { return nil }
            let start = position
            var end = Self.pieceEnd(base, from: start, count: value.count)
            if schema.fieldNames.count > 1 {
                // Glue pieces without a `|` onto this entry: they are commas inside its last field.
                while end < value.count {
                    let nextStart = end + 1
                    let nextEnd = Self.pieceEnd(base, from: nextStart, count: value.count)
                    if memchr(base + nextStart, 0x7C, nextEnd - nextStart) != nil { break }
                    end = nextEnd
                }
            }
            position = end + 1
            return AnnotationEntry(UnsafeRawBufferPointer(rebasing: value[start..<end]), schema: schema)
        }

        @inline(__always)
        static func pieceEnd(_ base: UnsafeRawPointer, from start: Int, count: Int) -> Int {
            guard start < count, let comma = memchr(base + start, 0x2C, count - start) else { return count }
            return base.distance(to: UnsafeRawPointer(comma))
        }
    }
}
