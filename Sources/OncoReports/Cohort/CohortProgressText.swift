/// The one-line progress text of a cohort run: `37/200 samples · 1 failed · 4.1 samples/s · ETA 40 s`.
public enum CohortProgressText {
    /// The line for `progress` after `elapsedSeconds`.
    public static func line(_ progress: CohortBatch.Progress, elapsedSeconds: Double) -> String {
        var parts = ["\(progress.done)/\(progress.total) samples"]
        if progress.failed > 0 { parts.append("\(progress.failed) failed") }
        if progress.reused > 0 { parts.append("\(progress.reused) reused") }
        if elapsedSeconds > 0, progress.done > 0 {
            let rate = Double(progress.done) / elapsedSeconds
            parts.append("\(DecimalText.fixed(rate, fractionDigits: 1) ?? "?") samples/s")
            let remaining = Double(progress.total - progress.done) / rate
            parts.append("ETA \(duration(remaining))")
        }
        return parts.joined(separator: " · ")
    }

    /// `42 s`, `3 min 05 s`, `1 h 02 min`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min \(pad(total % 60)) s" }
        return "\(total / 3600) h \(pad(total % 3600 / 60)) min"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
