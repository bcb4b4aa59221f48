@testable import OncoReports

/// A JSON value as parsed by ``OrderedJSONParser``: object members in document order and numbers
/// as their literal text, so tests can check key order and number formatting.
indirect enum OrderedJSON: Equatable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([OrderedJSON])
    case object([Member])

    struct Member: Equatable {
        var key: String
        var value: OrderedJSON
    }

    /// The member `key` of an object.
    subscript(key: String) -> OrderedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The element at `index` of an array.
    subscript(index: Int) -> OrderedJSON? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The keys of an object, in order.
    var keys: [String] {
        guard case .object(let members) = self else { return [] }
        return members.map(\.key)
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    var arrayValue: [OrderedJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }
}

/// Parses JSON into ``OrderedJSON`` with the package's own strict RFC 8259 parser
/// (``JSONTextParser``, which keeps member order and number text), so tests and the cohort
/// reader share one parser.
enum OrderedJSONParser {
    static func parse(_ text: String) throws -> OrderedJSON {
        convert(try JSONTextParser.parse(Array(text.utf8)))
    }

    private static func convert(_ value: JSONValue) -> OrderedJSON {
        switch value {
        case .string(let text): .string(text)
        case .number(let text): .number(text)
        case .bool(let flag): .bool(flag)
        case .null: .null
        case .array(let items): .array(items.map(convert))
        case .object(let members): .object(members.map { .init(key: $0.key, value: convert($0.value)) })
        // The parser gives no pre-serialised values; one that did would be read as its text.
        case .serialized(let pieces):
            (try? JSONTextParser.parse(Array(pieces.joined()))).map(convert) ?? .null
        }
    }
}
