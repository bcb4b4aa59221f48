#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A stand-in for the input's SHA-256 while it is still being computed, so the reports can be
/// rendered meanwhile and the real checksum written over the stand-in afterwards.
///
/// The stand-in is 64 random lowercase hex digits drawn for the run: it has the checksum's
/// length and alphabet (every writer escapes and lays it out as it would the real one), and no
/// input can contain it by chance (2⁻²⁵⁶), nor on purpose, since it exists only in this process.
/// ``replace(in:with:)`` swaps every occurrence in place, and refuses a document that holds a
/// piece of it anywhere else (a writer that shortened it), which the caller then renders again.
struct ChecksumStandIn: Sendable {
    let text: String
    private let bytes: [UInt8]

    init() {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        bytes = (0..<64).map { _ in digits[Int(generator.next() % 16)] }
        text = String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `checksum` (64 characters) over every occurrence of the stand-in in `document`;
    /// `false` (the document then unchanged) when the checksum is not 64 bytes or an 8-digit
    /// piece of the stand-in's start or end appears outside its whole occurrences.
    func replace(in document: inout [UInt8], with checksum: String) -> Bool {
        let replacement = Array(checksum.utf8)
        guard replacement.count == bytes.count else { return false }
        let occurrences = Self.offsets(of: bytes, in: document)
        // Any other trace of the stand-in (its first or last 8 digits) means a writer cut it. (By
        // chance an 8-digit piece turns up in a report about once in 10⁸ reports: rendered again.)
        for piece in [Array(bytes.prefix(8)), Array(bytes.suffix(8))]
        where Self.offsets(of: piece, in: document).count != occurrences.count {
            return false
        }
        for offset in occurrences {
            document.replaceSubrange(offset..<offset + replacement.count, with: replacement)
        }
        return true
    }

    /// Where `needle` (not empty) occurs in `haystack`, without overlaps: memchr for its first
    /// byte, then the rest compared.
    private static func offsets(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        var found: [Int] = []
        needle.withUnsafeBytes { needle in
            haystack.withUnsafeBytes { haystack in
                guard let base = haystack.baseAddress, let target = needle.baseAddress else { return }
                var offset = 0
                while offset + needle.count <= haystack.count,
                    let hit = memchr(
                        base + offset, Int32(needle[0]), haystack.count - needle.count + 1 - offset)
                {
                    let position = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + position, target, needle.count) == 0 {
                        found.append(position)
                        offset = position + needle.count
                    } else {
                        offset = position + 1
                    }
                }
            }
        }
        return found
    }
}
