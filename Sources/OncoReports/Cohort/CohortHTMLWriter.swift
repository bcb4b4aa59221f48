/// The cohort summary page: counts of samples per therapy option and tier, per tumour type, a
/// bar chart (inline SVG) of the most frequent sensitivity options, and one line per sample.
///
/// Self-contained like the per-sample page (inline CSS, no scripts, a Content-Security-Policy
/// forbidding them); every string from the results goes through ``HTMLEscaping``.
struct CohortHTMLWriter {
    /// Tiers in display order.
    static let tiers = ["I-A", "I-B", "II-C", "II-D"]
    /// Bars drawn in the chart at most.
    static let maximumBars = 20

    let results: [CohortSampleResult]

    /// One therapy option group across the cohort.
    struct TherapyCount {
        var therapies: String
        var effect: String
        /// Samples per best tier (a sample counts once, at its best tier for the group).
        var samplesByTier: [String: Int] = [:]
        var total: Int { samplesByTier.values.reduce(0, +) }
    }

    /// Therapy groups with the samples reaching them, most samples first, then by name.
    func therapyCounts() -> [TherapyCount] {
        var counts: [String: TherapyCount] = [:]
        for result in results {
            var bestTier: [String: String] = [:]
            var groups: [String: (String, String)] = [:]
            for row in result.therapyRows {
                let name = row.therapies.joined(separator: " / ")
                let key = name + "\u{0}" + row.effect
                groups[key] = (name, row.effect)
                if let tier = bestTier[key], Self.rank(tier) <= Self.rank(row.ampTier) { continue }
                bestTier[key] = row.ampTier
            }
            for (key, tier) in bestTier {
                let (name, effect) = groups[key]!
                counts[key, default: TherapyCount(therapies: name, effect: effect)].samplesByTier[
                    tier, default: 0] += 1
            }
        }
        return counts.values.sorted {
            if $0.total != $1.total { return $0.total > $1.total }
            if $0.therapies != $1.therapies { return $0.therapies < $1.therapies }
            return $0.effect < $1.effect
        }
    }

    private static func rank(_ tier: String) -> Int { tiers.firstIndex(of: tier) ?? tiers.count }

    func render() -> String {
        var page = HTMLBuffer()
        let failed = results.filter { $0.status != .ok }
        let counts = therapyCounts()
        page.markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        page.markup(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        )
        page.markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        page.markup("<title>OncoMatch cohort summary</title>\n<style>\n")
        page.markup(HTMLStyle.css)
        page.markup("\n.chart text { font-size: 11px; fill: #1f2a33; }\n.chart .bar { fill: #0f6b62; }\n")
        page.markup(".chart .bar-2 { fill: #3d5a80; }\ntd.num, th.num { text-align: right; }\n")
        page.markup("</style>\n</head>\n<body>\n<main class=\"page\">\n")

        page.markup("<header id=\"top\">\n<p class=\"eyebrow\">OncoMatch · cohort summary</p>\n")
        page.element("<h1>", "\(plural(results.count, "sample"))", "</h1>\n")
        page.markup("<dl class=\"facts\">\n")
        page.fact("Matched", String(results.count - failed.count))
        page.fact("Failed", String(failed.count))
        page.fact("With a tier I option", String(samplesWithSensitivity(tierPrefix: "I-")))
        page.fact("Tumour types", String(Set(results.map(\.tumourType)).count))
        page.markup("</dl>\n</header>\n")

        chart(counts.filter { !HTMLVocabulary.isResistance($0.effect) }, into: &page)
        therapyTable(counts, into: &page)
        tumourTypeTable(into: &page)
        sampleTable(into: &page)

        page.markup("<footer id=\"disclaimer\" class=\"disclaimer\"><strong>Disclaimer.</strong> ")
        page.text(MatchReport.disclaimer)
        page.markup("</footer>\n</main>\n</body>\n</html>\n")
        return page.output
    }

    private func samplesWithSensitivity(tierPrefix: String, among subset: [CohortSampleResult]? = nil) -> Int
    {
        (subset ?? results).filter { result in
            result.therapyRows.contains {
                !HTMLVocabulary.isResistance($0.effect) && $0.ampTier.hasPrefix(tierPrefix)
            }
        }.count
    }

    private func chart(_ counts: [TherapyCount], into page: inout HTMLBuffer) {
        page.markup("<section id=\"chart\">\n<h2>Samples per sensitivity option</h2>\n")
        let shown = Array(counts.prefix(Self.maximumBars))
        guard let largest = shown.first?.total, largest > 0 else {
            page.markup("<p class=\"empty\">No sample matched a sensitivity option.</p>\n</section>\n")
            return
        }
        let rowHeight = 22
        let labelWidth = 300
        let barWidth = 380
        let height = shown.count * rowHeight + 24
        page.markup("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"")
        page.text(String(height))
        page.markup(
            "\" role=\"img\" aria-label=\"Samples per sensitivity option, tier I in green, tier II in blue\">\n"
        )
        for (index, count) in shown.enumerated() {
            let y = index * rowHeight
            let tierOne = count.samplesByTier.filter { $0.key.hasPrefix("I-") }.values.reduce(0, +)
            let widthOne = tierOne * barWidth / largest
            let widthAll = count.total * barWidth / largest
            page.markup("<text x=\"0\" y=\"")
            page.text(String(y + 15))
            page.markup("\">")
            page.text(count.therapies.count > 48 ? String(count.therapies.prefix(47)) + "…" : count.therapies)
            page.markup("</text>\n<rect class=\"bar-2\" x=\"")
            page.text(String(labelWidth))
            page.markup("\" y=\"")
            page.text(String(y + 3))
            page.markup("\" width=\"")
            page.text(String(widthAll))
            page.markup("\" height=\"16\"/>\n<rect class=\"bar\" x=\"")
            page.text(String(labelWidth))
            page.markup("\" y=\"")
            page.text(String(y + 3))
            page.markup("\" width=\"")
            page.text(String(widthOne))
            page.markup("\" height=\"16\"/>\n<text x=\"")
            page.text(String(labelWidth + widthAll + 6))
            page.markup("\" y=\"")
            page.text(String(y + 15))
            page.markup("\">")
            page.text(String(count.total))
            page.markup("</text>\n")
        }
        page.markup("<text x=\"0\" y=\"")
        page.text(String(shown.count * rowHeight + 18))
        page.markup("\">Bar length: samples; green part: tier I (best tier per sample).</text>\n</svg>\n")
        if counts.count > shown.count {
            page.element(
                "<p class=\"muted small\">", "The \(shown.count) most frequent of \(counts.count) options.",
                "</p>\n")
        }
        page.markup("</section>\n")
    }

    private func therapyTable(_ counts: [TherapyCount], into page: inout HTMLBuffer) {
        page.markup("<section id=\"therapies\">\n<h2>Samples per therapy option and tier</h2>\n")
        guard !counts.isEmpty else {
            page.markup("<p class=\"empty\">No therapy option matched any sample.</p>\n</section>\n")
            return
        }
        let otherTiers = Set(counts.flatMap { $0.samplesByTier.keys }).subtracting(Self.tiers).sorted()
        page.markup("<table>\n<thead><tr><th>Therapy option</th><th>Effect</th>")
        for tier in Self.tiers + otherTiers { page.element("<th class=\"num\">", tier, "</th>") }
        page.markup("<th class=\"num\">Samples</th></tr></thead>\n<tbody>\n")
        for count in counts {
            page.element("<tr><td class=\"therapy\">", count.therapies, "</td>")
            page.element("<td>", count.effect, "</td>")
            for tier in Self.tiers + otherTiers {
                page.element("<td class=\"num\">", String(count.samplesByTier[tier] ?? 0), "</td>")
            }
            page.element("<td class=\"num\">", String(count.total), "</td></tr>\n")
        }
        page.markup(
            "</tbody>\n</table>\n<p class=\"muted small\">A sample counts once per option, at its best tier.</p>\n"
        )
        page.markup("</section>\n")
    }

    private func tumourTypeTable(into page: inout HTMLBuffer) {
        page.markup("<section id=\"tumour-types\">\n<h2>Tumour types</h2>\n<table>\n")
        page.markup(
            "<thead><tr><th>Tumour type</th><th class=\"num\">Samples</th><th class=\"num\">Failed</th>")
        page.markup(
            "<th class=\"num\">Tier I option</th><th class=\"num\">Any sensitivity option</th></tr></thead>\n<tbody>\n"
        )
        var order: [String] = []
        var byType: [String: [CohortSampleResult]] = [:]
        for result in results {
            if byType[result.tumourType] == nil { order.append(result.tumourType) }
            byType[result.tumourType, default: []].append(result)
        }
        order.sort { (byType[$0]!.count, $1) > (byType[$1]!.count, $0) }
        for code in order {
            let members = byType[code]!
            let name = members.lazy.compactMap(\.tumourTypeName).first
            page.element("<tr><td>", name.map { "\($0) (\(code))" } ?? code, "</td>")
            page.element("<td class=\"num\">", String(members.count), "</td>")
            page.element("<td class=\"num\">", String(members.filter { $0.status != .ok }.count), "</td>")
            page.element(
                "<td class=\"num\">", String(samplesWithSensitivity(tierPrefix: "I-", among: members)),
                "</td>")
            page.element(
                "<td class=\"num\">", String(samplesWithSensitivity(tierPrefix: "", among: members)),
                "</td></tr>\n")
        }
        page.markup("</tbody>\n</table>\n</section>\n")
    }

    private func sampleTable(into page: inout HTMLBuffer) {
        page.markup("<section id=\"samples\">\n<h2>Samples</h2>\n<table>\n")
        page.markup("<thead><tr><th>Sample</th><th>Tumour type</th><th>Status</th><th class=\"num\">TMB</th>")
        page.markup(
            "<th>MSI</th><th>HRD</th><th>Best sensitivity options</th><th>Germline considerations</th>")
        page.markup("</tr></thead>\n<tbody>\n")
        for result in results {
            page.element("<tr><td class=\"mono\">", result.sample, "</td>")
            page.element("<td>", result.tumourType, "</td>")
            page.element("<td>", result.status.text, "</td>")
            page.element("<td class=\"num\">", result.tmb ?? "–", "</td>")
            page.element("<td>", result.msi, "</td>")
            page.element("<td>", result.hrd, "</td>")
            let options = result.therapyRows.filter { !HTMLVocabulary.isResistance($0.effect) }
            let best = options.first.map(\.ampTier)
            let text = options.filter { $0.ampTier == best }.map { $0.therapies.joined(separator: " / ") }
                .joined(separator: "; ")
            page.element("<td>", best.map { "\($0): \(text)" } ?? "none", "</td>")
            page.element("<td>", result.germlineFindings.joined(separator: "; "), "</td></tr>\n")
        }
        page.markup("</tbody>\n</table>\n</section>\n")
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
