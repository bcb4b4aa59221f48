import OncoDomain
import Testing

@testable import OncoRules

/// The shipped knowledge base must load strictly. Skipped while `ruleset.yaml` is not in the
/// resource bundle, or while the domain library's OncoTree and protein parser are interim.
@Suite struct BundledKnowledgeBaseTests {
    static var isReady: Bool { RuleSet.bundledPath != nil && TestVocabulary.domainIsComplete }

    @Test(.enabled(if: BundledKnowledgeBaseTests.isReady))
    func loadsStrictlyAndCompiles() throws {
        let set = try RuleSet.bundled()
        #expect(!set.rules.isEmpty)
        #expect(set.checksum.count == 64)
        #expect(set.sourceFiles.count >= 1)
        let compiled = CompiledRuleSet(set)
        #expect(!compiled.mentionedGenes.isEmpty)
    }
}
