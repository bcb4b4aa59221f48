/// A JSON Schema (draft 2020-12) validator for the subset `docs/report-schema.json` uses:
/// `type` (one or a list), `required`, `properties`, `additionalProperties: false`, `items`,
/// `enum`, `const`, `pattern`, `minimum`, `maximum`, `oneOf` and local `$ref` (`#/$defs/...`).
/// Any other keyword in the schema is reported as an error, so the subset cannot silently drift.
struct SchemaValidator {
    let root: OrderedJSON

    private static let understood: Set<String> = [
        "$schema", "$id", "$defs", "title", "description", "type", "required", "properties",
        "additionalProperties", "items", "enum", "const", "pattern", "minimum", "maximum", "oneOf", "$ref",
    ]

    /// Every violation of `instance` against the root schema, as `path: message`.
    func errors(in instance: OrderedJSON) -> [String] {
        var errors: [String] = []
        validate(instance, against: root, path: "$", errors: &errors)
        return errors
    }

    private func resolve(_ reference: String) -> OrderedJSON? {
        guard reference.hasPrefix("#/") else { return nil }
        var node = root
        for component in reference.dropFirst(2).split(separator: "/") {
            guard let next = node[String(component)] else { return nil }
            node = next
        }
        return node
    }

    private func validate(
        _ instance: OrderedJSON, against schema: OrderedJSON, path: String, errors: inout [String]
    ) {
        for key in schema.keys where !Self.understood.contains(key) {
            errors.append("\(path): schema keyword \(key) is not supported by this validator")
        }
        if let reference = schema["$ref"]?.stringValue {
            guard let target = resolve(reference) else {
                errors.append("\(path): unresolvable $ref \(reference)")
                return
            }
            validate(instance, against: target, path: path, errors: &errors)
        }
        if let type = schema["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            if !allowed.contains(where: { Self.matches(instance, type: $0) }) {
                errors.append("\(path): expected type \(allowed.joined(separator: "|"))")
                return
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(instance) {
            errors.append("\(path): value not in enum")
        }
        if let constant = schema["const"], constant != instance {
            errors.append("\(path): value is not the constant")
        }
        if let alternatives = schema["oneOf"]?.arrayValue {
            var passing = 0
            for alternative in alternatives {
                var scratch: [String] = []
                validate(instance, against: alternative, path: path, errors: &scratch)
                if scratch.isEmpty { passing += 1 }
            }
            if passing != 1 { errors.append("\(path): matches \(passing) of oneOf, expected exactly 1") }
        }
        switch instance {
        case .string(let text):
            if let pattern = schema["pattern"]?.stringValue {
                do {
                    let regex = try Regex(pattern)
                    if (try? regex.firstMatch(in: text)) == nil {
                        errors.append("\(path): does not match \(pattern)")
                    }
                } catch {
                    errors.append("\(path): bad pattern \(pattern)")
                }
            }
        case .number(let text):
            let value = Double(text) ?? .nan
            if let minimum = schema["minimum"]?.numberText.flatMap(Double.init), !(value >= minimum) {
                errors.append("\(path): \(text) is below \(minimum)")
            }
            if let maximum = schema["maximum"]?.numberText.flatMap(Double.init), !(value <= maximum) {
                errors.append("\(path): \(text) is above \(maximum)")
            }
        case .array(let items):
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    validate(item, against: itemSchema, path: "\(path)[\(index)]", errors: &errors)
                }
            }
        case .object(let members):
            for required in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            where !members.contains(where: { $0.key == required }) {
                errors.append("\(path): missing required \(required)")
            }
            let properties = schema["properties"]
            for member in members {
                if let propertySchema = properties?[member.key] {
                    validate(
                        member.value, against: propertySchema, path: "\(path).\(member.key)", errors: &errors)
                } else if schema["additionalProperties"] == .bool(false) {
                    errors.append("\(path): unexpected property \(member.key)")
                }
            }
        case .bool, .null:
            break
        }
    }

    private static func matches(_ instance: OrderedJSON, type: String) -> Bool {
        switch (instance, type) {
        case (.string, "string"), (.bool, "boolean"), (.null, "null"), (.array, "array"), (.object, "object"),
            (.number, "number"):
            return true
        case (.number(let text), "integer"):
            return !text.contains(".") && !text.contains("e") && !text.contains("E")
        default:
            return false
        }
    }
}
