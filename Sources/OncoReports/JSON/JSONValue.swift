import CVectorScan

/// A JSON document held in write order: object members keep the order they were added in, and
/// numbers are kept as the exact text to write, so serialising is deterministic.
enum JSONValue: Sendable, Equatable {
    case string(String)
    /// A number already formatted as JSON number text (e.g. `0.4124`, `212`).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])
    /// A value already serialised at the indentation where it is placed (see
    /// ``concurrentArray(_:indent:_:)``): pieces written as they are, in order.
    case serialized([[UInt8]])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.serialized(let a), .serialized(let b)): return Array(a.joined()) == Array(b.joined())
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// An integer.
    static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A string, or `null` when absent.
    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// An array of strings.
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// Pretty-printed text: two-space indentation, `": "` after keys, `[]`/`{}` when empty, and a
    /// final newline.
    func serialized() -> String { String(decoding: serializedBytes(), as: UTF8.self) }

    /// ``serialized()`` as UTF-8 bytes, written straight into a byte array (a report's JSON can
    /// be megabytes: appending to a `String` costs several times more).
    ///
    /// The buffer is sized once from ``estimatedByteCount(indent:)`` (a few percent over): grown
    /// by doubling, a 4 MB report was copied five times into fresh pages on the way.
    func serializedBytes() -> [UInt8] {
        var output: [UInt8] = []
        let estimate = estimatedByteCount(indent: 0)
        output.reserveCapacity(estimate + estimate / 16 + 1024)
        write(to: &output, indent: 0)
        output.append(0x0A)
        return output
    }

    /// About the number of bytes ``write(to:indent:)`` writes at `indent`: exact for
    /// serialised pieces, numbers and literals; strings counted without their escapes.
    func estimatedByteCount(indent: Int) -> Int {
        switch self {
        case .string(let text): return text.utf8.count + 2
        case .number(let text): return text.utf8.count
        case .bool(let flag): return flag ? 4 : 5
        case .null: return 4
        case .serialized(let pieces): return pieces.reduce(0) { $0 + $1.count }
        case .array(let items):
            if items.isEmpty { return 2 }
            // `[` and a newline, the closing `]` at `indent`; per item its indentation, a newline
            // and (all but the last) a comma.
            return items.reduce(2 * indent + 2) {
                $0 + 2 * (indent + 1) + 2 + $1.estimatedByteCount(indent: indent + 1)
            }
        case .object(let members):
            if members.isEmpty { return 2 }
            // As an array, each member's value after its quoted key and `": "`.
            return members.reduce(2 * indent + 2) {
                $0 + 2 * (indent + 1) + 2 + $1.key.utf8.count + 4
                    + $1.value.estimatedByteCount(indent: indent + 1)
            }
        }
    }

    func write(to output: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text): JSONValue.appendQuoted(text, to: &output)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .serialized(let pieces): for piece in pieces { output.append(contentsOf: piece) }
        case .array(let items):
            JSONValue.writeList(count: items.count, isObject: false, to: &output, indent: indent) {
                index, output, indent in
                items[index].write(to: &output, indent: indent)
            }
        case .object(let members):
            JSONValue.writeList(count: members.count, isObject: true, to: &output, indent: indent) {
                index, output, indent in
                JSONValue.appendQuoted(members[index].key, to: &output)
                output.append(0x3A)
                output.append(0x20)
                members[index].value.write(to: &output, indent: indent)
            }
        }
    }

    /// `.array(items.map(value))` placed at `indent`, already serialised: a long array is written
    /// in chunks on two threads (``BackgroundJSONArray``) — the same bytes as writing it whole.
    static func concurrentArray<Item: Sendable>(
        _ items: [Item], indent: Int, _ value: @escaping @Sendable (Item) -> JSONValue
    ) -> JSONValue {
        guard items.count >= 512 else { return .array(items.map(value)) }
        return concurrentArray(items, indent: indent) { item, output, indent in
            value(item).write(to: &output, indent: indent)
        }
    }

    /// ``concurrentArray(_:indent:_:)`` with each item written straight to the bytes by `write`
    /// (at the indent it is given), which must write what its ``JSONValue`` would: no tree of
    /// values is built for thousands of items.
    static func concurrentArray<Item: Sendable>(
        _ items: [Item], indent: Int,
        writing write: @escaping @Sendable (Item, inout [UInt8], Int) -> Void
    ) -> JSONValue {
        BackgroundJSONArray(items, indent: indent, writing: write).value()
    }

    /// Writes an object as ``object(_:)`` would, with `keys` in order and member `n`'s value
    /// written by `value(n, &output, indent)`.
    static func writeObject(
        keys: [StaticString], to output: inout [UInt8], indent: Int,
        value: (Int, inout [UInt8], Int) -> Void
    ) {
        writeList(count: keys.count, isObject: true, to: &output, indent: indent) { index, output, indent in
            output.append(0x22)
            keys[index].withUTF8Buffer { output.append(contentsOf: $0) }
            // `": ` byte by byte (appending a literal's `utf8` took the generic sequence path).
            output.append(0x22)
            output.append(0x3A)
            output.append(0x20)
            value(index, &output, indent)
        }
    }

    /// Writes `values` as ``strings(_:)`` would.
    static func writeStrings(_ values: [String], to output: inout [UInt8], indent: Int) {
        writeList(count: values.count, isObject: false, to: &output, indent: indent) { index, output, _ in
            appendQuoted(values[index], to: &output)
        }
    }

    /// The layout of every array and object: `[]`/`{}` when empty, else one item per line at
    /// `indent + 1` (written by `item(index, &output, indent + 1)`), commas between, the closing
    /// bracket at `indent`.
    private static func writeList(
        count: Int, isObject: Bool, to output: inout [UInt8], indent: Int,
        item: (Int, inout [UInt8], Int) -> Void
    ) {
        if count == 0 {
            output.append(contentsOf: (isObject ? "{}" : "[]").utf8)
            return
        }
        output.append(isObject ? 0x7B : 0x5B)
        output.append(0x0A)
        for index in 0..<count {
            appendIndent(indent + 1, to: &output)
            item(index, &output, indent + 1)
            if index + 1 < count { output.append(0x2C) }
            output.append(0x0A)
        }
        appendIndent(indent, to: &output)
        output.append(isObject ? 0x7D : 0x5D)
    }

    /// Spaces to indent with, appended as one contiguous run.
    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    static func appendIndent(_ level: Int, to output: inout [UInt8]) {
        var remaining = 2 * level
        while remaining > 0 {
            let count = Swift.min(remaining, spaces.count)
            spaces.withUnsafeBufferPointer {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count]))
            }
            remaining -= count
        }
    }

    /// Appends `text` as a JSON string literal (RFC 8259): `"` and `\` escaped, control
    /// characters as `\b \f \n \r \t` or `\u00XX`, DEL and the JavaScript line separators
    /// U+2028/U+2029 as `\uXXXX`; every other character, including non-ASCII, kept as UTF-8.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        // Runs of bytes that need no escape are appended whole, from contiguous storage (a
        // report holds tens of thousands of strings, many with a `′` or `–`); the bytes to look
        // at are found sixteen at a time (`oncomatch_json_special_offset`: UTF-8 puts
        // U+2028/U+2029 as E2 80 A8/A9, and no other character's bytes contain one below 0x80).
        var contiguous = text
        contiguous.withUTF8 { bytes in
            let count = bytes.count
            guard let base = bytes.baseAddress else { return }
            var index = oncomatch_json_special_offset(base, count)
            var runStart = 0
            while index < count {
                let byte = bytes[index]
                var escape: StaticString?
                var width = 1
                var unicode: UInt32?
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20, 0x7F: unicode = UInt32(byte)
                case 0xE2
                where index + 2 < count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    unicode = bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029
                    width = 3
                default:
                    // Another character starting with E2 (`′`, `–`, `≥`): kept in the run.
                    index += 1
                    index += oncomatch_json_special_offset(base + index, count - index)
                    continue
                }
                if index > runStart {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                }
                if let escape {
                    escape.withUTF8Buffer { output.append(contentsOf: $0) }
                } else if let unicode {
                    output.append(contentsOf: "\\u".utf8)
                    output.append(contentsOf: hex4(unicode).utf8)
                }
                index += width
                runStart = index
                index += oncomatch_json_special_offset(base + index, count - index)
            }
            if count > runStart {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
            }
        }
        output.append(0x22)
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for shift in stride(from: 12, through: 0, by: -4) {
            text.append(digits[Int((value >> UInt32(shift)) & 0xF)])
        }
        return text
    }
}
