#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    public func infoValueBounds(forKey key: UnsafeRawBufferPointer) -> Range<Int>? {
        let bounds = bounds(7)
        var index = bounds.lowerBound
        let end = bounds.upperBound
        if end - index == 1 && bytes[index] == UInt8(ascii: ".") { return nil }
        while index < end {
            // The key runs to the first `=` or `;`; a value (often long: CSQ, ANN) is skipped with
            // memchr rather than byte by byte.
            var keyEnd = index
            while keyEnd < end && bytes[keyEnd] != UInt8(ascii: ";") && bytes[keyEnd] != UInt8(ascii: "=") {
                keyEnd += 1
            }
            let hasValue = keyEnd < end && bytes[keyEnd] == UInt8(ascii: "=")
            var entryEnd = keyEnd
            if hasValue {
                let valueStart = keyEnd + 1
                if valueStart < end, let semicolon = memchr(bytes + valueStart, 0x3B, end - valueStart) {
                    entryEnd = UnsafeRawPointer(bytes).distance(to: UnsafeRawPointer(semicolon))
                } else {
                    entryEnd = end
                }
            }
            if keyEnd - index == key.count
                && (key.count == 0 || memcmp(bytes + index, key.baseAddress!, key.count) == 0)
            {
                return hasValue ? (keyEnd + 1)..<entryEnd : entryEnd..<entryEnd
            }
            index = entryEnd + 1
        }
        return nil
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
