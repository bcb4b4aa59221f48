import ArgumentParser
import OncoRules

/// `oncomatch rules check [FILE...]`: lint rule files strictly and summarise them.
struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check rule files strictly (default: the shipped rule set) and print a summary.",
        discussion:
            "Problems go to stderr as file:line:column: message. Exit 0 valid, 1 invalid, 2 I/O error."
    )

    @Argument(help: "Standalone rule files (each with a rule_set header); none checks the shipped set.")
    var files: [String] = []

    func run() throws {
        let set = try RulesLoading.load(files, fromSource: true)
        print(RuleSetSummary(set).text, terminator: "")
    }
}
