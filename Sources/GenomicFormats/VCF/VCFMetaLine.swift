/// One `##key=value` line of a VCF header, kept verbatim and, when the value is a structured
/// `<ID=…,Key="quoted, \"escaped\" text">` list, also split into its fields.
public struct VCFMetaLine: Sendable, Hashable {
    /// The text between `##` and the first `=` (e.g. `INFO`, `contig`, `tumor_sample`).
    public var key: String
    /// Everything after the first `=`, unparsed (empty when the line has no `=`).
    public var value: String
    /// The fields of a structured `<…>` value in their order, with quotes removed and backslash
    /// escapes resolved; `nil` when the value is not structured.
    public var fields: [Field]?

    /// One `key=value` pair of a structured meta line.
    public struct Field: Sendable, Hashable {
        public var key: String
        public var value: String
        /// Whether the value was written in double quotes (for validation).
        public var isQuoted: Bool = false
        /// Whether the field was a bare word without `=` (tolerated when reading; for validation).
        public var isBare: Bool = false

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(key: String, value: String) {
        self.key = key
        self.value = value
        self.fields = nil
    }

    /// The value of the structured field `name` (e.g. `ID`, `Number`), if present.
    public func field(_ name: String) -> String? {
        fields?.first(where: { $0.key == name })?.value
    }

    /// Parses the text after `##`. Returns `nil` with a reason when a structured value is malformed.
    static func parse(_ text: Substring) -> Result<VCFMetaLine, MetaLineError> {
        guard let equals = text.firstIndex(of: "=") else {
            return .success(VCFMetaLine(key: String(text), value: ""))
        }
        var line = VCFMetaLine(
            key: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
        if line.value.hasPrefix("<") {
            switch parseStructured(line.value) {
            case .success(let fields): line.fields = fields
            case .failure(let error): return .failure(error)
            }
        }
        return .success(line)
    }

    /// Why a structured meta line could not be parsed.
    struct MetaLineError: Error {
        var message: String
    }

    /// Splits `<A=1,B="x, \"y\"",C=z>` into fields.
    static func parseStructured(_ value: String) -> Result<[Field], MetaLineError> {
        let bytes = Array(value.utf8)
        guard bytes.count >= 2, bytes.last == UInt8(ascii: ">") else {
            return .failure(MetaLineError(message: "structured value must end with '>'"))
        }
        var fields: [Field] = []
        var index = 1
        let end = bytes.count - 1
        while index < end {
            // key
            let keyStart = index
            while index < end && bytes[index] != UInt8(ascii: "=") && bytes[index] != UInt8(ascii: ",") {
                index += 1
            }
            let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
            if key.isEmpty {
                return .failure(MetaLineError(message: "empty field name in structured value"))
            }
            if index == end || bytes[index] == UInt8(ascii: ",") {
                // A bare word without '=' (seen in the wild); keep it with an empty value.
                var bare = Field(key: key, value: "")
                bare.isBare = true
                fields.append(bare)
                index += 1
                continue
            }
            index += 1  // '='
            var valueBytes: [UInt8] = []
            let quoted = index < end && bytes[index] == UInt8(ascii: "\"")
            if quoted {
                index += 1
                var closed = false
                while index < end {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\\") && index + 1 < end {
                        valueBytes.append(bytes[index + 1])
                        index += 2
                        continue
                    }
                    if byte == UInt8(ascii: "\"") {
                        closed = true
                        index += 1
                        break
                    }
                    valueBytes.append(byte)
                    index += 1
                }
                if !closed {
                    return .failure(MetaLineError(message: "unterminated quoted value for '\(key)'"))
                }
                // Anything between the closing quote and the next comma is an error.
                if index < end && bytes[index] != UInt8(ascii: ",") {
                    return .failure(MetaLineError(message: "unexpected text after quoted value for '\(key)'"))
                }
            } else {
                while index < end && bytes[index] != UInt8(ascii: ",") {
                    valueBytes.append(bytes[index])
                    index += 1
                }
            }
            var field = Field(key: key, value: String(decoding: valueBytes, as: UTF8.self))
            field.isQuoted = quoted
            fields.append(field)
            index += 1  // ','
        }
        return .success(fields)
    }
}
