/// The one escaping function of the HTML writer: every string that comes from a report goes
/// through ``escape(_:)`` before it reaches the page, whether it lands in text or (never from
/// input, but as a rule) in an attribute value.
enum HTMLEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, and control
    /// characters other than tab, line feed and carriage return (which HTML forbids) replaced by
    /// U+FFFD.
    static func escape(_ text: String) -> String {
        // Most strings have nothing to replace: returned as they are after one pass over their
        // bytes (C1 controls U+0080–U+009F are C2 80–C2 9F in UTF-8).
        var needsWork = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
                UInt8(ascii: "'"), 0x7F:
                needsWork = true
            case 0x00..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D:
                needsWork = true
            case 0x80...0x9F where previous == 0xC2:
                needsWork = true
            default: break
            }
            if needsWork { break }
            previous = byte
        }
        guard needsWork else { return text }
        return escapeByScalars(text)
    }

    /// ``escape(_:)`` scalar by scalar (what it does when something must be replaced).
    static func escapeByScalars(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output.append("&amp;")
            case "<": output.append("&lt;")
            case ">": output.append("&gt;")
            case "\"": output.append("&quot;")
            case "'": output.append("&#39;")
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}": output.append("\u{FFFD}")
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
