/// The output formats a ``MatchReport`` can be written in.
public enum ReportFormat: String, Sendable, CaseIterable, Equatable {
    /// Deterministic JSON described by `docs/report-schema.json`.
    case json
    /// Tab-separated values, one row per (match, alteration); see `docs/reports.md`.
    case tsv
    /// A self-contained HTML page for clinicians (inline CSS, no scripts, printable to A4).
    case html

    /// The usual file name extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The writer for this format, with its default settings.
    public var writer: any ReportWriter {
        switch self {
        case .json: JSONReportWriter()
        case .tsv: TSVReportWriter()
        case .html: HTMLReportWriter()
        }
    }
}

/// Turns a ``MatchReport`` into the text of one format.
///
/// Writers make no clinical decisions and read no clock or environment: the same report always
/// gives the same text, byte for byte.
public protocol ReportWriter: Sendable {
    /// The format this writer produces.
    var format: ReportFormat { get }

    /// The whole document for `report`.
    ///
    /// Throws ``ReportError/nonFiniteNumber(field:)`` when a number in the report is NaN or
    /// infinite: a report never shows a number it cannot state exactly.
    func render(_ report: MatchReport) throws(ReportError) -> String

    /// The document for `report` as UTF-8 bytes (what report files hold).
    func renderBytes(_ report: MatchReport) throws(ReportError) -> [UInt8]
}

extension ReportWriter {
    /// The document for `report` as UTF-8 bytes: ``render(_:)``'s text.
    public func renderBytes(_ report: MatchReport) throws(ReportError) -> [UInt8] {
        Array(try render(report).utf8)
    }
}
