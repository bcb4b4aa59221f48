import Foundation

/// A tab-separated CIViC export: a header line and rows, no quoting (CIViC's TSVs use none).
struct CIViCTable {
    let columns: [String]
    let rows: [[String]]
    private let index: [String: Int]

    init(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        columns =
            lines.first.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            ?? []
        rows = lines.dropFirst().filter { !$0.isEmpty }.map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        var index: [String: Int] = [:]
        for (position, name) in columns.enumerated() where index[name] == nil { index[name] = position }
        self.index = index
    }

    func has(_ column: String) -> Bool { index[column] != nil }

    /// The trimmed value of `column` in `row`, or "" when the column or field is absent.
    func value(_ row: [String], _ column: String) -> String {
        guard let position = index[column], position < row.count else { return "" }
        return row[position].trimmingCharacters(in: .whitespaces)
    }
}
