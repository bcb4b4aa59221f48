/// Checks across rules: unique ids and no contradictions.
enum RuleSetConsistency {
    /// Duplicate ids, and pairs of rules with the same biomarker and tumour types sharing a therapy
    /// option but with contradicting effects (see ``Effect/contradicts(_:)``). Each problem is
    /// reported at the later rule.
    static func check(_ rules: [Rule]) -> [RuleDiagnostic] {
        var diagnostics: [RuleDiagnostic] = []
        var firstById: [String: Rule] = [:]
        struct Scope: Hashable {
            var biomarker: Criterion
            var tumourTypes: TumourTypeSelector
        }
        var byScope: [Scope: [Rule]] = [:]
        for rule in rules {
            if let first = firstById[rule.id] {
                diagnostics.append(
                    diagnostic(rule, "duplicate rule id '\(rule.id)' (first defined at \(place(first)))"))
                continue
            }
            firstById[rule.id] = rule
            let scope = Scope(biomarker: rule.biomarker, tumourTypes: rule.tumourTypes)
            for earlier in byScope[scope] ?? [] where earlier.effect.contradicts(rule.effect) {
                let shared = rule.therapies.filter(earlier.therapies.contains)
                guard let therapy = shared.first else { continue }
                diagnostics.append(
                    diagnostic(
                        rule,
                        "rule '\(rule.id)' (\(rule.effect.rawValue)) contradicts '\(earlier.id)' (\(earlier.effect.rawValue)) at \(place(earlier)): same biomarker, tumour types and therapy '\(therapy)'"
                    ))
            }
            byScope[scope, default: []].append(rule)
        }
        return diagnostics
    }

    private static func place(_ rule: Rule) -> String { rule.location?.description ?? "?" }

    private static func diagnostic(_ rule: Rule, _ message: String) -> RuleDiagnostic {
        guard let location = rule.location else { return RuleDiagnostic(file: "", message: message) }
        return RuleDiagnostic(location, message)
    }
}
