import CVectorScan

/// A record's line bytes and column offsets, for scanners that read several fields of a record
/// in one pass instead of one accessor call per field (see ``VCFRecord/withRawLine(_:)``).
///
/// Valid only inside the closure that received it.
@frozen
public struct VCFRawLine {
    /// The line's bytes (no line terminator).
    public let bytes: UnsafePointer<UInt8>
    /// The number of bytes of the line.
    public let count: Int
    @usableFromInline let tabs: UnsafePointer<Int32>
    /// The number of columns (tab-separated).
    public let columnCount: Int

    @inlinable
    init(bytes: UnsafePointer<UInt8>, count: Int, tabs: UnsafePointer<Int32>, columnCount: Int) {
        self.bytes = bytes
        self.count = count
        self.tabs = tabs
        self.columnCount = columnCount
    }

    /// The byte offsets of column `column` (0 = CHROM … 7 = INFO, 8 = FORMAT, 9… samples);
    /// `column` must be below ``columnCount``.
    @inlinable @inline(__always)
    public func bounds(_ column: Int) -> Range<Int> {
        let start = column == 0 ? 0 : Int(tabs[column - 1]) + 1
        let end = column < columnCount - 1 ? Int(tabs[column]) : count
        return start..<end
    }

    /// The bytes of `range` (offsets in the line).
    @inlinable @inline(__always)
    public func buffer(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: bytes + range.lowerBound, count: range.count)
    }

    /// Finds `key` in INFO (column 7): the byte range of its value (empty for a flag), or `nil`
    /// when absent. The first entry with that key wins.
    ///
    /// One vector pass finds the entry (`CVectorScan`): a long value before it (CSQ, ANN) is not
    /// walked entry by entry.
    public func infoValueBounds(forKey key: UnsafeRawBufferPointer) -> Range<Int>? {
        let bounds = bounds(7)
        if bounds.count == 1 && bytes[bounds.lowerBound] == UInt8(ascii: ".") { return nil }
        var entryEnd = 0
        let found = oncomatch_find_key(
            bytes + bounds.lowerBound, bounds.count, key.baseAddress?.assumingMemoryBound(to: UInt8.self),
            key.count, UInt8(ascii: ";"), UInt8(ascii: "="), &entryEnd)
        guard found >= 0 else { return nil }
        let keyEnd = bounds.lowerBound + found + key.count
        let end = bounds.lowerBound + entryEnd
        let hasValue = keyEnd < end && bytes[keyEnd] == UInt8(ascii: "=")
        return hasValue ? (keyEnd + 1)..<end : end..<end
    }

    /// Where the value of INFO key `key` starts, with the rest of the INFO column after it:
    /// `start..<columnEnd`, the value's end being the first `;` in that range, for a caller that
    /// finds it in a pass over the value it makes anyway (``SeparatorMasks/mark(_:_:_:until:firstMask:secondMask:)``).
    /// An empty range at the key's end for a key without a value (a flag); `nil` when the
    /// column has no such key.
    public func infoValueStart(forKey key: UnsafeRawBufferPointer) -> Range<Int>? {
        let bounds = bounds(7)
        if bounds.count == 1 && bytes[bounds.lowerBound] == UInt8(ascii: ".") { return nil }
        let found = oncomatch_find_key(
            bytes + bounds.lowerBound, bounds.count, key.baseAddress?.assumingMemoryBound(to: UInt8.self),
            key.count, UInt8(ascii: ";"), UInt8(ascii: "="), nil)
        guard found >= 0 else { return nil }
        let keyEnd = bounds.lowerBound + found + key.count
        let hasValue = keyEnd < bounds.upperBound && bytes[keyEnd] == UInt8(ascii: "=")
        return hasValue ? (keyEnd + 1)..<bounds.upperBound : keyEnd..<keyEnd
    }
}

extension VCFRecord {
    /// Calls `body` with the record's line and column offsets.
    @inlinable
    public func withRawLine<R>(_ body: (VCFRawLine) throws -> R) rethrows -> R {
        if bytes.isEmpty {
            // A record never loaded: an empty line of one column.
            var byte: UInt8 = 0
            var tab: Int32 = 0
            return try withUnsafePointer(to: &byte) { byte in
                try withUnsafePointer(to: &tab) { tab in
                    try body(VCFRawLine(bytes: byte, count: 0, tabs: tab, columnCount: 1))
                }
            }
        }
        return try bytes.withUnsafeBufferPointer { line in
            try tabs.withUnsafeBufferPointer { tabs in
                try body(
                    VCFRawLine(
                        bytes: line.baseAddress!, count: length, tabs: tabs.baseAddress!,
                        columnCount: tabCount + 1))
            }
        }
    }
}
