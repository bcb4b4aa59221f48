import OncoDomain
import OncoRules

/// Checks the qualifiers of a criterion (FILTER, origin, VAF, depth) against one alteration that
/// already has the right kind of change. Zygosity needs the whole gene and is checked by the
/// evaluator.
///
/// Origin policy: an alteration of unknown origin (tumour-only input) is accepted by a criterion
/// that asks for `somatic` or `germline`, with a caveat that names the requirement; its origin is
/// never reported as anything but unknown.
enum AlterationAdmission {
    enum Outcome {
        case admitted(caveats: [String])
        case rejected(LeafFailure)
    }

    static func check(
        _ alteration: Alteration, qualifiers: AlterationQualifiers, view: ProfileView
    ) -> Outcome {
        if qualifiers.filter == .pass && !view.passesFilterPolicy(alteration) {
            return .rejected(filterFailure(alteration))
        }
        var caveats: [String] = []
        switch (qualifiers.origin, alteration.origin) {
        case (.any, _), (.somatic, .somatic), (.germline, .germline):
            break
        case (.somatic, .germline):
            return .rejected(
                LeafFailure(kind: .qualifier, text: "germline variant; these rules need a somatic one"))
        case (.germline, .somatic):
            return .rejected(
                LeafFailure(kind: .qualifier, text: "somatic variant; these rules need a germline one"))
        case (.germline, .unknown):
            caveats.append(
                "Origin unknown (no matched normal): the rule requires a germline variant, "
                    + "so germline testing must confirm it.")
        case (.somatic, .unknown):
            caveats.append(
                "Origin unknown (no matched normal): the rule requires a somatic variant, "
                    + "and a germline origin has not been excluded.")
        }
        if let minimum = qualifiers.minVAF {
            guard let vaf = alteration.vaf else {
                return .rejected(
                    LeafFailure(
                        kind: .qualifier,
                        text: "VAF unknown; rules need VAF ≥ \(NumberText.threshold(minimum))"))
            }
            if vaf < minimum {
                return .rejected(
                    LeafFailure(
                        kind: .qualifier,
                        text: "VAF \(NumberText.fixed(vaf, digits: 2)) below the minimum "
                            + "\(NumberText.threshold(minimum))"))
            }
        }
        if let minimum = qualifiers.minDepth {
            guard let depth = alteration.depth else {
                return .rejected(
                    LeafFailure(kind: .qualifier, text: "depth unknown; rules need depth ≥ \(minimum)"))
            }
            if depth < minimum {
                return .rejected(
                    LeafFailure(kind: .qualifier, text: "depth \(depth) below the minimum \(minimum)"))
            }
        }
        return .admitted(caveats: caveats)
    }

    /// `FILTER=LowQual: excluded by FILTER policy (use --filter all)`.
    static func filterFailure(_ alteration: Alteration) -> LeafFailure {
        LeafFailure(
            kind: .filter, text: "FILTER=\(alteration.filter): excluded by FILTER policy (use --filter all)")
    }
}
