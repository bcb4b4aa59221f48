/// Bounds that keep a hostile or broken rule file from exhausting memory or time.
public struct YAMLLimits: Hashable, Sendable {
    /// Largest file read, in bytes.
    public var maxFileBytes: Int
    /// Most YAML nodes one file may expand to, counting every alias expansion.
    public var maxNodes: Int
    /// Deepest nesting of mappings and lists.
    public var maxDepth: Int
    /// Deepest chain of `include`s.
    public var maxIncludeDepth: Int

    /// 8 MiB, 1 000 000 nodes, depth 64, 16 nested includes.
    public static let `default` = YAMLLimits(
        maxFileBytes: 8 << 20, maxNodes: 1_000_000, maxDepth: 64, maxIncludeDepth: 16)

    public init(maxFileBytes: Int, maxNodes: Int, maxDepth: Int, maxIncludeDepth: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
        self.maxIncludeDepth = maxIncludeDepth
    }
}
