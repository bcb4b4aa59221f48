import Foundation
import Testing

@testable import OncoReports

@Suite("JSON report writer")
struct JSONReportWriterTests {
    let writer = JSONReportWriter()

    @Test func parsesWithFoundationAndHoldsTheModelsValues() throws {
        let text = try writer.render(ReportFixtures.melanoma)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["schema_version"] as? String == "1.2.0")
        #expect(parsed["report_date"] as? String == "2025-11-30")
        #expect(parsed["disclaimer"] as? String == MatchReport.disclaimer)
        let sample = try #require(parsed["sample"] as? [String: Any])
        #expect(sample["name"] as? String == "FIXTURE-TUMOUR-01")
        #expect(sample["normal"] as? String == "FIXTURE-NORMAL-01")
        let rules = try #require(parsed["rules"] as? [String: Any])
        #expect(rules["rule_count"] as? Int == 42)
        let matches = try #require(parsed["matches"] as? [[String: Any]])
        #expect(matches.count == 4)
        #expect(matches.map { $0["rule_id"] as? String } == ReportFixtures.melanoma.matches.map(\.ruleId))
        let braf = try #require((matches[0]["alterations"] as? [[String: Any]])?.first)
        #expect(braf["gene"] as? String == "BRAF")
        #expect(braf["protein_change"] as? String == "V600E")
        #expect(braf["position"] as? Int == 140_753_336)
        #expect(braf["ref"] as? String == "A")
        #expect(braf["alt"] as? String == "T")
        #expect(braf["vaf"] as? Double == 0.4124)
        #expect(matches[0]["on_label"] as? Bool == true)
        #expect(matches[2]["on_label"] as? Bool == false)
        #expect(matches[2]["amp_tier"] as? String == "II-C")
        #expect(matches[2]["escat"] is NSNull)
        #expect(matches[3]["effect"] as? String == "resistance")
        #expect((matches[1]["alterations"] as? [Any])?.isEmpty == true)
        let tmb = try #require((parsed["biomarkers"] as? [String: Any])?["tmb"] as? [String: Any])
        #expect(tmb["unit"] as? String == "mut/Mb")
        #expect(tmb["count"] as? Int == 426)
        let nearMisses = try #require(parsed["near_misses"] as? [[String: Any]])
        #expect(nearMisses.map { $0["gene"] as? String } == ["BRCA2", "KIT"])
        let qc = try #require(parsed["qc"] as? [String: Any])
        #expect(qc["records_skipped"] as? Int == 2)
        #expect(qc["annotation_source"] as? String == "VEP CSQ")
    }

    @Test func keysAreInTheDocumentedOrder() throws {
        let document = try OrderedJSONParser.parse(try writer.render(ReportFixtures.melanoma))
        #expect(
            document.keys == [
                "schema_version", "tool", "rules", "input", "sample", "tumour_type", "report_date",
                "biomarkers",
                "matches", "near_misses", "germline_findings", "warnings", "qc", "disclaimer",
            ])
        #expect(document["rules"]?.keys == ["id", "version", "reviewed", "sha256", "rule_count"])
        #expect(
            document["input"]?.keys == [
                "path", "sha256", "format", "build", "samples", "copy_number", "fusions", "target",
            ])
        #expect(
            document["biomarkers"]?.keys == [
                "tmb", "msi", "msi_source", "hrd", "hrd_source", "mmr_alterations", "pol_alterations",
            ])
        #expect(
            document["biomarkers"]?["tmb"]?.keys == [
                "value", "unit", "numerator", "count", "callable_mb", "callable_source", "formula",
                "cautions",
                "alternatives",
            ])
        #expect(
            document["matches"]?[0]?.keys == [
                "rule_id", "rule_title", "supporting_rule_ids", "conflicting_rule_ids", "genes",
                "alterations",
                "biomarker_findings", "therapies", "category",
                "effect", "amp_tier", "amp_level", "escat", "on_label", "rule_tumour_types", "match_level",
                "principal_transcript", "evidence", "explanation",
            ])
        #expect(
            document["matches"]?[0]?["alterations"]?[0]?.keys == [
                "gene", "protein_change", "hgvsc", "consequence", "variant_class", "fusion", "chromosome",
                "position", "ref", "alt", "filter", "vaf", "depth", "alt_depth", "support", "origin",
                "zygosity",
                "transcript", "principal_transcript",
            ])
        #expect(
            document["matches"]?[0]?["evidence"]?.keys == ["source", "references", "statement", "uncertain"])
        #expect(document["near_misses"]?[0]?.keys == ["gene", "alteration", "reason", "rule_ids"])
        #expect(
            document["qc"]?.keys == [
                "records_read", "records_skipped", "skipped_examples", "records_filtered",
                "annotation_source",
                "alterations_indexed",
            ])
    }

    @Test func numbersHaveFixedDecimals() throws {
        let document = try OrderedJSONParser.parse(try writer.render(ReportFixtures.melanoma))
        let tmb = try #require(document["biomarkers"]?["tmb"])
        #expect(tmb["value"]?.numberText == "14.20")
        #expect(tmb["callable_mb"]?.numberText == "30.000")
        #expect(tmb["alternatives"]?[0]?["value"]?.numberText == "19.03")
        #expect(tmb["alternatives"]?[1]?["value"]?.numberText == "12.97")
        // 0.41235 rounds half up on its decimal digits.
        #expect(document["matches"]?[0]?["alterations"]?[0]?["vaf"]?.numberText == "0.4124")
        #expect(document["matches"]?[2]?["alterations"]?[0]?["vaf"]?.numberText == "0.1800")
        #expect(document["matches"]?[0]?["alterations"]?[0]?["depth"]?.numberText == "187")
    }

    @Test func optionalValuesAreNullAndTheDateIsOmittedWhenUnset() throws {
        let document = try OrderedJSONParser.parse(try writer.render(ReportFixtures.empty))
        #expect(!document.keys.contains("report_date"))
        #expect(document["sample"]?["normal"] == .null)
        #expect(document["tumour_type"]?["main_type"] == .null)
        #expect(document["biomarkers"]?["tmb"] == .null)
        #expect(document["biomarkers"]?["hrd_source"] == .null)
        #expect(document["matches"] == .array([]))
        #expect(document["warnings"] == .array([]))
    }

    @Test func hostileStringsRoundTripExactly() throws {
        let report = ReportFixtures.hostile
        let text = try writer.render(report)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((parsed["sample"] as? [String: Any])?["name"] as? String == ReportFixtures.Hostile.script)
        #expect(
            (parsed["sample"] as? [String: Any])?["normal"] as? String == ReportFixtures.Hostile.attribute)
        let match = try #require((parsed["matches"] as? [[String: Any]])?.first)
        #expect(match["explanation"] as? String == ReportFixtures.Hostile.control)
        #expect((parsed["warnings"] as? [String])?.last == ReportFixtures.Hostile.script + " ü ≥ 日本")
        // Control characters are escaped; non-ASCII stays UTF-8.
        #expect(text.contains(#""tab\there\nnew line\r\u0000nul\u0007bell;semi\\back""#))
        #expect(text.contains("ü ≥ 日本"))
        #expect(!text.utf8.contains { $0 < 0x20 && $0 != 0x0A })
    }

    @Test func stringEscapingCoversEveryControlCharacter() {
        var bytes: [UInt8] = []
        JSONValue.appendQuoted("\u{08}\u{0C}\u{1F}\u{7F}\u{2028}\"\\/é", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #""\b\f\u001f\u007f\u2028\"\\/é""#)
    }

    /// JSON string escaping scalar by scalar, as the writer did before it escaped on bytes:
    /// the reference the byte version must agree with.
    private static func appendQuotedByScalars(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append(contentsOf: "\\\"".utf8)
            case "\\": output.append(contentsOf: "\\\\".utf8)
            case "\u{08}": output.append(contentsOf: "\\b".utf8)
            case "\u{0C}": output.append(contentsOf: "\\f".utf8)
            case "\n": output.append(contentsOf: "\\n".utf8)
            case "\r": output.append(contentsOf: "\\r".utf8)
            case "\t": output.append(contentsOf: "\\t".utf8)
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                output.append(contentsOf: "\\u".utf8)
                output.append(contentsOf: JSONValue.hex4(scalar.value).utf8)
            default:
                output.append(contentsOf: String(scalar).utf8)
            }
        }
        output.append(0x22)
    }

    @Test("Escaping on bytes gives what escaping scalar by scalar gives")
    func byteEscapingMatchesScalarEscaping() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [String] = [
            "a", "BRAF p.V600E", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}",
            "\u{1F}",
            "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "′", "–", "≥", "é", "日本", "🧬", "\u{E2}",
            "ALK (3′ partner) fusion",
        ]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            var fast: [UInt8] = []
            var reference: [UInt8] = []
            JSONValue.appendQuoted(text, to: &fast)
            Self.appendQuotedByScalars(text, to: &reference)
            #expect(fast == reference, "\(text.debugDescription)")
        }
    }

    @Test func sameReportGivesSameBytes() throws {
        let first = try writer.renderBytes(ReportFixtures.melanoma)
        let copy = ReportFixtures.melanoma
        let second = try JSONReportWriter().renderBytes(copy)
        #expect(first == second)
        #expect(first.last == UInt8(ascii: "\n"))
    }

    @Test func nonFiniteNumbersAreAnErrorNamingTheField() {
        var report = ReportFixtures.melanoma
        report.matches[2].alterations[0].vaf = .nan
        #expect(throws: ReportError.nonFiniteNumber(field: "matches[2].alterations[0].vaf")) {
            try writer.render(report)
        }
        report = ReportFixtures.melanoma
        report.biomarkers.tmb?.value = .infinity
        #expect(throws: ReportError.nonFiniteNumber(field: "biomarkers.tmb.value")) {
            try writer.render(report)
        }
    }

    /// `value` inside arrays nested `depth` deep: a value written for indentation `depth` is
    /// placed there.
    private static func nested(_ value: JSONValue, depth: Int) -> JSONValue {
        (0..<depth).reduce(value) { inner, _ in .array([inner]) }
    }

    /// The size a document's buffer is reserved at: exact when no string needs an escape (empty
    /// and nested lists, members, literals, pre-serialised pieces), and under by the escapes'
    /// extra bytes only.
    @Test func estimatedByteCountIsTheWrittenSize() {
        let plain = JSONValue.object([
            ("empty_list", .array([])), ("empty_object", .object([])), ("flag", .bool(false)),
            ("yes", .bool(true)), ("none", .null), ("n", .integer(-12)), ("text", .string("p.V600E – ok")),
            ("list", .array([.string("a"), .object([("k", .strings(["x", "y"]))]), .number("0.5")])),
            ("pieces", .concurrentArray((0..<600).map { "item \($0)" }, indent: 1) { .string($0) }),
        ])
        for depth in [0, 1, 4] {
            let value = Self.nested(plain, depth: depth)
            // `serializedBytes()` ends with a newline the value itself does not write.
            #expect(
                value.estimatedByteCount(indent: 0) == value.serializedBytes().count - 1, "depth \(depth)")
        }
        let escaped = JSONValue.array([.string("tab\tquote\"")])
        #expect(escaped.estimatedByteCount(indent: 0) == escaped.serializedBytes().count - 1 - 2)
    }

    /// Long arrays are written on two threads: the same bytes as writing them whole, at any
    /// length (either side of the threshold, odd and even) and indentation.
    @Test func concurrentArraysWriteTheSameBytes() {
        for count in [0, 1, 2, 511, 512, 513, 2001] {
            let items = (0..<count).map { "item \($0) \u{7}\"é" }
            let value: @Sendable (String) -> JSONValue = {
                .object([("text", .string($0)), ("n", .integer(1))])
            }
            for indent in [0, 1, 3] {
                let whole = JSONValue.object([("a", .null), ("list", .array(items.map(value)))])
                let split = JSONValue.object([
                    ("a", .null), ("list", .concurrentArray(items, indent: 1, value)),
                ])
                #expect(whole.serializedBytes() == split.serializedBytes(), "count \(count)")
                // Placed at `indent`: compare inside an array nested that deep.
                #expect(
                    Self.nested(.array(items.map(value)), depth: indent).serializedBytes()
                        == Self.nested(.concurrentArray(items, indent: indent, value), depth: indent)
                        .serializedBytes(),
                    "count \(count), indent \(indent)")
            }
        }
    }

    /// An array rendered in chunks by a helper thread and its caller: the same bytes as writing
    /// it whole, at any length (chunks whole and cut short, with and without the helper) and
    /// indentation, however the threads shared the chunks.
    @Test func backgroundArraysWriteTheSameBytes() {
        let write: @Sendable (String, inout [UInt8], Int) -> Void = { text, output, indent in
            JSONValue.object([("text", .string(text)), ("n", .integer(text.count))]).write(
                to: &output, indent: indent)
        }
        for count in [0, 1, 7, 8, 9, 100, 2001] {
            let items = (0..<count).map { "item \($0) \u{7}\"é" }
            for indent in [0, 1, 3] {
                let whole = JSONValue.array(
                    items.map { .object([("text", .string($0)), ("n", .integer($0.count))]) })
                let chunked = BackgroundJSONArray(items, indent: indent, chunkSize: 4, writing: write).value()
                #expect(
                    Self.nested(whole, depth: indent).serializedBytes()
                        == Self.nested(chunked, depth: indent).serializedBytes(),
                    "count \(count), indent \(indent)")
            }
        }
    }

    /// Near-misses are written straight to bytes: the same bytes as their JSON values, at any
    /// count and depth, with and without rule ids and with characters to escape.
    @Test func nearMissesWrittenDirectlyAreTheirValues() {
        var generator = SystemRandomNumberGenerator()
        let texts = [
            "BRCA2", "BRCA2 p.N372H", "missense; rules need G1202R or an ALK (3′ partner) fusion", "",
            "tab\tquote\"\u{2028}",
        ]
        for count in [0, 1, 7, 511, 512, 1500] {
            let misses = (0..<count).map { _ in
                NearMiss(
                    gene: texts.randomElement(using: &generator)!,
                    alteration: texts.randomElement(using: &generator)!,
                    reason: texts.randomElement(using: &generator)!,
                    ruleIds: Array(["r-1", "r-2", "r\\3"].prefix(Int.random(in: 0...3, using: &generator))))
            }
            for indent in [0, 1, 2] {
                // Placed at `indent`: inside arrays nested that deep.
                let tree = JSONValue.array(misses.map(JSONReportWriter.nearMiss))
                let direct = JSONValue.concurrentArray(
                    misses, indent: indent, writing: JSONReportWriter.writeNearMiss)
                let same =
                    Self.nested(tree, depth: indent).serializedBytes()
                    == Self.nested(direct, depth: indent).serializedBytes()
                #expect(same, "count \(count), indent \(indent)")
            }
        }
    }
}
