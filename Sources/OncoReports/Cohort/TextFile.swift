#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads of small text files (sample sheets, clinical tables, per-sample reports).
enum TextFile {
    /// The bytes of `path`, or a ``SampleSheetError`` naming the file and the system's reason.
    static func readBytes(_ path: String) throws(SampleSheetError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw SampleSheetError(
                file: path, line: 0, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SampleSheetError(
                    file: path, line: 0, message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// The text of `path` (UTF-8; invalid bytes replaced).
    static func readText(_ path: String) throws(SampleSheetError) -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// Whether a regular file exists at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// `path` unchanged when absolute (or `-`), else joined to `directory`.
    static func resolve(_ path: String, against directory: String) -> String {
        if path.hasPrefix("/") || path == "-" || directory.isEmpty || directory == "." { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// The folder part of `path` (`.` when it has none).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// The lines of `text` with their 1-based numbers; a final `\r` is dropped from each.
    static func numberedLines(_ text: String) -> [(number: Int, text: Substring)] {
        // Split on the byte: in Swift, "\r\n" is one Character and would not split on "\n".
        var lines: [(Int, Substring)] = []
        let pieces = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (offset, piece) in pieces.enumerated() {
            var line = Substring(piece)
            if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }
            lines.append((offset + 1, line))
        }
        if let last = lines.last, last.1.isEmpty { lines.removeLast() }
        return lines
    }

    /// `text` without leading and trailing spaces.
    static func trimmed(_ text: some StringProtocol) -> String {
        var view = Substring(text)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
