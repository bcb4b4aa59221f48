import Foundation
import OncoReports
import TestSupport
import Testing

@Suite("JSON report against docs/report-schema.json")
struct SchemaValidationTests {
    static let schemaPath = TestData.packageRoot.appendingPathComponent("docs/report-schema.json").path
    static let reports: [(name: String, report: MatchReport)] = [
        ("melanoma", ReportFixtures.melanoma), ("empty", ReportFixtures.empty),
        ("hostile", ReportFixtures.hostile),
    ]

    static func schema() throws -> OrderedJSON {
        try OrderedJSONParser.parse(String(contentsOfFile: schemaPath, encoding: .utf8))
    }

    @Test(arguments: reports.map(\.name))
    func writerOutputSatisfiesTheSchema(name: String) throws {
        let report = try #require(Self.reports.first { $0.name == name }?.report)
        let document = try OrderedJSONParser.parse(try JSONReportWriter().render(report))
        let errors = SchemaValidator(root: try Self.schema()).errors(in: document)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func theValidatorRejectsDocumentsThatBreakTheSchema() throws {
        let validator = SchemaValidator(root: try Self.schema())
        let valid = try JSONReportWriter().render(ReportFixtures.melanoma)
        let broken: [(change: (String) -> String, expected: String)] = [
            (
                {
                    $0.replacingOccurrences(of: "\"effect\": \"resistance\"", with: "\"effect\": \"harmful\"")
                },
                "$.matches[3].effect: value not in enum"
            ),
            (
                { $0.replacingOccurrences(of: "\"records_read\": 1204,", with: "") },
                "$.qc: missing required records_read"
            ),
            (
                {
                    $0.replacingOccurrences(
                        of: "\"records_filtered\": 37,", with: "\"records_filtered\": 37, \"extra\": 1,")
                },
                "$.qc: unexpected property extra"
            ),
            (
                {
                    $0.replacingOccurrences(
                        of: "\"unit\": \"mut/Mb\",", with: "\"unit\": \"mut/Mb\", \"extra\": 1,")
                },
                "$.biomarkers.tmb: matches 0 of oneOf, expected exactly 1"
            ),
            (
                { $0.replacingOccurrences(of: "\"depth\": 187", with: "\"depth\": 187.5") },
                "$.matches[0].alterations[0].depth: expected type integer|null"
            ),
            (
                { $0.replacingOccurrences(of: "3f1c9a0d", with: "XYZ") },
                "$.rules.sha256: does not match ^[0-9a-f]{64}$"
            ),
        ]
        for (change, expected) in broken {
            let changed = change(valid)
            #expect(changed != valid)
            let errors = validator.errors(in: try OrderedJSONParser.parse(changed))
            #expect(errors.contains(expected), "\(errors)")
        }
    }

    static let pythonCheck = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = sorted(e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)))
        print("\\n".join(errors))
        sys.exit(1 if errors else 0)
        """

    @Test(.enabled(if: ExternalTools.hasJSONSchema), arguments: reports.map(\.name))
    func pythonJSONSchemaAgrees(name: String) throws {
        let report = try #require(Self.reports.first { $0.name == name }?.report)
        let result = try ExternalTools.runPython(
            Self.pythonCheck, input: try JSONReportWriter().render(report), arguments: [Self.schemaPath])
        #expect(result.status == 0, "\(result.output)\(result.error)")
    }

    @Test(.enabled(if: ExternalTools.hasJSONSchema))
    func pythonJSONSchemaRejectsAnUnknownTier() throws {
        let text = try JSONReportWriter().render(ReportFixtures.melanoma)
            .replacingOccurrences(of: "\"amp_tier\": \"II-C\"", with: "\"amp_tier\": \"III\"")
        let result = try ExternalTools.runPython(Self.pythonCheck, input: text, arguments: [Self.schemaPath])
        #expect(result.status == 1)
        #expect(result.output.contains("'III' is not one of"))
    }
}
