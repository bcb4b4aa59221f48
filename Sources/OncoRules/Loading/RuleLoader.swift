import Foundation
import Yams

/// Loads one standalone rule file and its includes strictly, reporting every problem found as
/// `file:line:column: message`.
public struct RuleLoader: Sendable {
    public var vocabulary: RuleVocabulary
    public var limits: YAMLLimits

    public init(vocabulary: RuleVocabulary, limits: YAMLLimits = .default) {
        self.vocabulary = vocabulary
        self.limits = limits
    }

    /// Loads the file at `path` (which must hold a `rule_set` header) and its includes.
    ///
    /// - Throws: ``RuleLoadError`` listing every problem found.
    public func load(path: String) throws -> RuleSet {
        var session = LoadSession(loader: self, topDirectory: Self.directory(of: Self.canonical(path)))
        session.loadFile(displayPath: path, includeChain: [], isTop: true, includedFrom: nil)
        for diagnostic in RuleSetConsistency.check(session.rules) { session.sink.report(diagnostic) }
        guard session.sink.diagnostics.isEmpty, let metadata = session.metadata else {
            throw RuleLoadError(diagnostics: session.sink.diagnostics)
        }
        return RuleSet(
            metadata: metadata, rules: session.rules, hotspots: session.hotspots.mapValues { $0.sorted() },
            checksum: session.checksum.finalize(), sourceFiles: session.loadedFiles)
    }

    /// Loads rules from YAML text (for tests and tools), as if read from `path`; includes resolve
    /// relative to `path`.
    public func load(yaml: String, path: String) throws -> RuleSet {
        var session = LoadSession(loader: self, topDirectory: Self.directory(of: Self.canonical(path)))
        session.loadText(Array(yaml.utf8), displayPath: path, includeChain: [], isTop: true)
        for diagnostic in RuleSetConsistency.check(session.rules) { session.sink.report(diagnostic) }
        guard session.sink.diagnostics.isEmpty, let metadata = session.metadata else {
            throw RuleLoadError(diagnostics: session.sink.diagnostics)
        }
        return RuleSet(
            metadata: metadata, rules: session.rules, hotspots: session.hotspots.mapValues { $0.sorted() },
            checksum: session.checksum.finalize(), sourceFiles: session.loadedFiles)
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func directory(of path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }
}

/// The state of one load: diagnostics, rules so far, files seen.
private struct LoadSession {
    let loader: RuleLoader
    let topDirectory: String
    let sink = DiagnosticSink()
    var metadata: RuleSetMetadata?
    var rules: [Rule] = []
    var hotspots: [String: Set<CodonPosition>] = [:]
    var checksum = RuleSetChecksum()
    var loadedFiles: [String] = []
    var loadedCanonical: Set<String> = []

    init(loader: RuleLoader, topDirectory: String) {
        self.loader = loader
        self.topDirectory = topDirectory
    }

    mutating func loadFile(
        displayPath: String, includeChain: [String], isTop: Bool, includedFrom: RuleFileLocation?
    ) {
        let sink = self.sink
        let fail = { (message: String) in
            if let includedFrom {
                sink.report(includedFrom, message)
            } else {
                sink.report(RuleDiagnostic(file: displayPath, message: message))
            }
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: displayPath)
        guard let attributes, (attributes[.type] as? FileAttributeType) != .typeDirectory else {
            fail("cannot read rule file '\(displayPath)'")
            return
        }
        if let size = attributes[.size] as? Int, size > loader.limits.maxFileBytes {
            fail(
                "rule file '\(displayPath)' is \(size) bytes, over the limit of \(loader.limits.maxFileBytes)"
            )
            return
        }
        guard let data = FileManager.default.contents(atPath: displayPath) else {
            fail("cannot read rule file '\(displayPath)'")
            return
        }
        guard data.count <= loader.limits.maxFileBytes else {
            fail("rule file '\(displayPath)' is over the limit of \(loader.limits.maxFileBytes) bytes")
            return
        }
        loadText([UInt8](data), displayPath: displayPath, includeChain: includeChain, isTop: isTop)
    }

    mutating func loadText(_ bytes: [UInt8], displayPath: String, includeChain: [String], isTop: Bool) {
        let canonical = RuleLoader.canonical(displayPath)
        loadedCanonical.insert(canonical)
        loadedFiles.append(displayPath)
        checksum.add(relativePath: relativePath(of: canonical), contents: bytes)
        let reader = YAMLReader(file: displayPath, sink: sink)
        guard bytes.count <= loader.limits.maxFileBytes else {
            sink.report(
                RuleDiagnostic(
                    file: displayPath,
                    message: "rule file is over the limit of \(loader.limits.maxFileBytes) bytes"))
            return
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            sink.report(RuleDiagnostic(file: displayPath, message: "rule file is not valid UTF-8"))
            return
        }
        let root: Node
        do {
            // The basic resolver tags every scalar as a string: the rule parser interprets scalars itself,
            // and skipping the default resolver's regular expressions halves the load time. The encoding
            // is given: Yams' default reads the whole process environment on every call (and prints to
            // standard output when `YAMS_DEFAULT_ENCODING` is set, which would mix into the command's own output).
            guard let composed = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                sink.report(RuleDiagnostic(file: displayPath, message: "rule file holds no YAML document"))
                return
            }
            root = composed
        } catch let error as YamlError {
            sink.report(Self.diagnostic(for: error, file: displayPath))
            return
        } catch {
            sink.report(RuleDiagnostic(file: displayPath, message: "YAML error: \(error)"))
            return
        }
        if let problem = Self.checkSize(root, limits: loader.limits) {
            reader.report(root, problem)
            return
        }
        guard
            let fields = reader.fields(
                root, of: "the rule file", allowed: ["rule_set", "include", "rules", "hotspots"])
        else { return }
        let parser = RuleParser(reader: reader, vocabulary: loader.vocabulary)
        if let metadataNode = fields.optional("rule_set") {
            let parsed = parser.metadata(metadataNode)
            if isTop { metadata = parsed }
        } else if isTop {
            reader.report(root, "missing required key 'rule_set' in a standalone rule file")
        }
        if let includeNode = fields.optional("include"), let items = reader.strings(includeNode, "include") {
            for (relative, itemNode) in items {
                include(
                    relative, at: reader.location(itemNode), from: displayPath, canonical: canonical,
                    chain: includeChain + [canonical])
            }
        }
        if let hotspotsNode = fields.optional("hotspots"), let parsed = parser.hotspots(hotspotsNode) {
            for (gene, codons) in parsed { hotspots[gene, default: []].formUnion(codons) }
        }
        if let rulesNode = fields.optional("rules"), let items = reader.sequence(rulesNode, "rules") {
            for item in items {
                if let rule = parser.rule(item) { rules.append(rule) }
            }
        }
    }

    private mutating func include(
        _ relative: String, at location: RuleFileLocation, from displayPath: String, canonical: String,
        chain: [String]
    ) {
        let directory = (displayPath as NSString).deletingLastPathComponent
        let target =
            relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative)
        let targetCanonical = RuleLoader.canonical(target)
        if chain.contains(targetCanonical) || targetCanonical == canonical {
            sink.report(location, "include cycle: '\(relative)' is already being loaded")
            return
        }
        if loadedCanonical.contains(targetCanonical) {
            sink.report(location, "'\(relative)' is included twice")
            return
        }
        if chain.count >= loader.limits.maxIncludeDepth {
            sink.report(location, "includes nest deeper than \(loader.limits.maxIncludeDepth) files")
            return
        }
        loadFile(displayPath: target, includeChain: chain, isTop: false, includedFrom: location)
    }

    private func relativePath(of canonical: String) -> String {
        RuleSetChecksum.relativePath(of: canonical, under: topDirectory) ?? canonical
    }

    /// Counts nodes (aliases expanded) and depth; a message when over the limits.
    static func checkSize(_ root: Node, limits: YAMLLimits) -> String? {
        var count = 0
        var stack: [(Node, Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            count += 1
            if count > limits.maxNodes {
                return "the YAML expands to more than \(limits.maxNodes) nodes (too many aliases?)"
            }
            if depth > limits.maxDepth { return "the YAML nests deeper than \(limits.maxDepth) levels" }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append((key, depth + 1))
                    stack.append((value, depth + 1))
                }
            case .sequence(let sequence):
                for item in sequence { stack.append((item, depth + 1)) }
            case .scalar, .alias:
                break
            }
        }
        return nil
    }

    static func diagnostic(for error: YamlError, file: String) -> RuleDiagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return RuleDiagnostic(
                file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return RuleDiagnostic(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicate key \(duplicates.joined(separator: ", ")) in a mapping")
        case .reader(let problem, _, _, _):
            return RuleDiagnostic(file: file, message: "YAML reader: \(problem)")
        default:
            return RuleDiagnostic(file: file, message: "YAML error: \(error)")
        }
    }
}
