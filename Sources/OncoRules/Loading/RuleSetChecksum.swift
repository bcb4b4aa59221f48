import GenomicFormats

/// Accumulates the SHA-256 checksum of a rule set: every loaded file's bytes, in load order, each
/// preceded by its path relative to the top file and a newline.
struct RuleSetChecksum {
    private var hasher = SHA256()

    /// Adds one loaded file.
    mutating func add(relativePath: String, contents: [UInt8]) {
        hasher.update(Array(relativePath.utf8))
        hasher.update([0x0A])
        hasher.update(contents)
    }

    /// Lowercase hexadecimal digest.
    mutating func finalize() -> String { SHA256.hex(hasher.finalize()) }

    /// `path` relative to `directory` (the top file's), as the checksum records it; `nil` when
    /// `path` does not lie under `directory`.
    static func relativePath(of path: String, under directory: String) -> String? {
        let prefix = directoryPrefix(directory)
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    /// `directory` ending with one `/`, to prefix relative paths with.
    static func directoryPrefix(_ directory: String) -> String {
        directory.hasSuffix("/") ? directory : directory + "/"
    }

    /// Lowercase hexadecimal digest of `bytes`.
    static func hex(of bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return SHA256.hex(hasher.finalize())
    }
}
