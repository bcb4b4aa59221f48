/// An `##INFO=<…>` or `##FORMAT=<…>` declaration.
public struct VCFFieldDefinition: Sendable, Hashable {
    /// The key used in the INFO column or the FORMAT column (e.g. `DP`, `AD`, `CSQ`).
    public var id: String
    public var number: VCFNumber
    public var type: VCFValueType
    /// The `Description=` text with quotes removed and escapes resolved.
    public var description: String
    /// Every field of the declaration in order, including `Source=`, `Version=` and unknown ones.
    public var fields: [String: String]

    public init(
        id: String, number: VCFNumber, type: VCFValueType, description: String,
        fields: [String: String] = [:]
    ) {
        self.id = id
        self.number = number
        self.type = type
        self.description = description
        self.fields = fields
    }
}
