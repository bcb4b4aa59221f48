/// The per-thread side of a ``VCFParallelPass``: what one thread does with each record of the
/// runs of lines it is given.
///
/// A pass creates one worker per thread. Each thread feeds its worker the records of a run of
/// lines (a *part*), then calls ``finishPart()``; the pass hands those part outputs to the caller
/// in file order, so whatever depends on order (a list of findings, say) comes out the same
/// whatever the thread count. Everything else (counts, sums) stays in the workers, to be combined
/// once the pass is over.
///
/// Line numbers: records carry line numbers counted from the start of their part; the pass
/// makes the line numbers of errors absolute, and gives the part's first line to the caller with
/// the part's output so it can do the same for anything it kept.
public protocol VCFPassWorker {
    /// What a part produced that must be taken in file order.
    associatedtype PartOutput

    /// Handles one well-formed record. A thrown `FormatError` ends the pass in strict mode;
    /// in lenient mode the record is skipped and counted like a malformed line.
    mutating func add(_ record: VCFRecord) throws

    /// Offered every well-formed record first, as its line borrowed in place (valid only during
    /// the call; no copy made) with its POS: returns whether it handled the record. When not —
    /// having changed nothing — the pass copies the line into a ``VCFRecord`` for ``add(_:)``.
    /// The default handles none.
    mutating func add(line: VCFRawLine, position: Int) -> Bool

    /// Returns (and forgets) what the records added since the last call produced.
    mutating func finishPart() -> PartOutput
}

extension VCFPassWorker {
    public mutating func add(line: VCFRawLine, position: Int) -> Bool { false }
}
