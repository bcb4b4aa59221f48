/// What a cohort table keeps of one sample: its status, biomarkers, counts and therapy rows —
/// small, so a run never holds whole reports.
///
/// Built from a ``MatchReport`` (``init(sample:report:)``), from the JSON report a previous run
/// wrote (``CohortReportReader``), or for a failed sample (``failed(sample:tumourType:error:)``).
/// Numbers are kept as the text the tables print, so both routes give the same bytes.
public struct CohortSampleResult: Sendable, Equatable {
    /// `ok`, or `failed` with the error's text.
    public enum Status: Sendable, Equatable {
        case ok
        case failed(String)

        /// `ok` or `failed: <error>` (the error on one line).
        public var text: String {
            switch self {
            case .ok: "ok"
            case .failed(let message): "failed: " + message
            }
        }
    }

    /// The sample's id in the cohort (sheet `sample`).
    public var sample: String
    /// OncoTree code (as resolved by the run; as written in the sheet for a failed sample).
    public var tumourType: String
    public var tumourTypeName: String?
    public var status: Status
    /// TMB in mut/Mb with 2 decimals (as in the JSON report), when computed.
    public var tmb: String?
    /// TMB numerator, when computed (e.g. `coding-nonsynonymous`).
    public var tmbNumerator: String?
    /// `high`, `stable` or `unknown`.
    public var msi: String
    /// `positive`, `negative` or `unknown`.
    public var hrd: String
    public var matchCount: Int
    public var nearMissCount: Int
    /// The report's germline findings, `BRCA1 p.E23Vfs*17 (germline)`, in report order.
    public var germlineFindings: [String]
    public var recordsRead: Int
    public var recordsSkipped: Int
    public var therapyRows: [CohortTherapyRow]

    public init(
        sample: String, tumourType: String, tumourTypeName: String?, status: Status, tmb: String?,
        tmbNumerator: String?, msi: String, hrd: String, matchCount: Int, nearMissCount: Int,
        germlineFindings: [String] = [], recordsRead: Int,
        recordsSkipped: Int, therapyRows: [CohortTherapyRow]
    ) {
        self.germlineFindings = germlineFindings
        self.sample = sample
        self.tumourType = tumourType
        self.tumourTypeName = tumourTypeName
        self.status = status
        self.tmb = tmb
        self.tmbNumerator = tmbNumerator
        self.msi = msi
        self.hrd = hrd
        self.matchCount = matchCount
        self.nearMissCount = nearMissCount
        self.recordsRead = recordsRead
        self.recordsSkipped = recordsSkipped
        self.therapyRows = therapyRows
    }

    /// The cohort view of `report`, under the cohort id `sample`.
    public init(sample: String, report: MatchReport) throws(ReportError) {
        var tmbText: String?
        if let tmb = report.biomarkers.tmb {
            guard let text = DecimalText.fixed(tmb.value, fractionDigits: JSONReportWriter.tmbFractionDigits)
            else {
                throw .nonFiniteNumber(field: "biomarkers.tmb.value")
            }
            tmbText = text
        }
        self.init(
            sample: sample, tumourType: report.tumourType.code, tumourTypeName: report.tumourType.name,
            status: .ok,
            tmb: tmbText, tmbNumerator: report.biomarkers.tmb?.numerator, msi: report.biomarkers.msi,
            hrd: report.biomarkers.hrd, matchCount: report.matches.count,
            nearMissCount: report.nearMisses.count,
            germlineFindings: report.germlineFindings.map(\.headline),
            recordsRead: report.qc.recordsRead, recordsSkipped: report.qc.recordsSkipped,
            therapyRows: CohortTherapyRow.rows(from: report.matches))
    }

    /// A sample whose run failed with `error`.
    public static func failed(sample: String, tumourType: String, error: any Error) -> CohortSampleResult {
        let message = String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        return CohortSampleResult(
            sample: sample, tumourType: tumourType, tumourTypeName: nil, status: .failed(message), tmb: nil,
            tmbNumerator: nil, msi: "unknown", hrd: "unknown", matchCount: 0, nearMissCount: 0,
            recordsRead: 0,
            recordsSkipped: 0, therapyRows: [])
    }
}
