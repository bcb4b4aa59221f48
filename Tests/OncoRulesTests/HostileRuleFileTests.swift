import Foundation
import TestSupport
import Testing

@testable import OncoRules

/// Hostile rule files: alias bombs, deep nesting, huge files and binary text are refused with a
/// located diagnostic, within the `YAMLLimits`, never with a trap.
@Suite("Hostile rule files")
struct HostileRuleFileTests {
    let loader = RuleLoader(vocabulary: TestVocabulary.vocabulary)

    func diagnostics(_ yaml: String, loader: RuleLoader? = nil, path: String = "hostile.yaml")
        -> [RuleDiagnostic]
    {
        do {
            _ = try (loader ?? self.loader).load(yaml: yaml, path: path)
            Issue.record("expected the hostile file to be refused")
            return []
        } catch let error as RuleLoadError {
            return error.diagnostics
        } catch {
            Issue.record("expected a RuleLoadError, got \(error)")
            return []
        }
    }

    @Test("a billion-laughs alias bomb in a mapping is refused at the node limit")
    func mappingAliasBomb() {
        var yaml = "l0: &l0 {a: x, b: x, c: x, d: x, e: x, f: x, g: x, h: x, i: x, j: x}\n"
        for level in 1...9 {
            let keys = "abcdefghij".map { "\($0): *l\(level - 1)" }.joined(separator: ", ")
            yaml += "l\(level): &l\(level) {\(keys)}\n"
        }
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("more than 1000000 nodes") == true)
        #expect(found.first?.description.hasPrefix("hostile.yaml") == true)
    }

    @Test("flow nesting 100,000 deep is refused by the YAML parser's nesting limit, with a position")
    func deepFlowNesting() {
        let yaml = "rules: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("nesting level") == true, "\(found)")
        #expect(found.first?.line == 1)
        #expect(found.first?.column != nil)
    }

    @Test("block nesting deeper than the limit is refused")
    func deepBlockNesting() {
        let yaml = "rules:\n  " + String(repeating: "- ", count: 200) + "x\n"
        let found = diagnostics(yaml)
        #expect(found.first?.message.contains("deeper than 64 levels") == true)
    }

    @Test("a file over the byte limit is refused before parsing")
    func hugeText() {
        let yaml = "# " + String(repeating: "x", count: 9 << 20) + "\n"
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("over the limit of \(8 << 20) bytes") == true)
    }

    @Test("a huge file on disk is refused by its size, naming the file")
    func hugeFileOnDisk() throws {
        let path = try TestData.temporaryDirectory().appendingPathComponent("huge.yaml").path
        try Data(repeating: UInt8(ascii: "#"), count: (8 << 20) + 1).write(to: URL(fileURLWithPath: path))
        #expect {
            try loader.load(path: path)
        } throws: { error in
            guard let first = (error as? RuleLoadError)?.diagnostics.first else { return false }
            return first.file == path && first.message.contains("over the limit")
        }
    }

    @Test("a YAML syntax error deep in a file carries line and column")
    func syntaxErrorPosition() {
        let yaml = String(repeating: "# comment\n", count: 5000) + "rule_set: {id: t\n  rules: ]]\n"
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect((found.first?.line ?? 0) > 5000)
        #expect(found.first?.column != nil)
        #expect(found.first?.description.hasPrefix("hostile.yaml:\(found.first?.line ?? 0):") == true)
    }

    @Test("binary garbage and invalid UTF-8 on disk are refused cleanly")
    func binaryFile() throws {
        let path = try TestData.temporaryDirectory().appendingPathComponent("garbage.yaml").path
        var state: UInt64 = 7
        let bytes = (0..<4096).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        try Data(bytes + [0xFF, 0xFE]).write(to: URL(fileURLWithPath: path))
        #expect {
            try loader.load(path: path)
        } throws: { error in
            (error as? RuleLoadError)?.diagnostics.first?.message.contains("not valid UTF-8") == true
        }
    }

    @Test("huge numbers where integers are expected are diagnosed, not trapped")
    func hugeNumbers() {
        let yaml = RuleLoaderRejectionTests.ruleFile(
            references: "[{ type: label, agency: FDA, drug: vemurafenib, year: 99999999999999999999 }]")
        let found = diagnostics(yaml)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.line != nil })
    }
}
