/// A `##contig=<ID=…,length=…,assembly=…>` declaration.
public struct VCFContig: Sendable, Hashable {
    public var id: String
    public var length: Int?
    public var assembly: String?
    /// Every field of the declaration, including unknown ones (`md5`, `species`, …).
    public var fields: [String: String]

    public init(id: String, length: Int? = nil, assembly: String? = nil, fields: [String: String] = [:]) {
        self.id = id
        self.length = length
        self.assembly = assembly
        self.fields = fields
    }
}
