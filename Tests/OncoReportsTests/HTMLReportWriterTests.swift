import Foundation
import Testing

@testable import OncoReports

@Suite("HTML report writer")
struct HTMLReportWriterTests {
    static let sectionOrder = [
        "id=\"top\"", "id=\"summary\"", "id=\"biomarkers\"", "id=\"sensitivity\"", "id=\"resistance\"",
        "id=\"near-misses\"", "id=\"qc\"", "id=\"provenance\"", "id=\"disclaimer\"",
    ]

    static let allowedElements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "article",
        "div",
        "h1", "h2", "h3", "h4", "p", "span", "strong", "ul", "li", "dl", "dt", "dd", "table", "tr", "th",
        "td", "br",
    ]
    static let allowedAttributes: Set<String> = [
        "lang", "charset", "http-equiv", "content", "name", "class", "id",
    ]

    func offset(of needle: String, in html: String) -> String.Index? {
        html.range(of: needle)?.lowerBound
    }

    @Test func sectionsComeInOrderWithDisclaimerAndProvenance() throws {
        let html = try HTMLReportWriter().render(ReportFixtures.melanoma)
        let positions = try Self.sectionOrder.map { try #require(offset(of: $0, in: html), "\($0)") }
        #expect(positions == positions.sorted())
        #expect(html.contains(MatchReport.disclaimer))
        for value in [
            "oncomatch 0.1.0", "oncomatch-kb 2025.11.0 (reviewed 2025-11-20)",
            ReportFixtures.melanoma.rules.sha256,
            ReportFixtures.melanoma.input.sha256, "Fixtures/examples/fixture-melanoma.vcf.gz", "GRCh38",
        ] {
            #expect(html.contains(value), "\(value)")
        }
        #expect(html.contains("<h1>FIXTURE-TUMOUR-01</h1>"))
        #expect(html.contains("Melanoma (MEL)"))
        #expect(html.contains("2025-11-30"))
    }

    @Test func summaryGroupsSensitivityFindingsByTier() throws {
        let html = try HTMLReportWriter().render(ReportFixtures.melanoma)
        let summary = try #require(section("summary", in: html))
        let tierIA = try #require(summary.range(of: "Tier I-A</span>")?.lowerBound)
        let tierIIC = try #require(summary.range(of: "Tier II-C</span>")?.lowerBound)
        #expect(tierIA < tierIIC)
        #expect(summary.contains("<span class=\"therapy\">dabrafenib + trametinib</span> — BRAF p.V600E"))
        #expect(summary.contains("<span class=\"therapy\">pembrolizumab</span> — biomarker"))
        #expect(summary.contains("<span class=\"badge off-label\">Off-label: evidence in BRCA</span>"))
        #expect(!summary.contains("Tier I-B</span>"))
        #expect(
            summary.contains(
                "Resistance to <span class=\"therapy\">vemurafenib</span> — NRAS p.Q61K (Tier II-D)"))
    }

    @Test func resistanceHasItsOwnVisiblyDistinctSection() throws {
        let html = try HTMLReportWriter().render(ReportFixtures.melanoma)
        let resistance = try #require(section("resistance", in: html))
        #expect(resistance.contains("<article class=\"card resistance\">"))
        #expect(resistance.contains("NRAS"))
        #expect(!resistance.contains("BRAF</strong>"))
        let sensitivity = try #require(section("sensitivity", in: html))
        #expect(sensitivity.components(separatedBy: "<article class=\"card\">").count - 1 == 3)
        #expect(!sensitivity.contains("NRAS"))
        #expect(sensitivity.contains("AMP Tier I-A"))
        #expect(sensitivity.contains("ESCAT I-A"))
        #expect(sensitivity.contains("On-label for this tumour type"))
        #expect(sensitivity.contains("Trial COMBI-d (NCT01584648)"))
        #expect(sensitivity.contains("Matched at the level of exact allele, on the principal transcript."))
        #expect(sensitivity.contains("41.24%"))
    }

    @Test func biomarkersShowTMBFormulaAndCaveats() throws {
        let html = try HTMLReportWriter().render(ReportFixtures.melanoma)
        let biomarkers = try #require(section("biomarkers", in: html))
        #expect(biomarkers.contains("<span class=\"big\">14.20</span> mut/Mb"))
        #expect(biomarkers.contains(ReportFixtures.tmb.formula))
        #expect(biomarkers.contains(ReportFixtures.tmb.cautions[0]))
        #expect(biomarkers.contains("<td>19.03</td>"))
        #expect(biomarkers.contains("Microsatellite instability"))
        #expect(biomarkers.contains("Source: command line"))
        #expect(biomarkers.contains("Polymerase proofreading"))
    }

    @Test func emptyReportSaysSoInEachSection() throws {
        let html = try HTMLReportWriter().render(ReportFixtures.empty)
        #expect(html.contains("No sensitivity match at any tier."))
        #expect(html.contains("No rule matched this sample for resistance or reduced sensitivity."))
        #expect(html.contains("Not computed."))
        #expect(!html.contains("Report date"))
        #expect(!html.contains("class=\"notice\""))
    }

    @Test func pageIsSelfContainedAndPrintable() throws {
        let html = try HTMLReportWriter().render(ReportFixtures.melanoma)
        for forbidden in [
            "http://", "https://", "<link", "<script", "<img", "src=", "href=", "url(", "@import",
        ] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@media print"))
        #expect(html.contains(".card { border: 1px solid var(--rule); border-left: 5px solid var(--sens);"))
        #expect(html.contains("break-inside: avoid; page-break-inside: avoid;"))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func hostileStringsAppearOnlyEscaped() throws {
        let html = try HTMLReportWriter().render(ReportFixtures.hostile)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("\"onload="))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("href=\""))
        #expect(!html.contains("href='"))
        #expect(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(html.contains("x&quot; onload=&quot;alert(1)"))
        #expect(html.contains("&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;"))
        #expect(html.contains("&#39;2025&#39; &amp; &quot;now&quot;"))
        #expect(html.contains("ü ≥ 日本"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && !["\n", "\t", "\r"].contains($0) })
        #expect(html.contains("nul\u{FFFD}bell"))

        let scanner = HTMLTagScanner(html)
        #expect(!scanner.tags.isEmpty)
        for tag in scanner.tags {
            #expect(Self.allowedElements.contains(tag.name), "element \(tag.name)")
            for attribute in tag.attributes {
                #expect(Self.allowedAttributes.contains(attribute.name), "attribute \(attribute.name)")
                #expect(!attribute.value.contains("alert"), "attribute value \(attribute.value)")
            }
        }
        #expect(scanner.rawText.count == 1)
        #expect(scanner.rawText.first?.element == "style")
        #expect(scanner.rawText.first?.text == "\n\(HTMLStyle.css.description)\n")
        #expect(scanner.text.contains { $0.contains(ReportFixtures.Hostile.javascriptURL) })
    }

    @Test func theTagScannerSeesInjectedMarkup() {
        // Guards the test above: the scanner must find what an unescaped writer would emit.
        let scanner = HTMLTagScanner(
            "<p class=x onclick='alert(1)'>a</p><style>p{}</style><script>alert(1)</script><!-- <img> -->")
        #expect(scanner.tags.map(\.name) == ["p", "p", "style", "style", "script", "script"])
        #expect(scanner.tags[0].attributes.map(\.name) == ["class", "onclick"])
        #expect(scanner.rawText.map(\.element) == ["style", "script"])
    }

    static let pythonScan = """
        import sys
        from html.parser import HTMLParser
        class Scan(HTMLParser):
            def handle_starttag(self, tag, attrs):
                print("TAG", tag, " ".join(name for name, _ in attrs))
                for name, value in attrs:
                    if value and ("alert" in value or "javascript" in value):
                        print("BADVALUE", name)
        scanner = Scan(convert_charrefs=True)
        scanner.feed(sys.stdin.read())
        scanner.close()
        """

    @Test(.enabled(if: ExternalTools.hasPython))
    func pythonHTMLParserFindsNoScriptAndNoInputAttribute() throws {
        let result = try ExternalTools.runPython(
            Self.pythonScan, input: try HTMLReportWriter().render(ReportFixtures.hostile))
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count > 50)
        for line in lines {
            let words = line.split(separator: " ").map(String.init)
            #expect(words.first == "TAG", "\(line)")
            #expect(Self.allowedElements.contains(words[1]), "\(line)")
            #expect(words.dropFirst(2).allSatisfy { Self.allowedAttributes.contains($0) }, "\(line)")
        }
    }

    @Test func escapingFunctionReplacesAllFiveCharacters() {
        #expect(HTMLEscaping.escape("&<>\"'") == "&amp;&lt;&gt;&quot;&#39;")
        #expect(HTMLEscaping.escape("a\u{0}b\u{85}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
        #expect(HTMLEscaping.escape("plain ü") == "plain ü")
    }

    @Test("The pass that finds nothing to replace agrees with the scalar-by-scalar escape")
    func quickPassAgreesWithScalarEscape() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [String] = [
            "a", "BRAF p.V600E", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{00}", "\u{1F}", "\u{7F}",
            "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{C2}", "é", "′", "日本", "🧬", "\u{2028}",
        ]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            #expect(
                HTMLEscaping.escape(text) == HTMLEscaping.escapeByScalars(text), "\(text.debugDescription)")
        }
    }

    @Test func originAndReadsSayOnlyWhatIsKnown() {
        var fusion = ReportFixtures.brafV600E
        (fusion.chromosome, fusion.position, fusion.reference, fusion.alternate) = (nil, nil, nil, nil)
        (fusion.fusion, fusion.altDepth, fusion.depth, fusion.vaf) = ("CCDC6::RET", 65, nil, nil)
        (fusion.origin, fusion.zygosity) = ("unknown", "unknown")
        #expect(HTMLReportWriter.originText(fusion) == "—")
        #expect(HTMLReportWriter.depthText(fusion) == "65 split reads")

        var tumourOnly = ReportFixtures.brafV600E
        tumourOnly.origin = "unknown"
        #expect(HTMLReportWriter.originText(tumourOnly) == "origin unknown, heterozygous")
        tumourOnly.zygosity = "unknown"
        #expect(HTMLReportWriter.originText(tumourOnly) == "origin unknown")
        #expect(HTMLReportWriter.originText(ReportFixtures.brafV600E) == "somatic, heterozygous")
        var altOnly = ReportFixtures.brafV600E
        (altOnly.altDepth, altOnly.depth) = (7, nil)
        #expect(HTMLReportWriter.depthText(altOnly) == "7 alt reads")
    }

    @Test func germlineSectionOnlyWhenThereIsAFinding() throws {
        #expect(!(try HTMLReportWriter().render(ReportFixtures.melanoma)).contains("id=\"germline\""))
        var report = ReportFixtures.melanoma
        var brca2 = ReportFixtures.brafV600E
        (brca2.gene, brca2.proteinChange, brca2.origin) = ("BRCA2", "K1691Nfs*15", "germline")
        report.germlineFindings = [
            GermlineFindingSummary(gene: "BRCA2", alteration: brca2, statement: "Offer <counselling>.")
        ]
        let html = try HTMLReportWriter().render(report)
        let germline = try #require(section("germline", in: html))
        #expect(germline.contains("<p class=\"notice\">Offer &lt;counselling&gt;.</p>"))
        #expect(germline.contains("p.K1691Nfs*15"))
        // Named at the top too, where the eye starts.
        let top = try #require(
            section(
                "top",
                in: html.replacingOccurrences(of: "<header id=\"top\">", with: "<section id=\"top\">")
                    .replacingOccurrences(of: "</header>", with: "</section>")))
        #expect(
            top.contains(
                "Germline consideration: BRCA2 p.K1691Nfs*15 (germline) — see Germline considerations below.")
        )
        // Between the biomarkers and the therapy matches.
        let order = try ["id=\"biomarkers\"", "id=\"germline\"", "id=\"sensitivity\""].map {
            try #require(offset(of: $0, in: html))
        }
        #expect(order == order.sorted())
    }

    @Test func sameReportGivesSameBytes() throws {
        #expect(
            try HTMLReportWriter().renderBytes(ReportFixtures.melanoma)
                == HTMLReportWriter().renderBytes(ReportFixtures.melanoma))
    }

    /// The text of `<section id="name">…</section>`.
    func section(_ name: String, in html: String) -> Substring? {
        guard let start = html.range(of: "<section id=\"\(name)\">"),
            let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return html[start.lowerBound..<end.upperBound]
    }
}
