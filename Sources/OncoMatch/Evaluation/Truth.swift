/// Three-valued truth: a criterion holds, does not hold, or cannot be evaluated on this input
/// (no annotation, no TMB, MSI or HRD status). `unknown` never makes a rule match.
enum Truth: Hashable, Sendable {
    case yes, no, unknown

    /// Kleene conjunction.
    static func all(_ parts: [Truth]) -> Truth {
        if parts.contains(.no) { return .no }
        return parts.contains(.unknown) ? .unknown : .yes
    }

    /// Kleene disjunction.
    static func any(_ parts: [Truth]) -> Truth {
        if parts.contains(.yes) { return .yes }
        return parts.contains(.unknown) ? .unknown : .no
    }

    var negated: Truth {
        switch self {
        case .yes: .no
        case .no: .yes
        case .unknown: .unknown
        }
    }
}
