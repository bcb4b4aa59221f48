#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A borrowed run of bytes inside an annotation value (one entry field, one consequence term).
///
/// It points into the caller's buffer and is valid only as long as that buffer is (for a line from
/// `LineReader`, until the next `nextLine()`); nothing is copied until `string` is asked for.
public struct AnnotationBytes {
    /// The bytes, without any separator.
    public let bytes: UnsafeRawBufferPointer

    /// Wraps `bytes` without copying.
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Whether the value is empty (VEP and SnpEff write a missing value as nothing between separators).
    public var isEmpty: Bool { bytes.isEmpty }

    /// The number of bytes.
    public var count: Int { bytes.count }

    /// The bytes as a `String` (allocates).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes as a `String` with `%XX` escapes decoded (VEP writes `p.Ala376%3D` for `p.Ala376=`).
    /// A `%` not followed by two hexadecimal digits is kept as written.
    public var percentDecoded: String {
        guard bytes.contains(0x25) else { return string }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x25, index + 2 < bytes.count,
                let high = Self.hexValue(bytes[index + 1]), let low = Self.hexValue(bytes[index + 2])
            {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The value as a decimal integer (optional leading `-` or `+`), or `nil` when it is empty or
    /// anything but digits.
    public var integer: Int? { Self.parseInteger(bytes) }

    /// Whether the bytes equal `text`'s UTF-8, without allocating for native strings.
    public func equals(_ text: String) -> Bool {
        let utf8 = text.utf8
        if let result = utf8.withContiguousStorageIfAvailable({ storage -> Bool in
            guard storage.count == bytes.count else { return false }
            guard let left = bytes.baseAddress, let right = storage.baseAddress else { return true }
            return memcmp(left, right, storage.count) == 0
        }) {
            return result
        }
        return bytes.elementsEqual(utf8)
    }

    /// Whether the bytes equal a literal's UTF-8 (no string storage touched: for per-record code).
    @inlinable
    public func equals(literal: StaticString) -> Bool {
        VCFByteParsing.equals(bytes, literal: literal)
    }

    /// Whether the bytes contain `text`'s UTF-8 anywhere.
    public func contains(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty else { return true }
        guard needle.count <= bytes.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            var matched = true
            for offset in 1..<needle.count where bytes[start + offset] != needle[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    /// The sub-range `range` of these bytes.
    func slice(_ range: Range<Int>) -> AnnotationBytes {
        AnnotationBytes(UnsafeRawBufferPointer(rebasing: bytes[range]))
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    static func parseInteger(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var index = 0
        var negative = false
        if bytes[0] == 0x2D || bytes[0] == 0x2B {
            negative = bytes[0] == 0x2D
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = Int(bytes[index]) &- 0x30
            guard digit >= 0 && digit <= 9 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }
}
