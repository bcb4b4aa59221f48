import ArgumentParser
import OncoRules

/// `oncomatch rules list [--json] [FILE...]`: print the rules in readable form.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List rules (default: the shipped rule set)."
    )

    @Flag(help: "Print {\"rules\": [...]} as JSON.")
    var json = false

    @Argument(help: "Standalone rule files; none lists the shipped set.")
    var files: [String] = []

    func run() throws {
        let listing = RuleSetListing(try RulesLoading.load(files))
        print(json ? try listing.json() : listing.text, terminator: "")
    }
}
