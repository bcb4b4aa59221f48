import GenomicFormats
import OncoReports
import OncoRules

/// The exit status for an error: 1 when the input's content is invalid, 2 for usage and I/O.
enum CommandErrors {
    static func exitStatus(for error: Error) -> Int32 {
        switch error {
        case let error as FormatError: return error.kind == .io ? 2 : 1
        case is RuleLoadError: return 1
        case is MatchJob.RequestError: return 2
        default: return 2
        }
    }
}
