#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a report could not be rendered or written.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A number in the report (named by its JSON path, e.g. `biomarkers.tmb.value`) is NaN or infinite.
    case nonFiniteNumber(field: String)
    /// A file-system call failed while writing `path`.
    case fileSystem(operation: String, path: String, errno: Int32)

    public var description: String {
        switch self {
        case .nonFiniteNumber(let field):
            return "\(field): expected a finite number, found NaN or infinity"
        case .fileSystem(let operation, let path, let code):
            let reason = String(cString: strerror(code))
            return "\(path): \(operation) failed: \(reason) (errno \(code))"
        }
    }
}
