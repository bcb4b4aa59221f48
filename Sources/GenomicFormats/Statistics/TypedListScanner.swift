/// Validates a comma-separated list of typed VCF values in a single pass over its bytes,
/// stopping at a delimiter (`;` in INFO, `:` in a sample column). Used by the statistics pass,
/// where every value of a file is decoded; it agrees with `VCFByteParsing.integer`/`float`.
struct TypedListScanner {
    /// What one scan found.
    struct Result {
        /// Index of the delimiter (or `limit`) that ended the list.
        var end: Int
        /// Items in the list (`.` counts as one item).
        var items: Int
        /// Items that do not parse as the declared type.
        var invalid: Int
        /// The first invalid item, for error messages.
        var firstInvalid: Range<Int>?
        /// The first item as an integer (Integer lists only), when valid and not missing.
        var firstInteger: Int?
    }

    /// The common case of a numeric list, inlined into the caller: every item is plain digits
    /// (Integer: optional `-`, at most 18 digits; Float: optional `-`, at most 15 digits and one
    /// `.`). Returns the end, the number of items and the first item as an integer (Integer
    /// lists), or `nil` when any item needs the full `scan` (missing `.`, `+`, exponents,
    /// NaN/Inf, invalid bytes, other types) — whose result it then agrees with.
    @inline(__always)
    static func quickScan(
        _ bytes: UnsafePointer<UInt8>, from start: Int, limit: Int, stop: UInt8, type: VCFValueType
    ) -> (end: Int, items: Int, firstInteger: Int)? {
        let isInteger: Bool
        switch type {
        case .integer: isInteger = true
        case .float: isInteger = false
        default: return nil
        }
        var index = start
        var items = 0
        var first = 0
        while true {
            var negative = false
            if index < limit && bytes[index] == UInt8(ascii: "-") {
                negative = true
                index += 1
            }
            let digitsStart = index
            var value = 0
            var points = 0
            while index < limit {
                let byte = bytes[index]
                let digit = byte &- 48
                if digit < 10 {
                    value = value &* 10 &+ Int(digit)
                } else if byte == UInt8(ascii: ".") && !isInteger {
                    points += 1
                } else {
                    break
                }
                index += 1
            }
            let digits = index - digitsStart - points
            if digits == 0 || points > 1 || digits > (isInteger ? 18 : 15) { return nil }
            if items == 0 { first = negative ? -value : value }
            items += 1
            if index == limit || bytes[index] == stop { return (index, items, first) }
            if bytes[index] != UInt8(ascii: ",") { return nil }
            index += 1
        }
    }

    /// Scans from `start` up to `limit` or the first `stop` byte.
    @inline(__always)
    static func scan(
        _ bytes: UnsafePointer<UInt8>, from start: Int, limit: Int, stop: UInt8, type: VCFValueType
    ) -> Result {
        var result = Result(end: start, items: 0, invalid: 0, firstInvalid: nil, firstInteger: nil)
        var index = start
        while true {
            let itemStart = index
            var valid: Bool
            switch type {
            case .integer:
                var negative = false
                if index < limit && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
                    negative = bytes[index] == UInt8(ascii: "-")
                    index += 1
                }
                var value = 0
                var digits = 0
                var clean = true
                while index < limit {
                    let byte = bytes[index]
                    if byte == 44 || byte == stop { break }
                    let digit = byte &- 48
                    if digit < 10 {
                        value = value &* 10 &+ Int(digit)
                        digits += 1
                    } else {
                        clean = false
                    }
                    index += 1
                }
                if clean && digits > 0 && digits <= 18 {
                    valid = true
                    if result.items == 0 { result.firstInteger = negative ? -value : value }
                } else if index - itemStart == 1 && bytes[itemStart] == UInt8(ascii: ".") {
                    valid = true
                } else {
                    let item = UnsafeRawBufferPointer(start: bytes + itemStart, count: index - itemStart)
                    let parsed = VCFByteParsing.integer(item)
                    valid = parsed != nil
                    if result.items == 0 { result.firstInteger = parsed }
                }
            case .float:
                var mantissaDigits = 0
                var points = 0
                var clean = true
                if index < limit && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
                    index += 1
                }
                while index < limit {
                    let byte = bytes[index]
                    if byte == 44 || byte == stop { break }
                    if byte &- 48 < 10 {
                        mantissaDigits += 1
                    } else if byte == UInt8(ascii: ".") {
                        points += 1
                    } else {
                        clean = false
                    }
                    index += 1
                }
                if clean && points <= 1 && mantissaDigits > 0 && mantissaDigits <= 15 {
                    valid = true
                } else if index - itemStart == 1 && bytes[itemStart] == UInt8(ascii: ".") {
                    valid = true
                } else {
                    let item = UnsafeRawBufferPointer(start: bytes + itemStart, count: index - itemStart)
                    valid = VCFByteParsing.float(item) != nil
                }
            case .character:
                while index < limit && bytes[index] != 44 && bytes[index] != stop { index += 1 }
                valid = index > itemStart
            case .string, .flag:
                while index < limit && bytes[index] != 44 && bytes[index] != stop { index += 1 }
                valid = true
            }
            result.items += 1
            if !valid {
                result.invalid += 1
                if result.firstInvalid == nil { result.firstInvalid = itemStart..<index }
            }
            if index < limit && bytes[index] == 44 {
                index += 1
                continue
            }
            break
        }
        result.end = index
        return result
    }
}
