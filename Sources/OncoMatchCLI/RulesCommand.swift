import ArgumentParser

/// `oncomatch rules`: work with rule sets.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check, list and import therapy rule sets.",
        subcommands: [RulesCheckCommand.self, RulesListCommand.self, RulesImportCIViCCommand.self]
    )
}
