import OncoDomain

/// The tumour types a rule applies to: OncoTree codes (each covering its descendants) and/or a
/// bucket, minus excluded codes.
public struct TumourTypeSelector: Hashable, Sendable, CustomStringConvertible {
    /// Canonical OncoTree codes; a code covers its descendants.
    public var include: [String]
    /// A group of tumour types, when given.
    public var bucket: TumourTypeBucket?
    /// Canonical OncoTree codes excluded (with their descendants).
    public var exclude: [String]

    public init(include: [String] = [], bucket: TumourTypeBucket? = nil, exclude: [String] = []) {
        self.include = include
        self.bucket = bucket
        self.exclude = exclude
    }

    /// `MEL`, `all-solid except COADREAD`, `NSCLC, LUAD`.
    public var description: String {
        var parts: [String] = []
        if let bucket { parts.append(bucket.rawValue) }
        parts.append(contentsOf: include)
        var text = parts.joined(separator: ", ")
        if !exclude.isEmpty { text += " except " + exclude.joined(separator: ", ") }
        return text
    }
}
