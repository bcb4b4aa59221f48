/// Accumulates the SHA-256 checksum of a rule set: every loaded file's bytes, in load order, each
/// preceded by its path relative to the top file and a newline.
struct RuleSetChecksum {
    private var hasher = SHA256Digest()

    /// Adds one loaded file.
    mutating func add(relativePath: String, contents: [UInt8]) {
        hasher.update(Array(relativePath.utf8))
        hasher.update([0x0A])
        hasher.update(contents)
    }

    /// Lowercase hexadecimal digest.
    mutating func finalize() -> String {
        let digits = Array("0123456789abcdef")
        return String(hasher.finalize().flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
    }
}
