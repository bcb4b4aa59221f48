import ArgumentParser
import OncoReports

/// `oncomatch cohort-merge --out DIR REPORT.json…`: cohort tables from per-sample JSON reports.
struct CohortMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort-merge",
        abstract: "Build the cohort tables from per-sample JSON reports (as `batch` writes them).",
        discussion: """
            Rows follow the order of the arguments; each report's sample id is its file name without \
            .json (as `batch --reports` names them). The tables equal those of `oncomatch batch` on the \
            same samples, byte for byte. Exit codes: 0 success, 1 invalid report, 2 usage or I/O error.
            """)

    @Option(help: "Folder for the cohort tables.")
    var out: String

    @Argument(help: "Per-sample JSON reports, in sheet order.")
    var reports: [String]

    func validate() throws {
        if reports.isEmpty { throw ValidationError("give at least one JSON report") }
    }

    func run() throws {
        TemporaryFileRegistry.installInterruptCleanup()
        do {
            if let problem = CohortTable.outputProblem(
                directory: out, inputs: reports.map { (what: "report", path: $0) })
            {
                throw MatchJob.RequestError(problem)
            }
            var results: [CohortSampleResult] = []
            var seen: [String: String] = [:]
            for path in reports {
                let result = try CohortReportReader.read(path: path)
                if let first = seen[result.sample] {
                    throw CohortReportReader.ReadError(
                        file: path, message: "sample id '\(result.sample)' already given by \(first)")
                }
                seen[result.sample] = path
                results.append(result)
            }
            try CohortTable(results: results).write(toDirectory: out)
        } catch let error as CohortReportReader.ReadError {
            FileHandleOutput.standardError("oncomatch cohort-merge: \(error)\n")
            throw ExitCode(error.field == nil && error.message.hasPrefix("cannot") ? 2 : 1)
        } catch {
            FileHandleOutput.standardError("oncomatch cohort-merge: \(error)\n")
            throw ExitCode(2)
        }
    }
}
