/// The `rule_set` header of a rule file.
public struct RuleSetMetadata: Hashable, Sendable {
    /// Stable identifier, `[a-z0-9-]+`.
    public var id: String
    /// The set's version (free text; reports carry it).
    public var version: String
    /// ISO date (`YYYY-MM-DD`) of the set's last review.
    public var reviewed: String
    /// Licence and provenance statement.
    public var licence: String
    /// Optional description.
    public var description: String?

    public init(id: String, version: String, reviewed: String, licence: String, description: String? = nil) {
        self.id = id
        self.version = version
        self.reviewed = reviewed
        self.licence = licence
        self.description = description
    }
}
