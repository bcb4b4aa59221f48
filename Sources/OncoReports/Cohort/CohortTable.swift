import OncoDomain

/// The cohort tables of a run: one ``CohortSampleResult`` per sample, in sheet order, rendered
/// as two TSV files, one JSON document and one HTML summary (see `docs/cohorts.md`).
///
/// Rendering is deterministic and depends only on the results, so `oncomatch batch` and
/// `oncomatch cohort-merge` give the same bytes for the same samples.
public struct CohortTable: Sendable, Equatable {
    /// Version of the cohort JSON layout.
    public static let schemaVersion = "1.1.0"

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
        "germline_findings", "therapy_options", "records_read", "records_skipped",
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

    /// Where each file goes in `directory`.
    public static func path(of file: File, inDirectory directory: String) -> String {
        TextFile.resolve(file.rawValue, against: directory.isEmpty ? "." : directory)
    }

    /// What is wrong with writing the tables into `directory` beside reading `inputs` (what,
    /// path) — a sheet named `cohort-samples.tsv` in the output folder would be replaced — or
    /// `nil`; see ``OutputPathCheck``. Ask before matching anything.
    public static func outputProblem(directory: String, inputs: [(what: String, path: String)]) -> String? {
        OutputPathCheck.problem(
            outputs: File.allCases.map { (flag: "--out", path: path(of: $0, inDirectory: directory)) },
            inputs: inputs)
    }

    /// Writes every file into `directory` (created if missing), each atomically, rendering on up
    /// to `threads` threads (the same bytes whatever the number).
    public func write(toDirectory directory: String, threads: Int = 1) throws {
        let pieces = renderPieces(threads: threads)
        for file in File.allCases {
            let path = Self.path(of: file, inDirectory: directory)
            try OutputDirectory.createParents(of: path)
            try ReportFileWriter.write(toPath: path) { (sink: borrowing ReportFileSink) throws in
                for piece in pieces[file]! { try sink.write(piece) }
            }
        }
    }

    /// The text of every file, rendered on up to `threads` threads; exactly ``render(_:)``'s text.
    public func renderAll(threads: Int) -> [File: String] {
        renderPieces(threads: threads).mapValues { $0.joined() }
    }

    /// Every file's text as consecutive pieces, rendered on up to `threads` threads: the HTML
    /// page on one, the TSV rows and JSON samples of consecutive runs of samples on the others.
    private func renderPieces(threads: Int) -> [File: [String]] {
        let threads = max(1, threads)
        let runs = threads == 1 ? 1 : min(results.count, threads * 4)
        let runLength = runs == 0 ? 0 : (results.count + runs - 1) / runs
        let results = results
        let rendered = OrderedWorkQueue<RenderedPiece>(threads: threads).run(
            count: runs + 1,
            job: { job in
                if job == 0 {
                    return .init(result: .html(CohortHTMLWriter(results: results).render()), stop: false)
                }
                let start = min((job - 1) * runLength, results.count)
                var run = RenderedRun()
                for result in results[start..<min(start + runLength, results.count)] {
                    run.therapies += Self.therapyLines(result)
                    run.samples += Self.sampleLine(result)
                    if !run.json.isEmpty { run.json += ",\n" }
                    run.json += Self.indentedJSON(Self.sampleJSON(result))
                }
                return .init(result: .run(run), stop: false)
            },
            completed: { _, _ in })
        var pieces: [File: [String]] = [
            .therapies: [Self.therapyColumns.joined(separator: "\t") + "\n"],
            .samples: [Self.sampleColumns.joined(separator: "\t") + "\n"],
        ]
        let emptyDocument = document(samples: []).serialized()
        let emptyEnd = "[]\n}\n"
        var json: [String]
        if results.isEmpty || !emptyDocument.hasSuffix(emptyEnd) {
            json = [self.json()]
        } else {
            // The document without samples ends with `  "samples": []\n}\n`: the items go
            // between the brackets.
            json = [emptyDocument.dropLast(emptyEnd.utf8.count) + "[\n"]
        }
        for piece in rendered {
            switch piece {
            case .html(let text)?: pieces[.html] = [text]
            case .run(let run)?:
                pieces[.therapies]!.append(run.therapies)
                pieces[.samples]!.append(run.samples)
                if !results.isEmpty && !run.json.isEmpty {
                    json.append(json.count == 1 ? run.json : ",\n" + run.json)
                }
            case nil: break
            }
        }
        if json.count > 1 { json.append("\n  ]\n}\n") }
        pieces[.json] = json
        return pieces
    }

    /// What one rendering job gives.
    private enum RenderedPiece: Sendable {
        case html(String)
        case run(RenderedRun)
    }

    /// The rows of a run of samples in each file.
    private struct RenderedRun: Sendable {
        var therapies = ""
        var samples = ""
        /// The samples' JSON objects, indented as items of the `samples` array, separated by `,\n`.
        var json = ""
    }

    // MARK: TSV

    private func therapiesTSV() -> String {
        var output = Self.therapyColumns.joined(separator: "\t") + "\n"
        for result in results { output += Self.therapyLines(result) }
        return output
    }

    private static func therapyLines(_ result: CohortSampleResult) -> String {
        var output = ""
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
        return output
    }

    private func samplesTSV() -> String {
        var output = Self.sampleColumns.joined(separator: "\t") + "\n"
        for result in results { output += Self.sampleLine(result) }
        return output
    }

    private static func sampleLine(_ result: CohortSampleResult) -> String {
        let fields = [
            TSVReportWriter.escape(result.sample), TSVReportWriter.escape(result.tumourType),
            TSVReportWriter.escape(result.status.text), result.tmb ?? "",
            TSVReportWriter.escape(result.tmbNumerator ?? ""), TSVReportWriter.escape(result.msi),
            TSVReportWriter.escape(result.hrd), String(result.matchCount), String(result.nearMissCount),
            TSVReportWriter.list(result.germlineFindings), String(result.therapyRows.count),
            String(result.recordsRead), String(result.recordsSkipped),
        ]
        return fields.joined(separator: "\t") + "\n"
    }

    // MARK: JSON

    private func json() -> String {
        document(samples: results.map(Self.sampleJSON)).serialized()
    }

    /// The cohort document: counts of ``results``, and `samples` as given.
    private func document(samples: [JSONValue]) -> JSONValue {
        let failed = results.filter { $0.status != .ok }.count
        return JSONValue.object([
            ("cohort_schema_version", .string(Self.schemaVersion)),
            ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
            (
                "counts",
                .object([
                    ("samples", .integer(results.count)), ("ok", .integer(results.count - failed)),
                    ("failed", .integer(failed)),
                ])
            ),
            ("samples", .array(samples)),
        ])
    }

    /// `value` as an item of the document's `samples` array: each line indented by two levels
    /// (JSON text holds no raw newline inside a string), without a final newline.
    private static func indentedJSON(_ value: JSONValue) -> String {
        let text = value.serialized()
        var bytes: [UInt8] = [0x20, 0x20, 0x20, 0x20]
        bytes.reserveCapacity(text.utf8.count * 5 / 4 + 4)
        for byte in text.utf8.dropLast() {
            bytes.append(byte)
            if byte == 0x0A { bytes.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func sampleJSON(_ result: CohortSampleResult) -> JSONValue {
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
            ("germline_findings", .strings(result.germlineFindings)),
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
