/// Sorted positions answering "is any within this span" by binary search.
struct SortedPositions {
    private let positions: [Int]

    init(_ positions: some Sequence<Int>) { self.positions = Array(Set(positions)).sorted() }

    /// Whether a position lies in `start…start+referenceLength-1` (normalisation only trims, so a
    /// normalised allele starts there); a REF of length 0 counts as 1.
    func anyWithin(_ start: Int, referenceLength: Int) -> Bool {
        // Saturating: a POS near `Int.max` is accepted by the reader and must not trap here.
        let (sum, overflow) = start.addingReportingOverflow(Swift.max(referenceLength, 1) - 1)
        let end = overflow ? Int.max : sum
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < start { low = middle + 1 } else { high = middle }
        }
        return low < positions.count && positions[low] <= end
    }
}
