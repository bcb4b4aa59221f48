import ArgumentParser
import OncoDomain

/// The `oncomatch` command: argument parsing and exit codes only; all logic lives in the libraries.
@main
struct OncoMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oncomatch",
        abstract: "Match a tumour's variants against therapy rules.",
        version: ToolInfo.version,
        subcommands: [StatsCommand.self, ValidateCommand.self, RulesCommand.self]
    )
}
