#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Allocation-free parsing of VCF values straight from the bytes of a line.
///
/// All functions take an `UnsafeRawBufferPointer` that the caller keeps valid for the duration of
/// the call (for example the buffer handed to a `withInfoValue(forKey:_:)` closure).
public enum VCFByteParsing {
    /// Parses a base-10 integer (optional `+`/`-` sign, then digits only), or `nil` when the bytes
    /// are not exactly one integer that fits in `Int`.
    @inlinable
    public static func integer(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        let count = bytes.count
        if count == 0 { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        } else if bytes[0] == UInt8(ascii: "+") {
            index = 1
        }
        if index == count { return nil }
        var value = 0
        while index < count {
            let digit = Int(bytes[index]) &- 48
            if digit < 0 || digit > 9 { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) =
                negative
                ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// 10^exponent for 0 ≤ exponent ≤ 15, exact as a `Double` (a constant table, no lazy global).
    @inline(__always)
    static func exactPowerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: return 1
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        default: return 1e15
        }
    }

    /// Parses a floating-point number (decimal or scientific notation, `NaN`, `Inf`, `-Inf`), or
    /// `nil` when the bytes are not exactly one number.
    ///
    /// Short plain decimals (the common case: `0.25`, `13.7`) take an exact, correctly rounded
    /// fast path; anything else goes through `strtod` on a stack copy.
    public static func float(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let count = bytes.count
        if count == 0 { return nil }
        // Fast path: [-+]?digits[.digits] with at most 15 significant digits.
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        } else if bytes[0] == UInt8(ascii: "+") {
            index = 1
        }
        var mantissa = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var fastPath = index < count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                if seenPoint {
                    fastPath = false
                    break
                }
                seenPoint = true
            } else if byte >= 48 && byte <= 57 {
                mantissa = mantissa &* 10 &+ Int(byte &- 48)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else {
                fastPath = false
                break
            }
            index += 1
        }
        if fastPath && digits > 0 && digits <= 15 {
            let magnitude = Double(mantissa) / exactPowerOfTen(fractionDigits)
            return negative ? -magnitude : magnitude
        }
        return slowFloat(bytes)
    }

    private static func slowFloat(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let count = bytes.count
        // strtod skips leading white space and accepts hexadecimal; VCF allows neither.
        let first = bytes[0]
        if first == 0x20 || first == 0x09 || count > 400 { return nil }
        for byte in bytes where byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X") { return nil }
        return withUnsafeTemporaryAllocation(byteCount: count + 1, alignment: 1) { scratch in
            scratch.copyMemory(from: bytes)
            scratch[count] = 0
            let start = scratch.baseAddress!.assumingMemoryBound(to: CChar.self)
            var end: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(start, &end)
            guard let end, end - start == count else { return nil }
            return value
        }
    }

    /// Whether the bytes are the VCF missing value `.`.
    @inlinable
    public static func isMissing(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count == 1 && bytes[0] == UInt8(ascii: ".")
    }

    /// Calls `body` with each `separator`-delimited piece of `bytes` (an empty buffer yields one
    /// empty piece, as in the VCF grammar).
    @inlinable
    public static func forEachPiece(
        of bytes: UnsafeRawBufferPointer, separatedBy separator: UInt8,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        var start = 0
        let count = bytes.count
        var index = 0
        while index < count {
            if bytes[index] == separator {
                try body(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
            }
            index += 1
        }
        try body(UnsafeRawBufferPointer(rebasing: bytes[start..<count]))
    }

    /// The `n`-th (0-based) `separator`-delimited piece of `bytes`, or `nil` when there are fewer.
    @inlinable
    public static func piece(
        _ n: Int, of bytes: UnsafeRawBufferPointer, separatedBy separator: UInt8
    ) -> UnsafeRawBufferPointer? {
        var start = 0
        var remaining = n
        let count = bytes.count
        var index = 0
        while index < count {
            if bytes[index] == separator {
                if remaining == 0 { return UnsafeRawBufferPointer(rebasing: bytes[start..<index]) }
                remaining -= 1
                start = index + 1
            }
            index += 1
        }
        return remaining == 0 ? UnsafeRawBufferPointer(rebasing: bytes[start..<count]) : nil
    }

    /// Whether the bytes contain a `%` (so percent-decoding would change them).
    @inlinable
    public static func containsPercent(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        return memchr(base, Int32(UInt8(ascii: "%")), bytes.count) != nil
    }

    /// Decodes the bytes as UTF-8 text, replacing `%XX` escapes (VCF 4.3+) when `percentDecode`
    /// is set. A `%` not followed by two hexadecimal digits is kept as is.
    public static func string(_ bytes: UnsafeRawBufferPointer, percentDecode: Bool) -> String {
        if !percentDecode || !containsPercent(bytes) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
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

    @usableFromInline
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 65...70: return byte - 55
        case 97...102: return byte - 87
        default: return nil
        }
    }

    /// Whether two byte strings are equal.
    ///
    /// Up to 16 bytes are compared inline with at most two overlapping loads a side (most byte
    /// strings compared per record are short: FILTER, FORMAT, gene symbols, consequence terms),
    /// longer ones with `memcmp`.
    @inlinable
    public static func equals(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        let count = left.count
        guard count == right.count else { return false }
        guard count > 0, let leftBase = left.baseAddress, let rightBase = right.baseAddress else {
            return true
        }
        @inline(__always)
        func same<Word: FixedWidthInteger>(_: Word.Type, at offset: Int) -> Bool {
            leftBase.loadUnaligned(fromByteOffset: offset, as: Word.self)
                == rightBase.loadUnaligned(fromByteOffset: offset, as: Word.self)
        }
        switch count {
        case 1...3:
            // Bytes 0, count / 2 and count - 1 cover every byte of 1 to 3.
            return same(UInt8.self, at: 0) && same(UInt8.self, at: count >> 1)
                && same(UInt8.self, at: count - 1)
        case 4...7: return same(UInt32.self, at: 0) && same(UInt32.self, at: count - 4)
        case 8...16: return same(UInt64.self, at: 0) && same(UInt64.self, at: count - 8)
        default: return memcmp(leftBase, rightBase, count) == 0
        }
    }

    /// Whether the bytes equal the UTF-8 of `key`, without allocating.
    @inlinable
    public static func equals(_ bytes: UnsafeRawBufferPointer, _ key: String) -> Bool {
        var key = key
        return key.withUTF8 { equals(bytes, UnsafeRawBufferPointer($0)) }
    }

    /// Whether the bytes equal the UTF-8 of a literal: no string storage is retained or released
    /// (the `String` overload bridges its argument once per call, which shows in per-record code).
    @inlinable
    public static func equals(_ bytes: UnsafeRawBufferPointer, literal: StaticString) -> Bool {
        equals(bytes, UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
