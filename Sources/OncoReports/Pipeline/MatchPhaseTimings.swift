import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How long each phase of a ``MatchJob`` run took (`oncomatch match --timings`), measured on a
/// monotonic clock, and the processor time the process spent meanwhile (all its threads: the
/// parallel read and the input's hash included): where the time of a run goes, and how well it
/// keeps the cores busy, without a profiler.
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

    /// Each phase reached, its duration and the process's processor time meanwhile (all
    /// threads), in nanoseconds, in run order.
    public private(set) var durations: [(phase: Phase, nanoseconds: UInt64, processorNanoseconds: UInt64)] =
        []

    public init() {}

    /// Runs `body` (each phase once per run), recording its duration as `phase`'s (also when it
    /// throws).
    func measure<Result>(_ phase: Phase, _ body: () throws -> Result) rethrows -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let processorStart = Self.processorTime()
        defer {
            durations.append(
                (phase, DispatchTime.now().uptimeNanoseconds - start, Self.processorTime() &- processorStart))
        }
        return try body()
    }

    /// The processor time of the whole process so far, in nanoseconds.
    static func processorTime() -> UInt64 {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// The durations in milliseconds (one decimal) and their total, on one line, with the
    /// processor time of phases that kept more than one core busy on average:
    /// `load rules 2.1 ms, read input 710.4 ms (CPU 1301.2 ms), …; total 812.0 ms (CPU 1420.3 ms)`.
    public var summary: String {
        func milliseconds(_ nanoseconds: UInt64) -> String {
            let tenths = (nanoseconds + 50_000) / 100_000
            return "\(tenths / 10).\(tenths % 10) ms"
        }
        // A phase measured in several stretches (the checksum: companion files, then the wait
        // for the input's hash) is shown once, summed, where it first appeared.
        var order: [Phase] = []
        var sums: [Phase: (wall: UInt64, processor: UInt64)] = [:]
        for (phase, nanoseconds, processor) in durations {
            if sums[phase] == nil { order.append(phase) }
            sums[phase, default: (0, 0)].wall += nanoseconds
            sums[phase, default: (0, 0)].processor += processor
        }
        func text(_ wall: UInt64, _ processor: UInt64) -> String {
            processor > wall + wall / 10
                ? "\(milliseconds(wall)) (CPU \(milliseconds(processor)))" : milliseconds(wall)
        }
        let parts = order.map { "\($0.rawValue) \(text(sums[$0]!.wall, sums[$0]!.processor))" }
        let total = durations.reduce(UInt64(0)) { $0 + $1.nanoseconds }
        let processorTotal = durations.reduce(UInt64(0)) { $0 + $1.processorNanoseconds }
        return parts.joined(separator: ", ") + "; total \(text(total, processorTotal))"
    }
}

extension Optional where Wrapped == MatchPhaseTimings {
    /// ``MatchPhaseTimings/measure(_:_:)`` when there are timings to fill, else just `body`.
    func measure<Result>(_ phase: MatchPhaseTimings.Phase, _ body: () throws -> Result) rethrows -> Result {
        guard let timings = self else { return try body() }
        return try timings.measure(phase, body)
    }
}
