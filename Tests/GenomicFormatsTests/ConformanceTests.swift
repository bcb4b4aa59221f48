import Foundation
import GenomicFormats
import TestSupport
import Testing

/// Runs `VCFValidator` over the hts-specs VCF conformance suite (4.1 and 4.2) listed in
/// `conformance/expected.tsv` and measures how many files it judges as the suite does.
@Suite("VCF conformance suite")
struct ConformanceTests {
    struct Case {
        var path: String
        var expectedValid: Bool
        var category: String
        var cause: String
    }

    /// Categories whose invalid files must be rejected (an error, not just a warning).
    static let mustReject: Set<String> = ["syntax/structure", "typed-value", "lexical/charset"]

    static func cases() throws -> [Case] {
        let table = try String(contentsOfFile: TestData.shared("conformance/expected.tsv"), encoding: .utf8)
        return table.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 5 else { return nil }
            return Case(
                path: "conformance/" + columns[0], expectedValid: columns[1] == "valid", category: columns[4],
                cause: columns[3])
        }
    }

    struct Outcome {
        var errors: [VCFDiagnostic] = []
        var warnings: [VCFDiagnostic] = []
    }

    /// Whether a diagnostic addresses what a failed file of `category` tests (not an unrelated
    /// finding in the same file).
    static func isRelevant(_ diagnostic: VCFDiagnostic, to testCase: Case) -> Bool {
        let field = diagnostic.field ?? ""
        switch testCase.category {
        case "order/dup":
            return ["sorted", "contiguous", "duplicate"].contains { diagnostic.message.contains($0) }
        case "reserved-tag-def":
            let words = testCase.cause.split(separator: " ")
            return words.count > 1 && field == "\(words[0])/\(words[1])"
        case "genotype":
            return field.hasPrefix("FORMAT/")
        case "sv-semantics":
            return field == "ALT"
        default:
            return true
        }
    }

    static func run(_ file: String) throws -> Outcome {
        var outcome = Outcome()
        _ = try VCFValidator.validate(path: TestData.shared(file)) { diagnostic in
            if diagnostic.severity == .error {
                outcome.errors.append(diagnostic)
            } else {
                outcome.warnings.append(diagnostic)
            }
        }
        return outcome
    }

    @Test(.enabled(if: TestData.hasSharedData))
    func conformanceRates() throws {
        let cases = try Self.cases()
        #expect(cases.count == 433)
        var acceptMisses: [String] = []
        var acceptCount = 0
        var rejected: [String: (hit: Int, total: Int)] = [:]
        var rejectMisses: [String] = []
        for testCase in cases {
            let outcome = try Self.run(testCase.path)
            if testCase.expectedValid {
                acceptCount += 1
                if let first = outcome.errors.first { acceptMisses.append("\(testCase.path): \(first)") }
                continue
            }
            if ProcessInfo.processInfo.environment["ONCOMATCH_CONFORMANCE_DETAIL"] != nil {
                let first = outcome.errors.first ?? outcome.warnings.first
                print(
                    "conformance detail: \(testCase.cause) => \(first.map { "\($0.severity.rawValue): \($0.field ?? "") \($0.message)" } ?? "-")"
                )
            }
            var tally = rejected[testCase.category] ?? (0, 0)
            tally.total += 1
            let flagged =
                Self.mustReject.contains(testCase.category)
                ? !outcome.errors.isEmpty
                : (outcome.errors + outcome.warnings).contains { Self.isRelevant($0, to: testCase) }
            if flagged {
                tally.hit += 1
            } else {
                rejectMisses.append("\(testCase.category) \(testCase.path) (\(testCase.cause))")
            }
            rejected[testCase.category] = tally
        }
        let accepted = acceptCount - acceptMisses.count
        print("conformance: accept \(accepted)/\(acceptCount)")
        for category in rejected.keys.sorted() {
            let tally = rejected[category]!
            let verb = Self.mustReject.contains(category) ? "rejected" : "flagged"
            print("conformance: \(category) \(verb) \(tally.hit)/\(tally.total)")
            if !Self.mustReject.contains(category) {
                #expect(tally.hit == tally.total, "\(category): flagged \(tally.hit)/\(tally.total)")
            }
        }
        for miss in acceptMisses + rejectMisses { print("conformance miss: \(miss)") }

        #expect(acceptMisses.isEmpty, "valid files with errors:\n\(acceptMisses.joined(separator: "\n"))")
        let required = rejected.filter { Self.mustReject.contains($0.key) }.values
        let hits = required.map(\.hit).reduce(0, +)
        let total = required.map(\.total).reduce(0, +)
        #expect(total > 0)
        #expect(
            Double(hits) >= 0.95 * Double(total),
            "rejected \(hits)/\(total); missed:\n\(rejectMisses.joined(separator: "\n"))")
        for category in Self.mustReject {
            let tally = rejected[category] ?? (0, 0)
            #expect(
                Double(tally.hit) >= 0.95 * Double(tally.total), "\(category): \(tally.hit)/\(tally.total)")
        }
    }
}
