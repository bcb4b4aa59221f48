#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The open temporary file a ``ReportFileWriter`` body writes into.
///
/// Only valid inside the body it is passed to; the writer closes it afterwards.
public struct ReportFileSink: ~Copyable {
    let descriptor: Int32
    /// The final path (for error messages).
    let destination: String

    /// Appends `bytes` to the file, retrying short writes and `EINTR`.
    public func write(_ bytes: [UInt8]) throws(ReportError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .fileSystem(operation: "write", path: destination, errno: errno)
            }
            offset += written
        }
    }

    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) throws(ReportError) {
        try write(Array(text.utf8))
    }
}

/// `write(2)`, named apart from the sink's own `write` methods.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
