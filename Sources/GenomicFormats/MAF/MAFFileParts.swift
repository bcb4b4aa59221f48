import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A plain (uncompressed) MAF cut at line boundaries into parts that separate threads can read
/// at the same time, each through a ``MAFReader`` of its own.
///
/// Every data row belongs to exactly one part (the one its line starts in), parts follow file
/// order, and each part's reader gives the rows' true line numbers, so reading the parts one
/// after the other gives exactly what one ``MAFReader`` over the whole file gives.
///
/// ```swift
/// if let parts = try MAFFileParts(path: "cohort.maf", count: 8) {
///     DispatchQueue.concurrentPerform(iterations: parts.parts.count) { index in
///         let reader = try! parts.reader(forPart: index)
///         while let row = try! reader.nextRecord() { … }
///     }
/// }
/// ```
public struct MAFFileParts: Sendable {
    /// One part: the byte range its rows' lines start in, and the line number of its first line.
    public struct Part: Sendable, Equatable {
        public var bytes: Range<Int>
        public var firstLineNumber: Int
    }

    /// The file path as given.
    public let path: String
    /// The column layout (from the header row).
    public let layout: MAFLayout
    /// The `#` lines before the column header.
    public let comments: [String]
    /// The parts, in file order (at least one).
    public let parts: [Part]
    /// The longest line accepted, in bytes.
    public let maximumLineLength: Int

    /// Reads the header of the MAF at `path` and cuts its data rows into `count` parts of about
    /// the same size, none smaller than `minimumPartSize` bytes (so a small file has fewer parts);
    /// `nil` when the input is compressed or not a regular file, which only a single
    /// ``MAFReader`` can stream.
    ///
    /// - Throws: the errors of ``MAFReader/init(path:requiredColumns:maximumLineLength:)``.
    public init?(
        path: String, count: Int, requiredColumns: [MAFColumn] = MAFReader.requiredColumns,
        maximumLineLength: Int = 16 << 20, minimumPartSize: Int = 64 << 10
    ) throws {
        guard path != "-" else { return nil }
        let header = try MAFReader(
            path: path, requiredColumns: requiredColumns, maximumLineLength: maximumLineLength)
        var status = stat()
        guard header.compression == .plain, stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG
        else { return nil }
        let size = Int(status.st_size)
        // Find where the rows start, reading the lines before them as MAFReader does.
        let prefix = try MAFRangeLineReader(
            path: path, range: 0..<size, firstLineNumber: 1, maximumLineLength: maximumLineLength)
        while let line = try prefix.nextLine() {
            if line.isEmpty || line[0] == 0x23 { continue }
            break
        }
        // A file changed between the two reads is not cut.
        guard prefix.lineNumber == header.lineNumber else { return nil }
        let dataStart = prefix.offset
        let wanted = max(1, min(count, (size - dataStart) / max(1, minimumPartSize) + 1))
        var starts = [dataStart]
        for index in 1..<max(wanted, 1) {
            let nominal = dataStart + (size - dataStart) / wanted * index
            let start = try Self.lineStart(atOrAfter: nominal, path: path, size: size)
            if start > starts.last!, start < size { starts.append(start) }
        }
        let ranges = starts.indices.map { starts[$0]..<(($0 + 1 < starts.count) ? starts[$0 + 1] : size) }
        // Line numbers: count the newlines of every part but the last, at the same time.
        let counts = Self.newlineCounts(path: path, ranges: ranges.dropLast())
        var firstLine = header.lineNumber + 1
        var parts: [Part] = []
        for (index, range) in ranges.enumerated() {
            parts.append(Part(bytes: range, firstLineNumber: firstLine))
            if index < counts.count { firstLine += try counts[index].get() }
        }
        self.path = path
        layout = header.layout
        comments = header.comments
        self.parts = parts
        self.maximumLineLength = maximumLineLength
    }

    /// A reader of the rows of part `index`.
    public func reader(forPart index: Int) throws -> MAFReader {
        let part = parts[index]
        let lines = try MAFRangeLineReader(
            path: path, range: part.bytes, firstLineNumber: part.firstLineNumber,
            maximumLineLength: maximumLineLength)
        return MAFReader(part: lines, layout: layout, comments: comments)
    }

    /// The offset just after the first `\n` at or after `offset - 1` (the start of the first line
    /// starting at or after `offset`), or `size`.
    private static func lineStart(atOrAfter offset: Int, path: String, size: Int) throws -> Int {
        let probe = try MAFRangeLineReader(
            path: path, range: (offset - 1)..<size, firstLineNumber: 1, maximumLineLength: Int.max - 2)
        _ = try probe.nextLine()
        return probe.offset
    }

    private static func newlineCounts(path: String, ranges: ArraySlice<Range<Int>>) -> [Result<
        Int, any Error
    >] {
        let ranges = Array(ranges)
        let results = ResultSlots(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
            results.set(index, Result { try MAFRangeLineReader.countNewlines(path: path, in: ranges[index]) })
        }
        return results.values
    }
}

/// Per-index results written by concurrent workers.
private final class ResultSlots: Sendable {
    private let storage: Mutex<[Result<Int, any Error>]>

    init(count: Int) { storage = Mutex(Array(repeating: .success(0), count: count)) }

    func set(_ index: Int, _ value: Result<Int, any Error>) { storage.withLock { $0[index] = value } }

    var values: [Result<Int, any Error>] { storage.withLock { $0 } }
}
