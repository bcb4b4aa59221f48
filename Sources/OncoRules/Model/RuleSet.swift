import Foundation
import GenomicFormats

/// A loaded, validated set of rules: the shipped knowledge base, a user file, or a merge of both.
public struct RuleSet: Hashable, Sendable {
    /// The header of the (first) set.
    public var metadata: RuleSetMetadata
    /// The headers of every set merged into this one, in merge order (one element when not merged).
    public var components: [RuleSetMetadata]
    /// The rules, in file order.
    public var rules: [Rule]
    /// Activating hotspot codons per gene symbol, sorted by position.
    public var hotspots: [String: [CodonPosition]]
    /// Lowercase hexadecimal SHA-256 over the loaded files (see the rule-language reference).
    public var checksum: String
    /// Every file loaded, in load order.
    public var sourceFiles: [String]

    public init(
        metadata: RuleSetMetadata, components: [RuleSetMetadata]? = nil, rules: [Rule],
        hotspots: [String: [CodonPosition]] = [:], checksum: String, sourceFiles: [String] = []
    ) {
        self.metadata = metadata
        self.components = components ?? [metadata]
        self.rules = rules
        self.hotspots = hotspots
        self.checksum = checksum
        self.sourceFiles = sourceFiles
    }

    /// The path of the shipped knowledge base's top file inside the resource bundle, or `nil`
    /// when the bundle holds none.
    public static var bundledPath: String? {
        Bundle.module.url(forResource: "ruleset", withExtension: "yaml", subdirectory: "KnowledgeBase")?.path
    }

    /// Loads the shipped knowledge base strictly.
    ///
    /// With the standard vocabulary it is read from its precompiled archive
    /// (``RuleSetArchive``) when that archive is current — the same rule set, in ~1 ms instead of
    /// ~20 ms; `fromSource` (or another vocabulary) always parses and checks the YAML.
    ///
    /// - Throws: ``RuleLoadError`` listing every problem found.
    public static func bundled(vocabulary: RuleVocabulary? = nil, fromSource: Bool = false) throws -> RuleSet
    {
        guard let path = bundledPath else {
            throw RuleLoadError(diagnostics: [
                RuleDiagnostic(
                    file: "KnowledgeBase/ruleset.yaml", message: "the shipped knowledge base is missing")
            ])
        }
        if vocabulary == nil && !fromSource, let compiled = RuleSetArchive.load(besideTopFile: path) {
            return compiled
        }
        return try load(paths: [path], vocabulary: vocabulary)
    }

    /// Loads standalone rule files (each with its `rule_set` header and its includes) strictly and
    /// merges them in order.
    ///
    /// - Throws: ``RuleLoadError`` listing every problem found in every file.
    public static func load(paths: [String], vocabulary: RuleVocabulary? = nil) throws -> RuleSet {
        let vocabulary = try vocabulary ?? RuleVocabulary.standard()
        var sets: [RuleSet] = []
        var diagnostics: [RuleDiagnostic] = []
        for path in paths {
            do {
                sets.append(try RuleLoader(vocabulary: vocabulary).load(path: path))
            } catch let error as RuleLoadError {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        if !diagnostics.isEmpty { throw RuleLoadError(diagnostics: diagnostics) }
        return try merging(sets)
    }

    /// Merges sets in order (e.g. the shipped set, then `--rules` files). Rule ids must stay
    /// unique, and the merge must not introduce contradictions; hotspots are united.
    ///
    /// - Throws: ``RuleLoadError`` on duplicate ids or contradictions across sets.
    public static func merging(_ sets: [RuleSet]) throws -> RuleSet {
        guard let first = sets.first else {
            throw RuleLoadError(diagnostics: [RuleDiagnostic(file: "", message: "no rule set to merge")])
        }
        if sets.count == 1 { return first }
        var rules: [Rule] = []
        var hotspots: [String: Set<CodonPosition>] = [:]
        var checksumInput = ""
        for set in sets {
            rules.append(contentsOf: set.rules)
            for (gene, codons) in set.hotspots { hotspots[gene, default: []].formUnion(codons) }
            checksumInput += "\(set.metadata.id)\t\(set.checksum)\n"
        }
        let diagnostics = RuleSetConsistency.check(rules)
        if !diagnostics.isEmpty { throw RuleLoadError(diagnostics: diagnostics) }
        return RuleSet(
            metadata: first.metadata, components: sets.flatMap(\.components), rules: rules,
            hotspots: hotspots.mapValues { $0.sorted() },
            checksum: RuleSetChecksum.hex(of: Array(checksumInput.utf8)),
            sourceFiles: sets.flatMap(\.sourceFiles))
    }
}
