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

    /// Lowercase hexadecimal digest of `bytes`.
    static func hex(of bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return SHA256.hex(hasher.finalize())
    }
}
