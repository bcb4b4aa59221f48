import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension OncoTree {
    /// A node as ``OncoTree/closeMatches(for:limit:)`` compares it, with the byte forms of its
    /// code and name worked out once per tree rather than once per query.
    struct CloseMatchCandidate: Sendable {
        let code: String
        let name: String
        /// The code's bytes when they are ASCII without a carriage return (so that one byte is
        /// one character: `\r\n` is a single character).
        let codeBytes: [UInt8]?
        /// The name's bytes with A–Z folded to lower case, when it is ASCII (every OncoTree name).
        let foldedName: [UInt8]?
    }

    /// The candidates of a tree's nodes (the root excluded), in no particular order (matches
    /// are sorted by score and code).
    static func closeMatchCandidates(of nodes: [String: Node]) -> [CloseMatchCandidate] {
        nodes.compactMap { code, node in
            guard code != rootCode else { return nil }
            let name = node.name
            return CloseMatchCandidate(
                code: code, name: name, codeBytes: oneCharacterPerByte(code),
                foldedName: asciiBytes(name)?.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 })
        }
    }

    /// The bytes of `text` when it is ASCII, else `nil`.
    private static func asciiBytes(_ text: String) -> [UInt8]? {
        text.utf8.allSatisfy { $0 < 0x80 } ? Array(text.utf8) : nil
    }

    /// The bytes of `text` when each is one character (ASCII, no carriage return), else `nil`.
    private static func oneCharacterPerByte(_ text: String) -> [UInt8]? {
        asciiBytes(text).flatMap { $0.contains(0x0D) ? nil : $0 }
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
        let queryBytes = Self.oneCharacterPerByte(query)
        let maximumDistance = queryCharacters.count <= 4 ? 1 : 2
        let lowerQuery = code.lowercased()
        let matchesNames = lowerQuery.count >= 3
        // A name "contains" the query up to canonical equivalence, so what ASCII names are
        // compared with is the query's canonical decomposition: when that is ASCII (U+037E GREEK
        // QUESTION MARK is `;`), byte by byte; when it is not, no ASCII name contains the query.
        let asciiQuery =
            Self.asciiBytes(lowerQuery) ?? Self.asciiBytes(lowerQuery.decomposedStringWithCanonicalMapping)
        var scored: [(score: Double, code: String)] = []
        for candidate in closeMatchCandidates where candidate.code != query {
            var score = Double.infinity
            let distance =
                if let queryBytes, let codeBytes = candidate.codeBytes {
                    Self.editDistance(queryBytes, codeBytes, limit: maximumDistance)
                } else {
                    Self.editDistance(queryCharacters, candidate.code, limit: maximumDistance)
                }
            if distance <= maximumDistance { score = Double(distance) }
            if matchesNames {
                let nameScore =
                    if let foldedName = candidate.foldedName {
                        asciiQuery.flatMap { Self.nameScore(foldedName, $0) }
                    } else {
                        Self.nameScore(candidate.name, lowerQuery)
                    }
                if let nameScore { score = min(score, nameScore) }
            }
            if score.isFinite { scored.append((score, candidate.code)) }
        }
        scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.code < $1.code }
        return scored.prefix(limit).map(\.code)
    }

    /// 0 when the ASCII name, already folded to lower case, equals `query`, 1.5 when it
    /// contains it, `nil` otherwise.
    private static func nameScore(_ foldedName: [UInt8], _ query: [UInt8]) -> Double? {
        guard foldedName.count >= query.count, !query.isEmpty else { return nil }
        if foldedName.count == query.count { return foldedName == query ? 0 : nil }
        // memchr for the first byte, memcmp for the rest (memmem is not in every C library).
        let found = foldedName.withUnsafeBytes { name in
            query.withUnsafeBytes { query in
                let last = name.count - query.count
                var start = 0
                while start <= last {
                    guard let hit = memchr(name.baseAddress! + start, Int32(query[0]), last - start + 1)
                    else { return false }
                    start = name.baseAddress!.distance(to: UnsafeRawPointer(hit))
                    if memcmp(name.baseAddress! + start, query.baseAddress!, query.count) == 0 { return true }
                    start += 1
                }
                return false
            }
        }
        return found ? 1.5 : nil
    }

    /// ``nameScore(_:_:)`` for a name that is not ASCII, by the definition.
    private static func nameScore(_ name: String, _ lowerQuery: String) -> Double? {
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
        return editDistance(a, Array(b), limit: limit)
    }

    /// Levenshtein distance between two sequences, stopping early once it must exceed `limit`;
    /// the two rows live in one stack buffer (this runs for most codes of the tree per query).
    static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * width) { rows in
            var previous = rows.baseAddress!
            var current = previous + width
            for j in 0..<width { previous[j] = j }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                    rowMinimum = min(rowMinimum, current[j])
                }
                if rowMinimum > limit { return limit + 1 }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }
}
