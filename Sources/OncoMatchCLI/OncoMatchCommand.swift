import ArgumentParser
import CAllocatorTuning
import OncoDomain

#if canImport(Glibc)
    import Glibc
#endif

/// The `oncomatch` command: argument parsing and exit codes only; all logic lives in the libraries.
@main
struct OncoMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oncomatch",
        abstract: "Match a tumour's variants against therapy rules.",
        version: ToolInfo.version,
        subcommands: [
            MatchCommand.self, BatchCommand.self, CohortMergeCommand.self, ValidateCommand.self,
            StatsCommand.self, RulesCommand.self,
        ]
    )

    /// Runs the command; usage errors exit with 2 (not ArgumentParser's 64), as documented.
    static func main() {
        // Every command is a batch run over a file: fewer, larger heap growths (see the C shim).
        _ = oncomatch_tune_allocator_for_batch()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                if !message.isEmpty { FileHandleOutput.standardError(message + "\n") }
                Self.exit(withError: ExitCode(2))
            }
            Self.exit(withError: error)
        }
    }
}

/// Writes to standard error without Foundation.
enum FileHandleOutput {
    static func standardError(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }
}
