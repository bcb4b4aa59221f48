import ArgumentParser
import Foundation
import OncoRules

/// Shared by the `rules` subcommands: load the files given (or the shipped set), print
/// diagnostics to stderr, and map failures to exit codes (1 invalid rules, 2 I/O or usage).
enum RulesLoading {
    /// `fromSource`: the shipped set is parsed from its YAML even when its precompiled archive
    /// is current (for `rules check`).
    static func load(_ files: [String], fromSource: Bool = false) throws -> RuleSet {
        for file in files where !FileManager.default.isReadableFile(atPath: file) {
            printError("oncomatch: cannot read '\(file)'")
            throw ExitCode(2)
        }
        if files.isEmpty && RuleSet.bundledPath == nil {
            printError("oncomatch: the shipped knowledge base is missing from this build")
            throw ExitCode(2)
        }
        do {
            return files.isEmpty
                ? try RuleSet.bundled(fromSource: fromSource) : try RuleSet.load(paths: files)
        } catch let error as RuleLoadError {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            printError("oncomatch: \(error.diagnostics.count) problem(s) found")
            throw ExitCode(1)
        } catch {
            printError("oncomatch: \(error)")
            throw ExitCode(2)
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
