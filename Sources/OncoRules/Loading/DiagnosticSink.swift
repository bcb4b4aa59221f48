/// Collects diagnostics while a loader keeps going, so that every problem is reported at once.
final class DiagnosticSink {
    private(set) var diagnostics: [RuleDiagnostic] = []

    func report(_ diagnostic: RuleDiagnostic) { diagnostics.append(diagnostic) }

    func report(_ location: RuleFileLocation, _ message: String) {
        diagnostics.append(RuleDiagnostic(location, message))
    }

    var count: Int { diagnostics.count }
}
