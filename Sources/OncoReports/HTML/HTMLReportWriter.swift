/// Writes a ``MatchReport`` as one self-contained HTML page for clinicians.
///
/// The page has inline CSS only — no scripts, no links, no images, no fonts fetched — and a
/// Content-Security-Policy that forbids scripts even if some were injected. It prints to A4 with
/// match cards kept whole. Sections, in order: header (sample, tumour type, build, date),
/// `summary` (sensitivity findings by AMP tier with their therapies), `biomarkers`,
/// `sensitivity`, `resistance`, `near-misses`, `qc`, `provenance`, `disclaimer`.
///
/// Every string from the report is HTML-escaped by one function (``HTMLEscaping/escape(_:)``);
/// markup comes only from string literals in this file.
public struct HTMLReportWriter: ReportWriter {
    public var format: ReportFormat { .html }

    public init() {}

    public func render(_ report: MatchReport) throws(ReportError) -> String {
        var page = HTMLBuffer()
        let sensitivity = report.matches.filter { !HTMLVocabulary.isResistance($0.effect) }
        let resistance = report.matches.filter { HTMLVocabulary.isResistance($0.effect) }

        page.markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        page.markup(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        )
        page.markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        page.element("<title>OncoMatch report: ", report.sample.name, "</title>\n")
        page.markup("<style>\n")
        page.markup(HTMLStyle.css)
        page.markup("\n</style>\n</head>\n<body>\n<main class=\"page\">\n")

        header(report, into: &page)
        summary(sensitivity: sensitivity, resistance: resistance, into: &page)
        try biomarkers(report.biomarkers, into: &page)
        try germlineFindings(report.germlineFindings, into: &page)

        page.markup("<section id=\"sensitivity\">\n<h2>Therapy matches</h2>\n")
        if sensitivity.isEmpty {
            page.markup("<p class=\"empty\">No rule matched this sample for sensitivity to a therapy.</p>\n")
        }
        for match in sensitivity { try card(match, resistance: false, into: &page) }
        page.markup("</section>\n")

        page.markup("<section id=\"resistance\">\n<h2>Resistance and reduced sensitivity</h2>\n")
        if resistance.isEmpty {
            page.markup(
                "<p class=\"empty\">No rule matched this sample for resistance or reduced sensitivity.</p>\n")
        }
        for match in resistance { try card(match, resistance: true, into: &page) }
        page.markup("</section>\n")

        nearMisses(report.nearMisses, into: &page)
        qualityControl(report, into: &page)
        provenance(report, into: &page)

        page.markup("<footer id=\"disclaimer\" class=\"disclaimer\"><strong>Disclaimer.</strong> ")
        page.text(MatchReport.disclaimer)
        page.markup("</footer>\n</main>\n</body>\n</html>\n")
        return page.output
    }

    // MARK: Sections

    private func header(_ report: MatchReport, into page: inout HTMLBuffer) {
        page.markup("<header id=\"top\">\n<p class=\"eyebrow\">OncoMatch · therapy matching report</p>\n")
        page.element("<h1>", report.sample.name, "</h1>\n")
        page.markup("<dl class=\"facts\">\n")
        var tumour = "\(report.tumourType.name) (\(report.tumourType.code))"
        if let main = report.tumourType.mainType, main != report.tumourType.name { tumour += " · \(main)" }
        page.fact("Tumour type", tumour)
        page.fact("Matched normal", report.sample.normal ?? "none")
        page.fact("Genome build", report.input.build)
        if let date = report.reportDate { page.fact("Report date", date) }
        page.markup("</dl>\n")
        if !report.warnings.isEmpty || report.qc.recordsSkipped > 0 {
            page.markup("<p class=\"notice\">")
            page.text(
                "\(plural(report.warnings.count, "warning")) and \(plural(report.qc.recordsSkipped, "skipped record")) "
                    + "— see Quality control below.")
            page.markup("</p>\n")
        }
        if !report.germlineFindings.isEmpty {
            // A germline finding matters beyond therapy: said at the top, not only in its section.
            let labels = report.germlineFindings.map(\.headline)
            page.markup("<p class=\"notice\">")
            page.text(
                "Germline consideration\(labels.count == 1 ? "" : "s"): \(labels.joined(separator: "; ")) "
                    + "— see Germline considerations below.")
            page.markup("</p>\n")
        }
        page.markup("</header>\n")
    }

    private func summary(sensitivity: [TherapyMatch], resistance: [TherapyMatch], into page: inout HTMLBuffer)
    {
        page.markup("<section id=\"summary\">\n<h2>Summary of actionable findings</h2>\n")
        if sensitivity.isEmpty {
            page.markup("<p class=\"empty\">No sensitivity match at any tier.</p>\n")
        }
        let knownTiers = HTMLVocabulary.tiers.map(\.code)
        var groups: [(tier: String, meaning: String?, matches: [TherapyMatch])] = HTMLVocabulary.tiers.map {
            tier in (tier.code, tier.meaning, sensitivity.filter { $0.ampTier == tier.code })
        }
        let others = sensitivity.filter { !knownTiers.contains($0.ampTier) }
        if !others.isEmpty { groups.append(("other", nil, others)) }
        for group in groups where !group.matches.isEmpty {
            page.markup("<div class=\"summary-tier\">\n<div>")
            page.badge(
                HTMLVocabulary.tierClass(group.tier),
                group.meaning == nil ? "Unstated tier" : "Tier \(group.tier)")
            page.markup("</div>\n<div>")
            if let meaning = group.meaning { page.element("<p class=\"muted small\">", meaning, "</p>") }
            page.markup("\n<ul>\n")
            for match in group.matches {
                page.element(
                    "<li><span class=\"therapy\">", match.therapies.joined(separator: "; "), "</span> — ")
                page.text(findingLabel(match))
                page.markup(" ")
                labelBadge(match, into: &page)
                conflictBadge(match, into: &page)
                page.markup("</li>\n")
            }
            page.markup("</ul>\n</div>\n</div>\n")
        }
        if !resistance.isEmpty {
            page.markup("<div class=\"summary-resistance\"><strong>Resistance signals.</strong>\n<ul>\n")
            for match in resistance {
                page.element("<li>", HTMLVocabulary.effectLabel(match.effect), " to ")
                page.element(
                    "<span class=\"therapy\">", match.therapies.joined(separator: "; "), "</span> — ")
                page.text("\(findingLabel(match)) (Tier \(match.ampTier))")
                page.markup("</li>\n")
            }
            page.markup("</ul>\n</div>\n")
        }
        page.markup("</section>\n")
    }

    private func biomarkers(_ summary: BiomarkerSummary, into page: inout HTMLBuffer) throws(ReportError) {
        page.markup("<section id=\"biomarkers\">\n<h2>Biomarkers</h2>\n<div class=\"grid\">\n")

        page.markup("<div class=\"panel wide\">\n<h3>Tumour mutational burden</h3>\n")
        if let tmb = summary.tmb {
            let value = try fixed(tmb.value, JSONReportWriter.tmbFractionDigits, "biomarkers.tmb.value")
            page.element("<p><span class=\"big\">", value, "</span> mut/Mb</p>\n")
            page.element("<p>", tmb.formula, "</p>\n")
            let megabases = try fixed(
                tmb.callableMegabases, JSONReportWriter.callableMegabaseFractionDigits,
                "biomarkers.tmb.callable_mb")
            page.element(
                "<p class=\"muted small\">",
                "Counted: \(tmb.numerator) (\(tmb.count)). Callable territory: "
                    + "\(megabases) Mb, from \(tmb.callableSource).", "</p>\n")
            if !tmb.cautions.isEmpty {
                page.markup("<h4>Cautions</h4>\n<ul>\n")
                for caution in tmb.cautions { page.element("<li>", caution, "</li>\n") }
                page.markup("</ul>\n")
            }
            if !tmb.alternatives.isEmpty {
                page.markup(
                    "<h4>Other numerators</h4>\n<table>\n<tr><th>Counted</th><th>Count</th><th>mut/Mb</th></tr>\n"
                )
                for (index, alternative) in tmb.alternatives.enumerated() {
                    let value = try fixed(
                        alternative.value, JSONReportWriter.tmbFractionDigits,
                        "biomarkers.tmb.alternatives[\(index)].value")
                    page.element("<tr><td>", alternative.numerator, "</td>")
                    page.element("<td>", String(alternative.count), "</td>")
                    page.element("<td>", value, "</td></tr>\n")
                }
                page.markup("</table>\n")
            }
        } else {
            page.markup("<p class=\"empty\">Not computed.</p>\n")
        }
        page.markup("</div>\n")

        status("Microsatellite instability", summary.msi, source: summary.msiSource, into: &page)
        status("Homologous recombination deficiency", summary.hrd, source: summary.hrdSource, into: &page)
        try supportingAlterations(
            "Mismatch-repair genes (MLH1, MSH2, MSH6, PMS2, EPCAM)", summary.mismatchRepairAlterations,
            path: "biomarkers.mmr_alterations", into: &page)
        try supportingAlterations(
            "Polymerase proofreading (POLE, POLD1)", summary.polymeraseProofreadingAlterations,
            path: "biomarkers.pol_alterations", into: &page)
        page.markup("</div>\n</section>\n")
    }

    private func status(_ title: StaticString, _ value: String, source: String?, into page: inout HTMLBuffer)
    {
        page.markup("<div class=\"panel\">\n<h3>")
        page.markup(title)
        page.markup("</h3>\n<p><span class=\"")
        page.markup(HTMLVocabulary.statusClass(value))
        page.markup("\">")
        page.text(value)
        page.markup("</span></p>\n")
        page.element("<p class=\"muted small\">Source: ", source ?? "not stated", "</p>\n</div>\n")
    }

    private func supportingAlterations(
        _ title: StaticString, _ alterations: [AlterationSummary], path: String, into page: inout HTMLBuffer
    ) throws(ReportError) {
        // A table of seven columns needs the page's width: half of it overflowed the panel.
        page.markup(alterations.isEmpty ? "<div class=\"panel\">\n<h3>" : "<div class=\"panel wide\">\n<h3>")
        page.markup(title)
        page.markup("</h3>\n")
        if alterations.isEmpty {
            page.markup("<p class=\"empty\">No alteration found.</p>\n")
        } else {
            try alterationTable(alterations, path: path, into: &page)
        }
        page.markup("</div>\n")
    }

    private func card(_ match: TherapyMatch, resistance: Bool, into page: inout HTMLBuffer)
        throws(ReportError)
    {
        page.markup(resistance ? "<article class=\"card resistance\">\n" : "<article class=\"card\">\n")
        page.markup("<div class=\"card-head\">\n<div>")
        page.element("<h3>", match.therapies.joined(separator: "; "), "</h3>\n")
        page.element("<p class=\"rule-title\">", match.ruleTitle, "</p>\n")
        page.markup("</div>\n<div class=\"badges\">")
        if resistance { page.badge("resistance-badge", HTMLVocabulary.effectLabel(match.effect)) }
        page.badge(HTMLVocabulary.tierClass(match.ampTier), "AMP Tier \(match.ampTier)")
        if let escat = match.escat { page.badge("escat", "ESCAT \(escat)") }
        labelBadge(match, into: &page)
        if match.evidence.uncertain { page.badge("uncertain", "Not fully verified") }
        conflictBadge(match, into: &page)
        page.markup("</div>\n</div>\n")
        page.element(
            "<p class=\"muted small\">",
            "\(HTMLVocabulary.categoryLabel(match.category)) · \(HTMLVocabulary.effectLabel(match.effect))",
            "</p>\n")

        if !match.alterations.isEmpty {
            try alterationTable(match.alterations, path: "matches.alterations", into: &page)
        }
        if !match.biomarkerFindings.isEmpty {
            page.element(
                "<p class=\"small\">", "Biomarker: \(match.biomarkerFindings.joined(separator: "; ")).",
                "</p>\n")
        } else if match.alterations.isEmpty {
            page.element(
                "<p class=\"small\">",
                "No single alteration: matched on \(match.genes.isEmpty ? "a biomarker" : match.genes.joined(separator: ", ")).",
                "</p>\n")
        }

        page.markup("<h4>Why it matched</h4>\n")
        page.element("<p>", match.explanation, "</p>\n")
        var how = "Matched at the level of \(HTMLVocabulary.matchLevelLabel(match.matchLevel))"
        // Only an annotated variant has a transcript to match on (not a fusion, a copy-number
        // event, an unannotated allele or a biomarker).
        if match.alterations.contains(where: { $0.transcript != nil }) {
            how +=
                match.principalTranscript
                ? ", on the principal transcript." : ", not on the principal transcript."
        } else {
            how += "."
        }
        page.element("<p class=\"muted small\">", how, "</p>\n")

        page.markup("<h4>Evidence</h4>\n")
        page.element("<p>", match.evidence.statement, "</p>\n")
        var levels =
            "\(HTMLVocabulary.evidenceSourceLabel(match.evidence.source)) · AMP level \(match.ampLevel)"
        if !match.ruleTumourTypes.isEmpty { levels += " in \(match.ruleTumourTypes.joined(separator: ", "))" }
        page.element("<p class=\"muted small\">", levels, "</p>\n")
        if !match.evidence.references.isEmpty {
            page.markup("<ul class=\"refs\">\n")
            for reference in match.evidence.references { page.element("<li>", reference, "</li>\n") }
            page.markup("</ul>\n")
        }
        var rules = "Rule \(match.ruleId)"
        let others = match.supportingRuleIds.filter { $0 != match.ruleId }
        if !others.isEmpty { rules += "; also supported by \(others.joined(separator: ", "))" }
        page.element("<p class=\"muted small mono\">", rules, "</p>\n")
        page.markup("</article>\n")
    }

    private func alterationTable(
        _ alterations: [AlterationSummary], path: String, into page: inout HTMLBuffer
    ) throws(ReportError) {
        page.markup(
            "<table>\n<tr><th>Gene</th><th>Alteration</th><th>Position</th><th>VAF</th><th>Reads</th>")
        page.markup("<th>Origin</th><th>Transcript</th></tr>\n")
        for (index, item) in alterations.enumerated() {
            page.element("<tr><td class=\"nowrap\"><strong>", item.gene, "</strong></td>")
            let primary = item.fusion.map { "\($0) fusion" } ?? item.specificChange
            page.element("<td>", primary ?? HTMLVocabulary.variantClassLabel(item.variantClass), "")
            // The class is shown unless the first line already says it (an event's class, a fusion);
            // an event without alleles shows what it was called from (`copy-number segments: 8 copies`).
            var secondary = secondaryLabel(item, showsClass: primary != nil && item.fusion == nil)
            if primary == nil, let support = item.support {
                secondary = secondary.isEmpty ? support : "\(support) · \(secondary)"
            }
            if !secondary.isEmpty {
                page.element("<br><span class=\"muted small\">", secondary, "</span>")
            }
            page.markup("</td>")
            page.element("<td class=\"mono\">", location(item), "</td>")
            var vaf = "—"
            if let value = item.vaf {
                guard let percent = DecimalText.percent(fromFraction: value, fractionDigits: 4) else {
                    throw .nonFiniteNumber(field: "\(path)[\(index)].vaf")
                }
                vaf = "\(percent)%"
            }
            page.element("<td class=\"nowrap\">", vaf, "</td>")
            page.element("<td class=\"nowrap\">", Self.depthText(item), "</td>")
            page.element("<td>", Self.originText(item), "</td>")
            // An event or an unannotated variant has no transcript to qualify.
            let transcript =
                item.transcript.map { $0 + (item.principalTranscript ? " (principal)" : " (not principal)") }
                ?? "—"
            page.element("<td class=\"mono\">", transcript, "</td></tr>\n")
        }
        page.markup("</table>\n")
    }

    /// Shown only when there is one: a germline (or possibly germline) truncating variant in a
    /// hereditary cancer gene, with what to do about it.
    private func germlineFindings(_ findings: [GermlineFindingSummary], into page: inout HTMLBuffer)
        throws(ReportError)
    {
        guard !findings.isEmpty else { return }
        page.markup("<section id=\"germline\">\n<h2>Germline considerations</h2>\n")
        page.markup(
            """
            <p class="muted small">Truncating variants in hereditary cancer genes that are, or may be, \
            inherited. OncoMatch does not classify germline variants.</p>

            """)
        for finding in findings { page.element("<p class=\"notice\">", finding.statement, "</p>\n") }
        try alterationTable(findings.map(\.alteration), path: "germline_findings", into: &page)
        page.markup("</section>\n")
    }

    private func nearMisses(_ misses: [NearMiss], into page: inout HTMLBuffer) {
        page.markup("<section id=\"near-misses\">\n<h2>Near-misses</h2>\n")
        page.markup(
            "<p class=\"muted small\">Alterations in genes the rules consider that did not produce a match, and why.</p>\n"
        )
        if misses.isEmpty {
            page.markup("<p class=\"empty\">None.</p>\n")
        } else {
            page.markup(
                "<table>\n<tr><th>Gene</th><th>Alteration</th><th>Why it did not match</th><th>Rules</th></tr>\n"
            )
            for miss in misses {
                page.element("<tr><td><strong>", miss.gene, "</strong></td>")
                page.element("<td>", miss.alteration, "</td>")
                page.element("<td>", miss.reason, "</td>")
                page.element("<td class=\"mono\">", miss.ruleIds.joined(separator: ", "), "</td></tr>\n")
            }
            page.markup("</table>\n")
        }
        page.markup("</section>\n")
    }

    private func qualityControl(_ report: MatchReport, into page: inout HTMLBuffer) {
        let qc = report.qc
        page.markup("<section id=\"qc\">\n<h2>Quality control</h2>\n<dl class=\"kv\">\n")
        page.fact("Records read", String(qc.recordsRead))
        page.fact("Records skipped (malformed)", String(qc.recordsSkipped))
        page.fact("Records filtered (FILTER not PASS)", String(qc.recordsFiltered))
        page.fact("Annotation source", qc.annotationSource)
        page.fact("Alterations indexed", String(qc.alterationsIndexed))
        page.markup("</dl>\n")
        if !qc.skippedExamples.isEmpty {
            page.markup("<h4>Skipped records (first examples)</h4>\n<ul>\n")
            for example in qc.skippedExamples { page.element("<li class=\"mono\">", example, "</li>\n") }
            page.markup("</ul>\n")
        }
        page.markup("<h4>Warnings</h4>\n")
        if report.warnings.isEmpty {
            page.markup("<p class=\"empty\">None.</p>\n")
        } else {
            page.markup("<ul>\n")
            for warning in report.warnings { page.element("<li>", warning, "</li>\n") }
            page.markup("</ul>\n")
        }
        page.markup("</section>\n")
    }

    private func provenance(_ report: MatchReport, into page: inout HTMLBuffer) {
        page.markup("<section id=\"provenance\">\n<h2>Provenance</h2>\n<dl class=\"kv\">\n")
        page.fact("Tool", "\(report.tool.name) \(report.tool.version)")
        page.fact(
            "Rule set", "\(report.rules.id) \(report.rules.version) (reviewed \(report.rules.reviewed))")
        page.fact("Rules loaded", String(report.rules.ruleCount))
        page.fact("Rule set SHA-256", report.rules.sha256, monospace: true)
        page.fact("Input", report.input.path, monospace: true)
        page.fact("Input SHA-256", report.input.sha256, monospace: true)
        page.fact("Input format", report.input.format)
        page.fact("Genome build", report.input.build)
        page.fact("Samples in input", report.input.samples.joined(separator: ", "))
        if let file = report.input.copyNumber {
            page.fact("Copy-number segments", file.path, monospace: true)
            page.fact("Copy-number SHA-256", file.sha256, monospace: true)
        }
        if let file = report.input.fusions {
            page.fact("Fusions", file.path, monospace: true)
            page.fact("Fusions SHA-256", file.sha256, monospace: true)
        }
        if let file = report.input.target {
            page.fact("TMB target regions", file.path, monospace: true)
            page.fact("Target regions SHA-256", file.sha256, monospace: true)
        }
        page.fact("Report schema", MatchReport.schemaVersion)
        page.markup("</dl>\n</section>\n")
    }

    // MARK: Pieces

    /// Flags a sensitivity match that a reported resistance finding contradicts (the explanation
    /// says which).
    private func conflictBadge(_ match: TherapyMatch, into page: inout HTMLBuffer) {
        guard !match.conflictingRuleIds.isEmpty else { return }
        page.markup(" ")
        page.badge("conflict", "Conflicting resistance evidence")
    }

    /// On/off label for a sensitivity match; for resistance, whether the evidence is in this
    /// tumour type (a resistance finding has no label of its own).
    private func labelBadge(_ match: TherapyMatch, into page: inout HTMLBuffer) {
        let types = match.ruleTumourTypes.joined(separator: ", ")
        switch (HTMLVocabulary.isResistance(match.effect), match.onLabel) {
        case (false, true): page.badge("on-label", "On-label for this tumour type")
        case (false, false):
            page.badge("off-label", types.isEmpty ? "Off-label" : "Off-label: evidence in \(types)")
        case (true, true): page.badge("on-label", "Evidence in this tumour type")
        case (true, false):
            page.badge("off-label", types.isEmpty ? "Evidence in other tumour types" : "Evidence in \(types)")
        }
    }

    /// `BRAF p.V600E`, `BRAF p.V600E + NRAS p.Q61K`, or the genes for a match without alterations.
    private func findingLabel(_ match: TherapyMatch) -> String {
        let parts =
            match.alterations.map { item in
                item.label(detail: item.specificChange ?? HTMLVocabulary.variantClassLabel(item.variantClass))
            } + match.biomarkerFindings
        if parts.isEmpty { return match.genes.isEmpty ? "biomarker" : match.genes.joined(separator: ", ") }
        return parts.joined(separator: " + ")
    }

    /// The coding change without its transcript prefix (the transcript has its own column), the
    /// variant class (when `showsClass`), the consequence and a non-PASS filter.
    private func secondaryLabel(_ item: AlterationSummary, showsClass: Bool) -> String {
        var parts: [String] = []
        if item.proteinChange != nil, let coding = item.hgvsc {
            parts.append(coding.split(separator: ":", maxSplits: 1).last.map(String.init) ?? coding)
        }
        if showsClass { parts.append(HTMLVocabulary.variantClassLabel(item.variantClass)) }
        if let consequence = item.consequence { parts.append(consequence.replacingAmpersands()) }
        if let filter = item.filter, filter != "PASS", filter != "." { parts.append("FILTER \(filter)") }
        return parts.joined(separator: " · ")
    }

    /// `113`, `16 of 113` with the supporting reads, `65 supporting` (a fusion's split reads), `—`.
    static func depthText(_ item: AlterationSummary) -> String {
        switch (item.altDepth, item.depth) {
        case (let alt?, let depth?): "\(alt) of \(depth)"
        case (nil, let depth?): String(depth)
        // Reads for the alteration without a total: a fusion caller's split reads, or alt reads.
        case (let alt?, nil): item.fusion != nil ? "\(alt) split reads" : "\(alt) alt reads"
        case (nil, nil): "—"
        }
    }

    /// The origin and zygosity column: what is known of each (`somatic, heterozygous`, `origin
    /// unknown, heterozygous`); a fusion or copy-number event known for neither shows `—`
    /// rather than `unknown, unknown`.
    static func originText(_ item: AlterationSummary) -> String {
        let unknown = "unknown"
        let zygosity = item.zygosity == unknown ? nil : item.zygosity
        if item.origin == unknown {
            if item.chromosome == nil || item.fusion != nil, zygosity == nil { return "—" }
            return ["origin unknown", zygosity].compactMap { $0 }.joined(separator: ", ")
        }
        return [item.origin, zygosity].compactMap { $0 }.joined(separator: ", ")
    }

    private func location(_ item: AlterationSummary) -> String {
        guard let chromosome = item.chromosome else { return "—" }
        var text = chromosome
        if let position = item.position { text += ":\(position)" }
        if let reference = item.reference, let alternate = item.alternate {
            text += " \(reference)>\(alternate)"
        }
        return text
    }

    private func fixed(_ value: Double, _ digits: Int, _ field: String) throws(ReportError) -> String {
        guard let text = DecimalText.fixed(value, fractionDigits: digits) else {
            throw .nonFiniteNumber(field: field)
        }
        return text
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

extension String {
    /// SO terms joined with `&` shown as a readable list.
    fileprivate func replacingAmpersands() -> String {
        split(separator: "&").joined(separator: ", ")
    }
}
