/// Fixed-point number formatting for explanations, without Foundation and without locale.
enum NumberText {
    /// `value` rounded half away from zero to `digits` decimals: `0.4412` → `0.44` (2 digits).
    static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        // Beyond what an `Int` holds (a VAF of 1e19 in a malformed VCF), Swift's own form.
        guard value.isFinite, (value.magnitude * scale).rounded() < 9.0e18 else { return "\(value)" }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        // Appended piece by piece: interpolation costs several times as much (one per matched
        // alteration's explanation).
        var text = value < 0 && scaled != 0 ? "-" : ""
        text += String(whole)
        guard digits > 0 else { return text }
        text += "."
        let fractionText = String(fraction)
        if fractionText.utf8.count < digits {
            text += String(repeating: "0", count: digits - fractionText.utf8.count)
        }
        text += fractionText
        return text
    }

    /// A threshold as written in rules: `10`, `2.5`.
    static func threshold(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
