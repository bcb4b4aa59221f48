/// Values a command leaves for the process's exit to reclaim instead of freeing them piece by
/// piece just before it (as compilers skip freeing their trees): the report of a large input is
/// tens of thousands of strings and arrays, 2–4 ms of releases on the main thread at the end of
/// a match of the 1M-record benchmark, all of it after the report is written.
///
/// Only for a command that ends the process once it returns (not for one run of many in a batch).
enum ExitReclaimedValue {
    /// Keeps `value` alive until the process exits.
    static func keep<Value>(_ value: consuming Value) {
        _ = Unmanaged.passRetained(Box(value))
    }

    private final class Box<Value> {
        let value: Value

        init(_ value: consuming Value) { self.value = value }
    }
}
