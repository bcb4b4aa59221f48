/// Stable decimal formatting of `Double`s, independent of locale and platform `printf`.
///
/// Rounds the shortest round-tripping decimal form of the value (what Swift prints) to a fixed
/// number of fraction digits, ties away from zero, so `0.41235` with 4 digits is `0.4124`
/// (as a person reading the value would round it) and not the binary neighbour's `0.4123`.
enum DecimalText {
    /// `value` with exactly `fractionDigits` digits after the point, or `nil` when it is not finite.
    static func fixed(_ value: Double, fractionDigits: Int) -> String? {
        guard value.isFinite else { return nil }
        precondition(fractionDigits >= 0, "fractionDigits must not be negative")
        var text = Substring(value.magnitude.description)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: marker)...]) ?? 0
            text = text[..<marker]
        }
        // value = 0.d₁d₂d₃… × 10^pointPosition
        var digits: [UInt8] = []
        var pointPosition = 0
        var seenPoint = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            digits.append(byte &- UInt8(ascii: "0"))
            if !seenPoint { pointPosition += 1 }
        }
        pointPosition += exponent

        // Keep the digits of round(value × 10^fractionDigits).
        let keep = pointPosition + fractionDigits
        var kept: [UInt8] = []
        var roundUp = false
        if keep >= 0 {
            kept = Array(digits.prefix(keep))
            while kept.count < keep { kept.append(0) }
            roundUp = keep < digits.count && digits[keep] >= 5
        }
        if roundUp {
            var index = kept.count - 1
            while index >= 0 {
                if kept[index] == 9 {
                    kept[index] = 0
                    index -= 1
                } else {
                    kept[index] += 1
                    break
                }
            }
            if index < 0 { kept.insert(1, at: 0) }
        }
        while kept.count < fractionDigits + 1 { kept.insert(0, at: 0) }
        while kept.count > fractionDigits + 1 && kept[0] == 0 { kept.removeFirst() }

        let integerCount = kept.count - fractionDigits
        var result = ""
        if value < 0 && kept.contains(where: { $0 != 0 }) { result.append("-") }
        for digit in kept[..<integerCount] { result.unicodeScalars.append(Unicode.Scalar(digit + 48)) }
        if fractionDigits > 0 {
            result.append(".")
            for digit in kept[integerCount...] { result.unicodeScalars.append(Unicode.Scalar(digit + 48)) }
        }
        return result
    }

    /// A fraction (e.g. a VAF of `0.4124`) as a percentage with `fractionDigits - 2` digits
    /// (`41.24`), derived from the same rounded digits as ``fixed(_:fractionDigits:)`` so the JSON
    /// and the HTML always agree. `fractionDigits` must be at least 2.
    static func percent(fromFraction value: Double, fractionDigits: Int) -> String? {
        precondition(fractionDigits >= 2, "a percentage needs at least two fraction digits")
        guard let text = fixed(value, fractionDigits: fractionDigits) else { return nil }
        var negative = false
        var body = Substring(text)
        if body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? parts[1] : ""
        var integerPart = String(parts[0]) + String(fraction.prefix(2))
        while integerPart.count > 1 && integerPart.hasPrefix("0") { integerPart.removeFirst() }
        let rest = fraction.dropFirst(2)
        return (negative ? "-" : "") + integerPart + (rest.isEmpty ? "" : "." + rest)
    }
}
