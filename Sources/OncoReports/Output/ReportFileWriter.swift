#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes report files atomically: the bytes go to a temporary file in the destination's
/// directory (`.NAME.tmp-PID-N`, created exclusively), which is flushed to disk and then
/// renamed over the destination with `rename(2)`. Readers see either the old file or the whole
/// new one; on any error the temporary file is removed and the destination is left untouched.
///
/// Files are created with mode 0644.
public enum ReportFileWriter {
    /// Renders `report` with `writer` and writes it atomically to `path`.
    public static func write(_ report: MatchReport, with writer: some ReportWriter, toPath path: String)
        throws
    {
        let bytes = try writer.renderBytes(report)
        try write(bytes, toPath: path)
    }

    /// Writes `bytes` atomically to `path`.
    public static func write(_ bytes: [UInt8], toPath path: String) throws {
        try write(toPath: path) { (sink: borrowing ReportFileSink) throws in try sink.write(bytes) }
    }

    /// Creates the temporary file, lets `body` write into it, then renames it to `path`.
    ///
    /// If `body` throws, the temporary file is removed and its error is rethrown; nothing appears
    /// at `path`.
    public static func write(toPath path: String, _ body: (borrowing ReportFileSink) throws -> Void) throws {
        let (directory, name) = split(path)
        guard
            let (descriptor, temporaryPath) = TemporaryFileRegistry.createTemporaryFile(
                for: path, directory: directory, name: name)
        else {
            throw ReportError.fileSystem(operation: "create temporary file", path: path, errno: errno)
        }
        defer { TemporaryFileRegistry.unregister(temporaryPath) }
        var open = true
        do {
            try body(ReportFileSink(descriptor: descriptor, destination: path))
            if fchmod(descriptor, 0o644) != 0 {
                throw ReportError.fileSystem(operation: "chmod", path: temporaryPath, errno: errno)
            }
            if fsync(descriptor) != 0 {
                throw ReportError.fileSystem(operation: "fsync", path: temporaryPath, errno: errno)
            }
            open = false
            if close(descriptor) != 0 {
                throw ReportError.fileSystem(operation: "close", path: temporaryPath, errno: errno)
            }
            if rename(temporaryPath, path) != 0 {
                throw ReportError.fileSystem(operation: "rename", path: path, errno: errno)
            }
        } catch {
            if open { close(descriptor) }
            unlink(temporaryPath)
            throw error
        }
        syncDirectory(directory)
    }

    /// The directory (`.` when `path` has none) and the file name of `path`.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// Makes the rename durable; best effort, since the file is already in place.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
