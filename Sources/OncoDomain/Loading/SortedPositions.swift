/// Sorted positions answering "is any within this span" by binary search, remembering the gap
/// between two positions the last question fell in: records come sorted, so most questions fall
/// in the same gap and need no search.
struct SortedPositions {
    private let positions: [Int]
    /// The last search's answer: the index of the first position at or after the start asked
    /// about, valid for starts in `gapLow + 1 … gapHigh` (`gapLow` the position before, or
    /// `Int.min`; `gapHigh` the position at that index, or `Int.max` past the last one).
    private var found = 0
    private var gapLow = Int.max
    private var gapHigh = Int.min

    init(_ positions: some Sequence<Int>) { self.positions = Array(Set(positions)).sorted() }

    /// Whether a position lies in `start…start+referenceLength-1` (normalisation only trims, so a
    /// normalised allele starts there); a REF of length 0 counts as 1.
    mutating func anyWithin(_ start: Int, referenceLength: Int) -> Bool {
        // Saturating: a POS near `Int.max` is accepted by the reader and must not trap here.
        let (sum, overflow) = start.addingReportingOverflow(Swift.max(referenceLength, 1) - 1)
        let end = overflow ? Int.max : sum
        if !(start > gapLow && start <= gapHigh) {
            var low = 0
            var high = positions.count
            while low < high {
                let middle = (low + high) / 2
                if positions[middle] < start { low = middle + 1 } else { high = middle }
            }
            found = low
            gapLow = low > 0 ? positions[low - 1] : Int.min
            gapHigh = low < positions.count ? positions[low] : Int.max
        }
        return found < positions.count && positions[found] <= end
    }
}
