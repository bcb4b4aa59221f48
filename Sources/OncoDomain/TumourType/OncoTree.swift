import Foundation

/// The OncoTree tumour-type ontology (release 2025-10-03, CC BY 4.0, shipped as a resource).
///
/// Codes are looked up case-insensitively and answered in their canonical upper-case spelling.
/// The root `TISSUE` is a node (level 0) but is never reported as an ancestor.
public struct OncoTree: Sendable {
    /// One tumour type.
    public struct Node: Sendable, Hashable {
        public var code: String
        public var name: String
        public var mainType: String?
        public var tissue: String?
        public var parent: String?
        public var level: Int
        /// Codes of the direct children, sorted.
        public var children: [String] = []
    }

    /// Why a tree could not be loaded.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        /// The file or resource that failed.
        public var source: String
        /// What was wrong.
        public var message: String
        public var description: String { "\(source): \(message)" }
    }

    /// The release identifier, e.g. `oncotree_2025_10_03`.
    public var version: String

    /// The root code of every tree.
    public static let rootCode = "TISSUE"

    private var nodes: [String: Node] = [:]

    init(version: String) {
        self.version = version
    }

    /// The tree shipped with the package (loaded once per process, then shared).
    public static func bundled() throws -> OncoTree {
        try bundledResult.get()
    }

    private static let bundledResult: Result<OncoTree, LoadError> = {
        // The TSV is derived from the shipped JSON (scripts/make-oncotree-tsv.py; a test checks
        // both describe the same tree) and loads in well under a millisecond.
        let name = "oncotree_2025_10_03"
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv") else {
            return .failure(LoadError(source: "\(name).tsv", message: "resource missing from the bundle"))
        }
        do {
            let data = try Data(contentsOf: url)
            return .success(
                try OncoTree(tsv: String(decoding: data, as: UTF8.self), version: name, source: url.path))
        } catch let error as LoadError {
            return .failure(error)
        } catch {
            return .failure(LoadError(source: url.path, message: "cannot read: \(error)"))
        }
    }()

    /// Loads a tree from the tab-separated form written by `scripts/make-oncotree-tsv.py`:
    /// `#` comment lines, a header, then `code parent level tissue main_type name` per node.
    public init(tsv text: String, version: String, source: String = "OncoTree TSV") throws {
        self.version = version
        var sawHeader = false
        var childrenByParent: [String: [String]] = [:]
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6 else {
                throw LoadError(
                    source: source, message: "line \(offset + 1): expected 6 tab-separated fields")
            }
            if !sawHeader {
                sawHeader = true
                continue
            }
            guard let level = Int(fields[2]), !fields[0].isEmpty, nodes[fields[0]] == nil else {
                throw LoadError(
                    source: source, message: "line \(offset + 1): bad level, empty or repeated code")
            }
            let parent = fields[1].isEmpty ? nil : fields[1]
            nodes[fields[0]] = Node(
                code: fields[0], name: fields[5], mainType: fields[4].isEmpty ? nil : fields[4],
                tissue: fields[3].isEmpty ? nil : fields[3], parent: parent, level: level)
            if let parent { childrenByParent[parent, default: []].append(fields[0]) }
        }
        for (parent, children) in childrenByParent {
            guard nodes[parent] != nil else {
                throw LoadError(source: source, message: "parent \(parent) of \(children[0]) is not a node")
            }
            nodes[parent]?.children = children.sorted()
        }
        guard nodes[Self.rootCode] != nil else {
            throw LoadError(source: source, message: "no \(Self.rootCode) root node")
        }
    }

    /// Every node, for comparing two loaded trees.
    public var allNodes: [Node] { nodes.keys.sorted().map { nodes[$0]! } }

    /// Loads a tree from the JSON of the OncoTree API's `tumorTypes/tree` (nested `children`
    /// under `TISSUE`).
    public init(json data: Data, version: String, source: String = "OncoTree JSON") throws {
        self.version = version
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw LoadError(source: source, message: "not valid JSON: \(error)")
        }
        guard let top = object as? [String: Any], let root = top[Self.rootCode] as? [String: Any] else {
            throw LoadError(source: source, message: "expected an object with a top-level \"TISSUE\" node")
        }
        var pending: [(object: [String: Any], path: String)] = [(root, Self.rootCode)]
        while let (object, path) = pending.popLast() {
            guard let code = object["code"] as? String, let name = object["name"] as? String else {
                throw LoadError(
                    source: source, message: "node at \(path) lacks a string \"code\" or \"name\"")
            }
            let childObjects = object["children"] as? [String: Any] ?? [:]
            var children: [String] = []
            for (key, value) in childObjects {
                guard let child = value as? [String: Any] else {
                    throw LoadError(source: source, message: "child \(key) of \(code) is not an object")
                }
                children.append((child["code"] as? String ?? key).uppercased())
                pending.append((child, path + "/" + key))
            }
            let upper = code.uppercased()
            guard nodes[upper] == nil else {
                throw LoadError(source: source, message: "code \(code) occurs twice")
            }
            nodes[upper] = Node(
                code: upper, name: name, mainType: object["mainType"] as? String,
                tissue: object["tissue"] as? String, parent: (object["parent"] as? String)?.uppercased(),
                level: object["level"] as? Int ?? 0, children: children.sorted())
        }
    }

    /// The number of nodes, the root included.
    public var count: Int { nodes.count }

    /// Every code, sorted.
    public var codes: [String] { nodes.keys.sorted() }

    /// The node for `code` (case-insensitive), or `nil`.
    public func node(_ code: String) -> Node? { nodes[code.uppercased()] }

    /// Codes from the parent up to the root (`TISSUE` excluded).
    public func ancestors(of code: String) -> [String] {
        var result: [String] = []
        var current = node(code)?.parent
        while let parent = current, parent != Self.rootCode, let parentNode = nodes[parent] {
            result.append(parent)
            current = parentNode.parent
        }
        return result
    }

    /// Every code below `code`, in depth-first order with siblings sorted.
    public func descendants(of code: String) -> [String] {
        guard let start = node(code) else { return [] }
        var result: [String] = []
        var pending = Array(start.children.reversed())
        while let next = pending.popLast() {
            result.append(next)
            if let child = nodes[next] { pending.append(contentsOf: child.children.reversed()) }
        }
        return result
    }

    /// Whether `code` is `ancestor` or one of its descendants.
    public func isSameOrDescendant(_ code: String, of ancestor: String) -> Bool {
        let upperCode = code.uppercased()
        let upperAncestor = ancestor.uppercased()
        guard nodes[upperCode] != nil, nodes[upperAncestor] != nil else { return false }
        if upperCode == upperAncestor || upperAncestor == Self.rootCode { return true }
        return ancestors(of: upperCode).contains(upperAncestor)
    }

    /// The haematological tissues of OncoTree.
    public static let haematologicalTissues: Set<String> = ["Myeloid", "Lymphoid"]

    /// Whether `code` belongs to the haematological tissues (myeloid, lymphoid).
    public func isHaematological(_ code: String) -> Bool {
        guard let tissue = node(code)?.tissue else { return false }
        return Self.haematologicalTissues.contains(tissue)
    }

    /// Known codes close to an unknown one (for error messages), best first.
    ///
    /// A code qualifies when its edit distance to `code` is at most 1 (codes up to 4 letters) or
    /// 2 (longer codes), or when `code` (3 letters or more) occurs in the node's name. A node
    /// whose name equals `code` ranks first, then by edit distance, name matches after
    /// distance-1 codes, ties by code.
    public func closeMatches(for code: String, limit: Int = 5) -> [String] {
        let query = code.uppercased()
        guard !query.isEmpty, limit > 0 else { return [] }
        let queryCharacters = Array(query)
        let maximumDistance = queryCharacters.count <= 4 ? 1 : 2
        let lowerQuery = code.lowercased()
        let matchesNames = lowerQuery.count >= 3
        // An ASCII query (the usual case) is compared with names byte by byte.
        let asciiQuery = lowerQuery.utf8.allSatisfy { $0 < 0x80 } ? Array(lowerQuery.utf8) : nil
        var scored: [(score: Double, code: String)] = []
        for (candidate, node) in nodes where candidate != Self.rootCode && candidate != query {
            var score = Double.infinity
            let distance = Self.editDistance(queryCharacters, candidate, limit: maximumDistance)
            if distance <= maximumDistance { score = Double(distance) }
            if matchesNames, let nameScore = Self.nameScore(node.name, lowerQuery, asciiQuery) {
                score = min(score, nameScore)
            }
            if score.isFinite { scored.append((score, candidate)) }
        }
        scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.code < $1.code }
        return scored.prefix(limit).map(\.code)
    }

    /// 0 when `name` lowercased equals the query, 1.5 when it contains it, `nil` otherwise.
    /// `asciiQuery` is the query's bytes when it is ASCII.
    private static func nameScore(_ name: String, _ lowerQuery: String, _ asciiQuery: [UInt8]?) -> Double? {
        if let query = asciiQuery, name.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (every OncoTree name): compare bytes in place, folding A–Z, without a copy.
            var name = name
            return name.withUTF8 { name in
                guard name.count >= query.count else { return nil }
                func folded(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
                for start in 0...(name.count - query.count) {
                    var offset = 0
                    while offset < query.count && folded(name[start + offset]) == query[offset] {
                        offset += 1
                    }
                    if offset == query.count { return name.count == query.count ? 0 : 1.5 }
                }
                return nil
            }
        }
        let lowerName = name.lowercased()
        if lowerName == lowerQuery { return 0 }
        return lowerName.contains(lowerQuery) ? 1.5 : nil
    }

    /// Levenshtein distance over characters, stopping early once it must exceed `limit`; `a` is
    /// already split into characters (the query of `closeMatches`, compared with every code).
    static func editDistance(_ a: [Character], _ b: String, limit: Int) -> Int {
        // A string's character count is at most its UTF-8 length and, for ASCII, equal to it:
        // most candidates are ruled out by length without splitting them.
        let bBytes = b.utf8.count
        if bBytes < a.count - limit { return limit + 1 }
        if bBytes > a.count + limit, b.utf8.allSatisfy({ $0 < 0x80 }) { return limit + 1 }
        let b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
