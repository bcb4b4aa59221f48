/// A short plain-text summary of a report for a terminal: what `oncomatch match` prints when no
/// report file is asked for.
///
/// Values from the input are printed as they are (a terminal is not a browser), but control
/// characters are replaced so that a hostile sample name cannot move the cursor or clear the screen.
public struct TextSummaryWriter: Sendable {
    public init() {}

    /// The summary text, ending with a newline.
    public func render(_ report: MatchReport) -> String {
        var lines: [String] = []
        lines.append(
            "\(clean(report.sample.name)) — \(clean(report.tumourType.name)) (\(clean(report.tumourType.code)))"
                + ", \(report.input.build)")
        if let normal = report.sample.normal { lines.append("matched normal: \(clean(normal))") }
        var biomarkers: [String] = []
        if let tmb = report.biomarkers.tmb { biomarkers.append("TMB \(clean(tmb.formula))") }
        biomarkers.append("MSI \(report.biomarkers.msi)")
        biomarkers.append("HRD \(report.biomarkers.hrd)")
        lines.append(biomarkers.joined(separator: "; "))
        lines.append("")
        if report.matches.isEmpty {
            lines.append("No therapy matches.")
        } else {
            lines.append("Therapy matches (\(report.matches.count)):")
            for match in report.matches {
                let alterations = match.alterations.map { alteration in
                    clean(alteration.label(detail: alteration.specificChange ?? alteration.variantClass))
                }
                let findings = alterations + match.biomarkerFindings.map(clean)
                let what = findings.isEmpty ? match.matchLevel : findings.joined(separator: ", ")
                let label = match.onLabel ? "on-label" : "off-label"
                let conflicts =
                    match.conflictingRuleIds.isEmpty
                    ? ""
                    : "; conflicting evidence: \(match.conflictingRuleIds.map(clean).joined(separator: ", "))"
                lines.append(
                    "  [\(match.ampTier)] \(match.effect): \(match.therapies.map(clean).joined(separator: " | "))"
                        + " — \(what) (\(label), rule \(clean(match.ruleId))\(conflicts))")
            }
        }
        if !report.germlineFindings.isEmpty {
            lines.append("")
            lines.append("Germline considerations (\(report.germlineFindings.count)):")
            for finding in report.germlineFindings {
                lines.append("  \(clean(finding.headline)): \(clean(finding.statement))")
            }
        }
        if !report.nearMisses.isEmpty {
            lines.append("")
            lines.append("Near-misses (\(report.nearMisses.count)):")
            for miss in report.nearMisses {
                lines.append("  \(clean(miss.alteration)): \(clean(miss.reason))")
            }
        }
        if !report.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            for warning in report.warnings { lines.append("  \(clean(warning))") }
        }
        lines.append("")
        lines.append(
            "Read \(report.qc.recordsRead) records (\(report.qc.recordsSkipped) skipped, "
                + "\(report.qc.recordsFiltered) filtered); annotation: \(report.qc.annotationSource).")
        lines.append(
            "Rules \(clean(report.rules.id)) \(clean(report.rules.version)) (\(report.rules.ruleCount) rules, "
                + "sha256 \(report.rules.sha256.prefix(12))…).")
        lines.append(MatchReport.disclaimer)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Replaces control characters (C0, DEL, C1) with `?`.
    private func clean(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "?" : scalar
                }))
    }
}
