import ArgumentParser
import Foundation
import GenomicFormats

/// `oncomatch stats [--json] [--strict] FILE`: whole-file VCF statistics.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count records, variant kinds, annotations and genotypes in a VCF file.",
        discussion: """
            Reads every record and decodes every INFO and FORMAT value. Counts follow bcftools stats \
            (sites by the kinds of ALT alleles they carry). Exit codes: 0 success, 1 invalid input, \
            2 usage or I/O error.
            """)

    @Flag(name: .long, help: "Write JSON (sorted keys) instead of the human-readable summary.")
    var json = false

    @Flag(name: .long, help: "Stop at the first malformed line instead of skipping and counting it.")
    var strict = false

    @Argument(help: "The VCF file (plain; `-` for standard input).")
    var file: String

    /// Exit status for an error raised while reading: 2 for I/O, 1 for invalid content.
    static func exitStatus(for error: Error) -> Int32 {
        if let error = error as? FormatError { return error.kind == .io ? 2 : 1 }
        return 2
    }

    /// Runs the command, writing the report to `output` and errors to `errors`; returns the exit status.
    func execute(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        do {
            let statistics = try VCFStatistics(path: file, options: strict ? .strict : .lenient)
            output(json ? statistics.jsonText() : statistics.summaryText())
            return 0
        } catch {
            errors("oncomatch stats: \(error)\n")
            return Self.exitStatus(for: error)
        }
    }

    func run() throws {
        let status = execute(
            output: { print($0, terminator: "") },
            errors: { FileHandle.standardError.write(Data($0.utf8)) })
        if status != 0 { throw ExitCode(status) }
    }
}
