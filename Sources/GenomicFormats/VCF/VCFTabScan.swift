#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the tab separators of a VCF line.
enum VCFTabScan {
    /// Writes the offset of every tab of `line[0..<count]` to `tabs` (which has room for
    /// `count` entries) and returns how many there are.
    ///
    /// One `memchr` per column: glibc's vector `memchr` crosses the long INFO column (hundreds of
    /// bytes with VEP annotations) many times faster than a word-at-a-time loop, and a short
    /// column costs one call.
    @inline(__always)
    static func locateTabs(
        _ line: UnsafeRawPointer, count: Int, into tabs: UnsafeMutablePointer<Int32>
    ) -> Int {
        var found = 0
        var offset = 0
        while offset < count, let tab = memchr(line + offset, 0x09, count - offset) {
            let position = line.distance(to: UnsafeRawPointer(tab))
            tabs[found] = Int32(truncatingIfNeeded: position)
            found += 1
            offset = position + 1
        }
        return found
    }
}
