/// What a CIViC import did: counts, and every item left out with its reason.
public struct CIViCImportReport: Hashable, Sendable {
    /// One evidence item left out.
    public struct SkippedItem: Hashable, Sendable {
        public var evidenceID: String
        public var profile: String
        public var disease: String
        public var reason: CIViCSkipReason
        public var detail: String
    }

    /// Data rows in the file.
    public var totalRows: Int
    /// Rows with evidence_type Predictive.
    public var predictive: Int
    /// Rules written.
    public var imported: Int
    /// Predictive items left out, in file order.
    public var skipped: [SkippedItem]

    /// Skipped items per reason, in reason order (reasons with no item omitted).
    public var skippedByReason: [(reason: CIViCSkipReason, count: Int)] {
        CIViCSkipReason.allCases.compactMap { reason in
            let count = skipped.count { $0.reason == reason }
            return count > 0 ? (reason, count) : nil
        }
    }

    /// Count of skipped items for one reason.
    public func count(_ reason: CIViCSkipReason) -> Int { skipped.count { $0.reason == reason } }

    /// Distinct values of `detail` for a reason with their counts, most frequent first.
    public func details(for reason: CIViCSkipReason) -> [(detail: String, count: Int)] {
        var counts: [String: Int] = [:]
        for item in skipped where item.reason == reason { counts[item.detail, default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
    }

    /// Plain-text report (printed to stderr by the CLI).
    public var text: String {
        var lines = [
            "CIViC import: \(totalRows) evidence items, \(predictive) predictive, \(imported) imported, \(skipped.count) left out"
        ]
        for (reason, count) in skippedByReason {
            lines.append("  \(reason.rawValue): \(count)")
            for (detail, detailCount) in details(for: reason) where !detail.isEmpty {
                lines.append("    \(detailCount)\t\(detail)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
