/// Writes a ``MatchReport`` as deterministic JSON, as described by `docs/report-schema.json`.
///
/// - Keys are snake_case, in the fixed order of the schema (and of the model).
/// - Every optional value is written as `null` when absent — the key set never changes — except
///   `report_date`, which is omitted unless the user set it.
/// - Numbers are fixed-point text: VAF with 4 decimals, TMB values (mut/Mb) with 2, callable
///   megabases with 3; counts, positions and depths as integers.
/// - Strings are UTF-8, with `"`, `\` and control characters escaped.
/// - Two-space indentation and a final newline.
public struct JSONReportWriter: ReportWriter {
    /// Decimals written for variant allele fractions.
    public static let vafFractionDigits = 4
    /// Decimals written for TMB values in mutations per megabase.
    public static let tmbFractionDigits = 2
    /// Decimals written for the callable territory in megabases.
    public static let callableMegabaseFractionDigits = 3

    public var format: ReportFormat { .json }

    public init() {}

    public func render(_ report: MatchReport) throws(ReportError) -> String {
        try document(for: report).serialized()
    }

    /// The JSON as bytes, written straight into a byte array (no intermediate `String`).
    public func renderBytes(_ report: MatchReport) throws(ReportError) -> [UInt8] {
        try document(for: report).serializedBytes()
    }

    func document(for report: MatchReport) throws(ReportError) -> JSONValue {
        // The near-misses (most of a large report) are rendered on another thread meanwhile; a
        // top-level member, its value is written at indentation 1.
        let nearMisses = BackgroundJSONArray(report.nearMisses, indent: 1, writing: Self.writeNearMiss)
        var members: [(key: String, value: JSONValue)] = [
            ("schema_version", .string(MatchReport.schemaVersion)),
            (
                "tool",
                .object([("name", .string(report.tool.name)), ("version", .string(report.tool.version))])
            ),
            (
                "rules",
                .object([
                    ("id", .string(report.rules.id)),
                    ("version", .string(report.rules.version)),
                    ("reviewed", .string(report.rules.reviewed)),
                    ("sha256", .string(report.rules.sha256)),
                    ("rule_count", .integer(report.rules.ruleCount)),
                ])
            ),
            (
                "input",
                .object([
                    ("path", .string(report.input.path)),
                    ("sha256", .string(report.input.sha256)),
                    ("format", .string(report.input.format)),
                    ("build", .string(report.input.build)),
                    ("samples", .strings(report.input.samples)),
                    ("copy_number", Self.file(report.input.copyNumber)),
                    ("fusions", Self.file(report.input.fusions)),
                    ("target", Self.file(report.input.target)),
                ])
            ),
            (
                "sample",
                .object([("name", .string(report.sample.name)), ("normal", .optional(report.sample.normal))])
            ),
            (
                "tumour_type",
                .object([
                    ("code", .string(report.tumourType.code)),
                    ("name", .string(report.tumourType.name)),
                    ("main_type", .optional(report.tumourType.mainType)),
                ])
            ),
        ]
        if let date = report.reportDate { members.append(("report_date", .string(date))) }
        members.append(("biomarkers", try biomarkers(report.biomarkers)))
        var matches: [JSONValue] = []
        for (index, match) in report.matches.enumerated() {
            matches.append(try therapyMatch(match, path: "matches[\(index)]"))
        }
        members.append(("matches", .array(matches)))
        members.append(("near_misses", nearMisses.value()))
        var germline: [JSONValue] = []
        for (index, finding) in report.germlineFindings.enumerated() {
            germline.append(
                .object([
                    ("gene", .string(finding.gene)),
                    (
                        "alteration",
                        try Self.alteration(
                            finding.alteration, indent: 3, path: "germline_findings[\(index)].alteration")
                    ),
                    ("statement", .string(finding.statement)),
                ]))
        }
        members.append(("germline_findings", .array(germline)))
        members.append(("warnings", .strings(report.warnings)))
        members.append(("qc", qualityControl(report.qc)))
        members.append(("disclaimer", .string(MatchReport.disclaimer)))
        return .object(members)
    }

    private func biomarkers(_ summary: BiomarkerSummary) throws(ReportError) -> JSONValue {
        // Members of a top-level member: their values sit at indentation 2.
        let mismatchRepair = try Self.alterations(
            summary.mismatchRepairAlterations, indent: 2, path: "biomarkers.mmr_alterations")
        let proofreading = try Self.alterations(
            summary.polymeraseProofreadingAlterations, indent: 2, path: "biomarkers.pol_alterations")
        return .object([
            ("tmb", try summary.tmb.map { (tmb) throws(ReportError) in try self.tmb(tmb) } ?? .null),
            ("msi", .string(summary.msi)),
            ("msi_source", .optional(summary.msiSource)),
            ("hrd", .string(summary.hrd)),
            ("hrd_source", .optional(summary.hrdSource)),
            ("mmr_alterations", mismatchRepair),
            ("pol_alterations", proofreading),
        ])
    }

    private func tmb(_ tmb: TMBSummary) throws(ReportError) -> JSONValue {
        var alternatives: [JSONValue] = []
        for (index, alternative) in tmb.alternatives.enumerated() {
            alternatives.append(
                .object([
                    ("numerator", .string(alternative.numerator)),
                    ("count", .integer(alternative.count)),
                    (
                        "value",
                        try Self.number(
                            alternative.value, digits: Self.tmbFractionDigits,
                            field: "biomarkers.tmb.alternatives[\(index)].value")
                    ),
                ]))
        }
        return .object([
            (
                "value",
                try Self.number(tmb.value, digits: Self.tmbFractionDigits, field: "biomarkers.tmb.value")
            ),
            ("unit", .string("mut/Mb")),
            ("numerator", .string(tmb.numerator)),
            ("count", .integer(tmb.count)),
            (
                "callable_mb",
                try Self.number(
                    tmb.callableMegabases, digits: Self.callableMegabaseFractionDigits,
                    field: "biomarkers.tmb.callable_mb")
            ),
            ("callable_source", .string(tmb.callableSource)),
            ("formula", .string(tmb.formula)),
            ("cautions", .strings(tmb.cautions)),
            ("alternatives", .array(alternatives)),
        ])
    }

    private func therapyMatch(_ match: TherapyMatch, path: @autoclosure () -> String) throws(ReportError)
        -> JSONValue
    {
        // A match can name hundreds of alterations; its members sit at indentation 3 (matches[]
        // is a top-level member).
        let alterations = try Self.alterations(match.alterations, indent: 3, path: "\(path()).alterations")
        return .object([
            ("rule_id", .string(match.ruleId)),
            ("rule_title", .string(match.ruleTitle)),
            ("supporting_rule_ids", .strings(match.supportingRuleIds)),
            ("conflicting_rule_ids", .strings(match.conflictingRuleIds)),
            ("genes", .strings(match.genes)),
            ("alterations", alterations),
            ("biomarker_findings", .strings(match.biomarkerFindings)),
            ("therapies", .strings(match.therapies)),
            ("category", .string(match.category)),
            ("effect", .string(match.effect)),
            ("amp_tier", .string(match.ampTier)),
            ("amp_level", .string(match.ampLevel)),
            ("escat", .optional(match.escat)),
            ("on_label", .bool(match.onLabel)),
            ("rule_tumour_types", .strings(match.ruleTumourTypes)),
            ("match_level", .string(match.matchLevel)),
            ("principal_transcript", .bool(match.principalTranscript)),
            (
                "evidence",
                .object([
                    ("source", .string(match.evidence.source)),
                    ("references", .strings(match.evidence.references)),
                    ("statement", .string(match.evidence.statement)),
                    ("uncertain", .bool(match.evidence.uncertain)),
                ])
            ),
            ("explanation", .string(match.explanation)),
        ])
    }

    /// The keys of an alteration, in order.
    private static let alterationKeys: [StaticString] = [
        "gene", "protein_change", "hgvsc", "consequence", "variant_class", "fusion", "chromosome", "position",
        "ref", "alt", "filter", "vaf", "depth", "alt_depth", "support", "origin", "zygosity", "transcript",
        "principal_transcript",
    ]

    /// Throws for a number JSON cannot hold (a non-finite VAF), naming the field.
    private static func checkNumbers(_ item: AlterationSummary, path: @autoclosure () -> String)
        throws(ReportError)
    {
        if let value = item.vaf, !value.isFinite { throw .nonFiniteNumber(field: "\(path()).vaf") }
    }

    /// An alteration object written straight to bytes at `indent` (its numbers checked by
    /// ``checkNumbers(_:path:)`` first).
    @Sendable static func writeAlteration(_ item: AlterationSummary, to output: inout [UInt8], indent: Int) {
        func optional(_ text: String?, _ output: inout [UInt8]) {
            if let text {
                JSONValue.appendQuoted(text, to: &output)
            } else {
                output.append(contentsOf: "null".utf8)
            }
        }
        func integer(_ value: Int?, _ output: inout [UInt8]) {
            output.append(contentsOf: (value.map { String($0) } ?? "null").utf8)
        }
        JSONValue.writeObject(keys: alterationKeys, to: &output, indent: indent) { member, output, _ in
            switch member {
            case 0: JSONValue.appendQuoted(item.gene, to: &output)
            case 1: optional(item.proteinChange, &output)
            case 2: optional(item.hgvsc, &output)
            case 3: optional(item.consequence, &output)
            case 4: JSONValue.appendQuoted(item.variantClass, to: &output)
            case 5: optional(item.fusion, &output)
            case 6: optional(item.chromosome, &output)
            case 7: integer(item.position, &output)
            case 8: optional(item.reference, &output)
            case 9: optional(item.alternate, &output)
            case 10: optional(item.filter, &output)
            case 11:
                let text = item.vaf.flatMap { DecimalText.fixed($0, fractionDigits: vafFractionDigits) }
                output.append(contentsOf: (text ?? "null").utf8)
            case 12: integer(item.depth, &output)
            case 13: integer(item.altDepth, &output)
            case 14: optional(item.support, &output)
            case 15: JSONValue.appendQuoted(item.origin, to: &output)
            case 16: JSONValue.appendQuoted(item.zygosity, to: &output)
            case 17: optional(item.transcript, &output)
            default: output.append(contentsOf: (item.principalTranscript ? "true" : "false").utf8)
            }
        }
    }

    /// An array of alterations placed at `indent`, each written straight to bytes
    /// (``writeAlteration(_:to:indent:)``) once its numbers are checked (`path[i]` in errors).
    private static func alterations(
        _ items: [AlterationSummary], indent: Int, path: @autoclosure () -> String
    ) throws(ReportError) -> JSONValue {
        for (index, item) in items.enumerated() { try checkNumbers(item, path: "\(path())[\(index)]") }
        return .concurrentArray(items, indent: indent, writing: writeAlteration)
    }

    /// One alteration object placed at `indent` (``writeAlteration(_:to:indent:)``, after
    /// ``checkNumbers(_:path:)``).
    private static func alteration(_ item: AlterationSummary, indent: Int, path: @autoclosure () -> String)
        throws(ReportError) -> JSONValue
    {
        try checkNumbers(item, path: path())
        var bytes: [UInt8] = []
        writeAlteration(item, to: &bytes, indent: indent)
        return .serialized([bytes])
    }

    /// `{path, sha256}` of a companion input, or `null`.
    private static func file(_ file: FileProvenance?) -> JSONValue {
        guard let file else { return .null }
        return .object([("path", .string(file.path)), ("sha256", .string(file.sha256))])
    }

    /// The keys of a near-miss, in order.
    private static let nearMissKeys: [StaticString] = ["gene", "alteration", "reason", "rule_ids"]

    /// ``nearMiss(_:)`` written straight to bytes (a report can hold thousands): the same bytes.
    @Sendable static func writeNearMiss(_ miss: NearMiss, to output: inout [UInt8], indent: Int) {
        JSONValue.writeObject(keys: nearMissKeys, to: &output, indent: indent) { member, output, indent in
            switch member {
            case 0: JSONValue.appendQuoted(miss.gene, to: &output)
            case 1: JSONValue.appendQuoted(miss.alteration, to: &output)
            case 2: JSONValue.appendQuoted(miss.reason, to: &output)
            default: JSONValue.writeStrings(miss.ruleIds, to: &output, indent: indent)
            }
        }
    }

    @Sendable static func nearMiss(_ miss: NearMiss) -> JSONValue {
        .object([
            ("gene", .string(miss.gene)),
            ("alteration", .string(miss.alteration)),
            ("reason", .string(miss.reason)),
            ("rule_ids", .strings(miss.ruleIds)),
        ])
    }

    private func qualityControl(_ qc: QualityControl) -> JSONValue {
        .object([
            ("records_read", .integer(qc.recordsRead)),
            ("records_skipped", .integer(qc.recordsSkipped)),
            ("skipped_examples", .strings(qc.skippedExamples)),
            ("records_filtered", .integer(qc.recordsFiltered)),
            ("annotation_source", .string(qc.annotationSource)),
            ("alterations_indexed", .integer(qc.alterationsIndexed)),
        ])
    }

    private static func number(_ value: Double, digits: Int, field: String) throws(ReportError) -> JSONValue {
        guard let text = DecimalText.fixed(value, fractionDigits: digits) else {
            throw .nonFiniteNumber(field: field)
        }
        return .number(text)
    }
}
