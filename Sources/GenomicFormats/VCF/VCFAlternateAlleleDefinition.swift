/// An `##ALT=<ID=…,Description=…>` declaration of a symbolic allele such as `DEL` or `INS:ME`.
public struct VCFAlternateAlleleDefinition: Sendable, Hashable {
    public var id: String
    public var description: String

    public init(id: String, description: String) {
        self.id = id
        self.description = description
    }
}
