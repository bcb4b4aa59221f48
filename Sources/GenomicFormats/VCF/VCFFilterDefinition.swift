/// An `##FILTER=<ID=…,Description=…>` declaration.
public struct VCFFilterDefinition: Sendable, Hashable {
    public var id: String
    public var description: String

    public init(id: String, description: String) {
        self.id = id
        self.description = description
    }
}
