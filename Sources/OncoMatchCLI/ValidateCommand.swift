import ArgumentParser
import Foundation
import GenomicFormats

/// `oncomatch validate [--strict] [--max-diagnostics N] FILE...`: VCF conformance checking.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check VCF files against the specification (4.1–4.5).",
        discussion: """
            Diagnostics go to standard error as 'file:line: error: …' or 'file:line: warning: …'; \
            one summary line per file goes to standard output. Exit codes: 0 every file valid, \
            1 some file invalid, 2 usage or I/O error (unknown options exit 64, as for every \
            subcommand).
            """)

    @Flag(name: .long, help: "Treat warnings (undeclared tags, unsorted records, …) as errors.")
    var strict = false

    @Option(
        name: .customLong("max-diagnostics"),
        help: "Print at most this many diagnostics per file (all are counted).")
    var maximumDiagnostics = 100

    @Argument(help: "VCF files (plain; `-` for standard input).")
    var files: [String] = []

    /// Missing files are a usage error with exit status 2 (not ArgumentParser's 64).
    func validate() throws {
        if files.isEmpty {
            FileHandle.standardError.write(Data("oncomatch validate: expected at least one FILE\n".utf8))
            FileHandle.standardError.write(Data((Self.helpMessage() + "\n").utf8))
            throw ExitCode(2)
        }
        if maximumDiagnostics < 0 {
            FileHandle.standardError.write(Data("oncomatch validate: --max-diagnostics must be ≥ 0\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Validates every file, writing summaries to `output` and diagnostics to `errors`; returns
    /// the exit status.
    func execute(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        var status: Int32 = 0
        let options = VCFValidationOptions(warningsAsErrors: strict)
        for file in files {
            var printed = 0
            var suppressed = 0
            do {
                let summary = try VCFValidator.validate(path: file, options: options) { diagnostic in
                    if printed < maximumDiagnostics {
                        printed += 1
                        errors("\(diagnostic)\n")
                    } else {
                        suppressed += 1
                    }
                }
                if suppressed > 0 {
                    errors(
                        "\(file): \(suppressed) more diagnostics not shown (--max-diagnostics \(maximumDiagnostics))\n"
                    )
                }
                output(summary.description + "\n")
                if !summary.isValid { status = max(status, 1) }
            } catch {
                errors("oncomatch validate: \(error)\n")
                status = 2
            }
        }
        return status
    }

    func run() throws {
        let status = execute(
            output: { print($0, terminator: "") },
            errors: { FileHandle.standardError.write(Data($0.utf8)) })
        if status != 0 { throw ExitCode(status) }
    }
}
