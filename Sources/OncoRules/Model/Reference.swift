/// A citation backing a rule's evidence.
public enum Reference: Hashable, Sendable {
    /// A regulatory agency that issues drug labels.
    public enum Agency: String, Hashable, Sendable, CaseIterable {
        case fda = "FDA"
        case ema = "EMA"
    }

    /// A drug label: `FDA dabrafenib + trametinib label (2018)`.
    case label(agency: Agency, drug: String, year: Int?, indication: String?)
    /// A clinical practice guideline, e.g. `NCCN Colon Cancer`.
    case guideline(name: String, year: Int?)
    /// A clinical trial by name and/or ClinicalTrials.gov identifier (`NCT` + 8 digits).
    case trial(name: String?, nct: String?)
    /// A PubMed identifier (digits only).
    case pmid(String)
    /// A CIViC evidence item (`EID…`) and/or assertion (`AID…`).
    case civic(eid: String?, aid: String?)
    /// Free text.
    case other(text: String)

    /// The `type` key of the reference in rule files.
    public var typeName: String {
        switch self {
        case .label: "label"
        case .guideline: "guideline"
        case .trial: "trial"
        case .pmid: "pmid"
        case .civic: "civic"
        case .other: "other"
        }
    }

    /// A one-line human citation for reports.
    public var citation: String {
        switch self {
        case .label(let agency, let drug, let year, let indication):
            var text = "\(agency.rawValue) label: \(drug)"
            if let indication { text += " (\(indication))" }
            if let year { text += ", \(year)" }
            return text
        case .guideline(let name, let year):
            return year.map { "\(name) guideline, \($0)" } ?? "\(name) guideline"
        case .trial(let name, let nct):
            switch (name, nct) {
            case (let name?, let nct?): return "Trial \(name) (\(nct))"
            case (let name?, nil): return "Trial \(name)"
            case (nil, let nct?): return "Trial \(nct)"
            case (nil, nil): return "Trial"
            }
        case .pmid(let pmid):
            return "PMID \(pmid)"
        case .civic(let eid, let aid):
            return "CIViC " + [eid, aid].compactMap { $0 }.joined(separator: ", ")
        case .other(let text):
            return text
        }
    }
}
