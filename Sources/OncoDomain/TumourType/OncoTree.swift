import Foundation
import Synchronization

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
    /// Every node but the root as ``closeMatches(for:limit:)`` compares it, worked out on the
    /// first question (only error messages ask; a third of the load time otherwise). Shared by
    /// copies of the tree: only the initialisers fill `nodes`.
    private let closeMatchCache = CloseMatchCache()

    var closeMatchCandidates: [CloseMatchCandidate] {
        closeMatchCache.candidates { Self.closeMatchCandidates(of: nodes) }
    }

    init(version: String) {
        self.version = version
    }

    /// The tree shipped with the package (loaded once per process, then shared).
    public static func bundled() throws -> OncoTree {
        try bundledResult.get()
    }

    private static let bundledResult: Result<OncoTree, LoadError> = {
        // The TSV is derived from the shipped JSON (scripts/make-oncotree-tsv.py; a test checks
        // both describe the same tree) and loads in about 2 ms (5% of a small `match`).
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
        // Split as bytes, in place (grapheme breaking, then the generic `split`, were most of
        // the load time); a carriage return ending a line is dropped.
        var text = text
        let lines: [[String]] = text.withUTF8 { bytes in
            var lines: [[String]] = []
            lines.reserveCapacity(1_024)
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var lineEnd = end
                if lineEnd > start && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                var fields: [String] = []
                fields.reserveCapacity(6)
                if lineEnd > start && bytes[start] != UInt8(ascii: "#") {
                    var fieldStart = start
                    for index in start...lineEnd where index == lineEnd || bytes[index] == UInt8(ascii: "\t")
                    {
                        fields.append(
                            String(
                                decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]),
                                as: UTF8.self))
                        fieldStart = index + 1
                    }
                }
                // Blank and comment lines stay as empty lists, so line numbers in errors count them.
                lines.append(fields)
                start = end + 1
            }
            return lines
        }
        nodes.reserveCapacity(lines.count)
        for (offset, fields) in lines.enumerated() {
            if fields.isEmpty { continue }
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
}

/// Where a tree keeps its close-match candidates once worked out (a class, so the tree stays a
/// value its copies share it with).
final class CloseMatchCache: Sendable {
    private let stored = Mutex<[OncoTree.CloseMatchCandidate]?>(nil)

    /// The candidates, made by `make` on the first call.
    func candidates(_ make: () -> [OncoTree.CloseMatchCandidate]) -> [OncoTree.CloseMatchCandidate] {
        if let candidates = stored.withLock({ $0 }) { return candidates }
        let candidates = make()
        stored.withLock { $0 = $0 ?? candidates }
        return candidates
    }
}
