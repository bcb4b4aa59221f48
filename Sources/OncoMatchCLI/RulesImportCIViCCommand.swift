import ArgumentParser
import Foundation
import OncoReports
import OncoRules

/// `oncomatch rules import-civic EVIDENCE.tsv -o civic.yaml`: convert CIViC predictive evidence.
struct RulesImportCIViCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-civic",
        abstract:
            "Convert CIViC predictive evidence (ClinicalEvidenceSummaries TSV, optionally VariantSummaries TSV) into a rule file.",
        discussion: "Items that cannot be expressed are counted and listed on stderr, never dropped silently."
    )

    @Argument(help: "CIViC ClinicalEvidenceSummaries TSV (current nightly or 2018 layout).")
    var evidence: String

    @Argument(
        help: "Optional CIViC VariantSummaries TSV: adds GRCh37 exact-allele criteria to SNV protein changes."
    )
    var variants: String?

    @Option(name: .shortAndLong, help: "Output rule file (YAML).")
    var output: String

    func run() throws {
        let inputs =
            [(what: "evidence TSV", path: evidence)]
            + (variants.map { [(what: "variant TSV", path: $0)] } ?? [])
        if let problem = OutputPathCheck.problem(outputs: [("--output", output)], inputs: inputs) {
            RulesLoading.printError("oncomatch rules import-civic: \(problem)")
            throw ExitCode(2)
        }
        guard let data = FileManager.default.contents(atPath: evidence) else {
            RulesLoading.printError("oncomatch: cannot read '\(evidence)'")
            throw ExitCode(2)
        }
        var variantSummaries: String?
        if let variants {
            guard let data = FileManager.default.contents(atPath: variants) else {
                RulesLoading.printError("oncomatch: cannot read '\(variants)'")
                throw ExitCode(2)
            }
            variantSummaries = String(decoding: data, as: UTF8.self)
        }
        let result: CIViCImporter.Result
        do {
            let importer = CIViCImporter(
                vocabulary: try RuleVocabulary.standard(), diseases: try CIViCDiseaseMap.bundled())
            result = try importer.importEvidence(
                tsv: String(decoding: data, as: UTF8.self), file: evidence, variantSummaries: variantSummaries
            )
        } catch let error as RuleLoadError {
            for diagnostic in error.diagnostics { RulesLoading.printError(diagnostic.description) }
            throw ExitCode(1)
        }
        do {
            try result.yaml.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            RulesLoading.printError("oncomatch: cannot write '\(output)': \(error.localizedDescription)")
            throw ExitCode(2)
        }
        RulesLoading.printError(result.report.text.trimmingCharacters(in: .newlines))
    }
}
