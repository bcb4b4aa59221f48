/// The column layout of one MAF file, read from its column-header row. Immutable and shareable.
public final class MAFLayout: Sendable {
    /// The file path as given.
    public let path: String
    /// The column names in file order.
    public let columnNames: [String]
    private let indexByName: [String: Int]
    private let knownIndices: [Int]

    init(path: String, columnNames: [String]) {
        self.path = path
        self.columnNames = columnNames
        var byName: [String: Int] = [:]
        for (index, name) in columnNames.enumerated() where byName[name] == nil { byName[name] = index }
        indexByName = byName
        knownIndices = MAFColumn.allCases.map { byName[$0.rawValue] ?? -1 }
    }

    /// The 0-based index of the column named exactly `name`, or `nil` when the file has none.
    public func index(ofColumn name: String) -> Int? { indexByName[name] }

    /// The 0-based index of a known column, or `nil` when the file has none.
    public func index(of column: MAFColumn) -> Int? {
        let index = knownIndices[column.ordinal]
        return index < 0 ? nil : index
    }

    /// Whether the file has `column`.
    public func contains(_ column: MAFColumn) -> Bool { index(of: column) != nil }
}

extension MAFColumn {
    /// Position in `allCases`, for table lookups.
    var ordinal: Int { Self.ordinals[self]! }

    private static let ordinals: [MAFColumn: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
