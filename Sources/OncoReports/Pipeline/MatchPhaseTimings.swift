import Dispatch

/// How long each phase of a ``MatchJob`` run took (`oncomatch match --timings`), measured on a
/// monotonic clock: where the time of a run goes, without a profiler.
///
/// Never part of a report: reports are the same bytes whatever the machine and its load. Phases
/// a run does not reach (an error, no report file to write) are absent. A run fills it on the
/// caller's thread.
public final class MatchPhaseTimings {
    /// The phases of a run, in order.
    public enum Phase: String, CaseIterable, Sendable {
        /// Loading and compiling the rule set.
        case rules = "load rules"
        /// Reading the tumour (and its companion files) into a profile: the one pass over the input.
        case read = "read input"
        /// Matching the profile against the rules, near-misses included.
        case match
        /// Building the report model.
        case build = "build report"
        /// Waiting for the input's checksum (computed beside the run) and hashing companion files.
        case checksum = "input checksums"
        /// Rendering the report files in memory.
        case render
        /// Writing them (each to a temporary file, then renamed).
        case write
    }

    /// Each phase reached and its duration in nanoseconds, in run order.
    public private(set) var durations: [(phase: Phase, nanoseconds: UInt64)] = []

    public init() {}

    /// Runs `body` (each phase once per run), recording its duration as `phase`'s (also when it
    /// throws).
    func measure<Result>(_ phase: Phase, _ body: () throws -> Result) rethrows -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { durations.append((phase, DispatchTime.now().uptimeNanoseconds - start)) }
        return try body()
    }

    /// The durations in milliseconds (one decimal) and their total, on one line:
    /// `load rules 2.1 ms, read input 710.4 ms, …; total 812.0 ms`.
    public var summary: String {
        func milliseconds(_ nanoseconds: UInt64) -> String {
            let tenths = (nanoseconds + 50_000) / 100_000
            return "\(tenths / 10).\(tenths % 10) ms"
        }
        // A phase measured in several stretches (the checksum: companion files, then the wait
        // for the input's hash) is shown once, summed, where it first appeared.
        var order: [Phase] = []
        var sums: [Phase: UInt64] = [:]
        for (phase, nanoseconds) in durations {
            if sums[phase] == nil { order.append(phase) }
            sums[phase, default: 0] += nanoseconds
        }
        let parts = order.map { "\($0.rawValue) \(milliseconds(sums[$0]!))" }
        let total = durations.reduce(UInt64(0)) { $0 + $1.nanoseconds }
        return parts.joined(separator: ", ") + "; total \(milliseconds(total))"
    }
}

extension Optional where Wrapped == MatchPhaseTimings {
    /// ``MatchPhaseTimings/measure(_:_:)`` when there are timings to fill, else just `body`.
    func measure<Result>(_ phase: MatchPhaseTimings.Phase, _ body: () throws -> Result) rethrows -> Result {
        guard let timings = self else { return try body() }
        return try timings.measure(phase, body)
    }
}
