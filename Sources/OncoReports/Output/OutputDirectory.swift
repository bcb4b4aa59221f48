#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates the folders a report path needs, like `mkdir -p` on its parent.
public enum OutputDirectory {
    /// Creates every missing folder above `path` (mode 0755).
    public static func createParents(of path: String) throws(ReportError) {
        var components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        guard !components.isEmpty else { return }
        var current = path.hasPrefix("/") ? "" : "."
        if path.hasPrefix("/") { components = components.dropFirst() }
        for component in components where !component.isEmpty {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw .fileSystem(operation: "mkdir", path: current, errno: errno)
            }
        }
    }
}
