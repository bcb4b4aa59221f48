import OncoDomain

/// The cohort tables of a run: one ``CohortSampleResult`` per sample, in sheet order, rendered
/// as two TSV files, one JSON document and one HTML summary (see `docs/cohorts.md`).
///
/// Rendering is deterministic and depends only on the results, so `oncomatch batch` and
/// `oncomatch cohort-merge` give the same bytes for the same samples.
public struct CohortTable: Sendable, Equatable {
    /// Version of the cohort JSON layout.
    public static let schemaVersion = "1.0.0"

    /// The files of a cohort table, with their names in the output folder.
    public enum File: String, Sendable, CaseIterable {
        /// One row per sample × therapy option group.
        case therapies = "cohort-therapies.tsv"
        /// One row per sample: status, biomarkers, counts.
        case samples = "cohort-samples.tsv"
        /// Both tables as one JSON document.
        case json = "cohort.json"
        /// A self-contained summary page.
        case html = "cohort.html"
    }

    /// Columns of ``File/therapies``.
    public static let therapyColumns = [
        "sample", "tumour_type", "therapies", "effect", "category", "amp_tier", "escat", "on_label", "genes",
        "alterations", "rule_ids",
    ]
    /// Columns of ``File/samples``.
    public static let sampleColumns = [
        "sample", "tumour_type", "status", "tmb", "tmb_numerator", "msi", "hrd", "matches", "near_misses",
        "therapy_options", "records_read", "records_skipped",
    ]

    public var results: [CohortSampleResult]

    public init(results: [CohortSampleResult]) {
        self.results = results
    }

    /// The text of `file`.
    public func render(_ file: File) -> String {
        switch file {
        case .therapies: therapiesTSV()
        case .samples: samplesTSV()
        case .json: json()
        case .html: CohortHTMLWriter(results: results).render()
        }
    }

    /// Writes every file into `directory` (created if missing), each atomically.
    public func write(toDirectory directory: String) throws {
        for file in File.allCases {
            let path = TextFile.resolve(file.rawValue, against: directory.isEmpty ? "." : directory)
            try OutputDirectory.createParents(of: path)
            try ReportFileWriter.write(Array(render(file).utf8), toPath: path)
        }
    }

    // MARK: TSV

    private func therapiesTSV() -> String {
        var output = Self.therapyColumns.joined(separator: "\t") + "\n"
        for result in results {
            for row in result.therapyRows {
                let fields = [
                    TSVReportWriter.escape(result.sample), TSVReportWriter.escape(result.tumourType),
                    TSVReportWriter.list(row.therapies), TSVReportWriter.escape(row.effect),
                    TSVReportWriter.escape(row.category), TSVReportWriter.escape(row.ampTier),
                    TSVReportWriter.escape(row.escat ?? ""), row.onLabel ? "true" : "false",
                    TSVReportWriter.list(row.genes), TSVReportWriter.list(row.alterations),
                    TSVReportWriter.list(row.ruleIds),
                ]
                output += fields.joined(separator: "\t") + "\n"
            }
        }
        return output
    }

    private func samplesTSV() -> String {
        var output = Self.sampleColumns.joined(separator: "\t") + "\n"
        for result in results {
            let fields = [
                TSVReportWriter.escape(result.sample), TSVReportWriter.escape(result.tumourType),
                TSVReportWriter.escape(result.status.text), result.tmb ?? "",
                TSVReportWriter.escape(result.tmbNumerator ?? ""), TSVReportWriter.escape(result.msi),
                TSVReportWriter.escape(result.hrd), String(result.matchCount), String(result.nearMissCount),
                String(result.therapyRows.count), String(result.recordsRead), String(result.recordsSkipped),
            ]
            output += fields.joined(separator: "\t") + "\n"
        }
        return output
    }

    // MARK: JSON

    private func json() -> String {
        let failed = results.filter { $0.status != .ok }.count
        let document = JSONValue.object([
            ("cohort_schema_version", .string(Self.schemaVersion)),
            ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
            (
                "counts",
                .object([
                    ("samples", .integer(results.count)), ("ok", .integer(results.count - failed)),
                    ("failed", .integer(failed)),
                ])
            ),
            ("samples", .array(results.map(sampleJSON))),
        ])
        return document.serialized()
    }

    private func sampleJSON(_ result: CohortSampleResult) -> JSONValue {
        var error: JSONValue = .null
        if case .failed(let message) = result.status { error = .string(message) }
        return .object([
            ("sample", .string(result.sample)),
            ("tumour_type", .string(result.tumourType)),
            ("tumour_type_name", .optional(result.tumourTypeName)),
            ("status", .string(result.status == .ok ? "ok" : "failed")),
            ("error", error),
            ("tmb", result.tmb.map(JSONValue.number) ?? .null),
            ("tmb_numerator", .optional(result.tmbNumerator)),
            ("msi", .string(result.msi)),
            ("hrd", .string(result.hrd)),
            ("matches", .integer(result.matchCount)),
            ("near_misses", .integer(result.nearMissCount)),
            ("records_read", .integer(result.recordsRead)),
            ("records_skipped", .integer(result.recordsSkipped)),
            (
                "therapy_options",
                .array(
                    result.therapyRows.map { row in
                        .object([
                            ("therapies", .strings(row.therapies)),
                            ("effect", .string(row.effect)),
                            ("category", .string(row.category)),
                            ("amp_tier", .string(row.ampTier)),
                            ("escat", .optional(row.escat)),
                            ("on_label", .bool(row.onLabel)),
                            ("genes", .strings(row.genes)),
                            ("alterations", .strings(row.alterations)),
                            ("rule_ids", .strings(row.ruleIds)),
                        ])
                    })
            ),
        ])
    }
}
