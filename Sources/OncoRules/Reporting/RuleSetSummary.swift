/// Counts describing a rule set, printed by `oncomatch rules check`.
public struct RuleSetSummary: Hashable, Sendable {
    public var id: String
    public var version: String
    public var checksum: String
    public var fileCount: Int
    public var ruleCount: Int
    /// Rules per therapy category, in category order.
    public var byCategory: [(TherapyCategory, Int)] { _byCategory }
    /// Rules per gene a biomarker needs present, most rules first then by name.
    public var byGene: [(String, Int)] { _byGene }
    /// Rules per AMP level, A first.
    public var byLevel: [(AMPLevel, Int)] { _byLevel }
    /// Rules per effect.
    public var byEffect: [(Effect, Int)] { _byEffect }
    /// Rules that use only TMB/MSI/MMR/HRD or wild-type criteria (no gene needed present).
    public var geneIndependentRuleCount: Int

    private var _byCategory: [(TherapyCategory, Int)]
    private var _byGene: [(String, Int)]
    private var _byLevel: [(AMPLevel, Int)]
    private var _byEffect: [(Effect, Int)]

    public init(_ set: RuleSet) {
        id = set.metadata.id
        version = set.metadata.version
        checksum = set.checksum
        fileCount = set.sourceFiles.count
        ruleCount = set.rules.count
        _byCategory = TherapyCategory.allCases.compactMap { category in
            let count = set.rules.count { $0.category == category }
            return count > 0 ? (category, count) : nil
        }
        _byLevel = AMPLevel.allCases.compactMap { level in
            let count = set.rules.count { $0.evidence.ampLevel == level }
            return count > 0 ? (level, count) : nil
        }
        _byEffect = Effect.allCases.compactMap { effect in
            let count = set.rules.count { $0.effect == effect }
            return count > 0 ? (effect, count) : nil
        }
        var genes: [String: Int] = [:]
        for rule in set.rules {
            for gene in rule.genes { genes[gene, default: 0] += 1 }
        }
        _byGene = genes.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
        geneIndependentRuleCount = set.rules.count { $0.biomarker.positiveGenes.isEmpty }
    }

    /// Plain-text report for terminals.
    public var text: String {
        var lines = [
            "rule set \(id) \(version): \(ruleCount) rules in \(fileCount) file(s)",
            "checksum sha256:\(checksum)",
        ]
        lines.append("by category: " + byCategory.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
        lines.append("by AMP level: " + byLevel.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
        lines.append("by effect: " + byEffect.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
        lines.append(
            "by gene (\(byGene.count) genes): " + byGene.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        lines.append(
            "rules needing no gene alteration (TMB/MSI/MMR/HRD/wild-type): \(geneIndependentRuleCount)")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func == (lhs: RuleSetSummary, rhs: RuleSetSummary) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
