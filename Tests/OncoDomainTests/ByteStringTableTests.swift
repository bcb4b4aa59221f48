import GenomicFormats
import Testing

@testable import OncoDomain

@Suite("Byte string table")
struct ByteStringTableTests {
    func lookup<Value>(_ table: ByteStringTable<Value>, _ key: String) -> Value? {
        var key = key
        return key.withUTF8 { table.value(for: UnsafeRawBufferPointer($0)) }
    }

    @Test func storesFindsAndReplacesThroughGrowth() {
        var table = ByteStringTable<Int>()
        var keys = (0..<5000).map { "GENE\($0)" }
        keys.append("")  // the empty key is a key like any other
        // Keys hashed a word at a time: equal words with a different tail, length or padding.
        keys += ["ABCDEFGH", "ABCDEFGH\u{0}", "ABCDEFGHI", "ABCDEFGI", "\u{0}", "\u{0}\u{0}"]
        keys += (0..<64).map { "missense_variant&splice_region_variant\($0)" }
        for (index, key) in keys.enumerated() {
            Array(key.utf8).withUnsafeBytes { table.set(index, for: $0) }
        }
        #expect(table.count == keys.count)
        for (index, key) in keys.enumerated() { #expect(lookup(table, key) == index) }
        #expect(lookup(table, "GENE5000") == nil)
        #expect(lookup(table, "GENE1 ") == nil)
        #expect(lookup(table, "GENE") == nil)
        Array("GENE42".utf8).withUnsafeBytes { table.set(-1, for: $0) }
        #expect(lookup(table, "GENE42") == -1)
        #expect(table.count == keys.count)
    }

    @Test func setAndCacheAnswerLikeTheirDefinitions() {
        let set = ByteStringSet(["BRAF", "BRCA1", "BRCA2", "KRAS"])
        for (gene, expected) in [
            ("BRAF", true), ("BRCA2", true), ("BRCA", false), ("braf", false), ("", false),
        ] {
            var text = gene
            #expect(text.withUTF8 { set.contains(UnsafeRawBufferPointer($0)) } == expected, "\(gene)")
        }
        // SnpEff joins a fusion's genes with `&`: any part in the set counts.
        for (symbol, expected) in [
            ("BRAF", true), ("KIAA1549&BRAF", true), ("BRAF&KIAA1549", true), ("A&B&KRAS", true),
            ("KIAA1549&TPM3", false), ("&", false), ("BRA&F", false), ("", false), ("BRAF&", true),
        ] {
            var text = symbol
            #expect(
                text.withUTF8 { set.containsSymbolOrPart(UnsafeRawBufferPointer($0)) } == expected,
                "\(symbol)")
        }
        var cache = ConsequenceClassCache(stopLostIsTruncating: true)
        for field in [
            "missense_variant", "stop_gained&splice_region_variant", "synonymous_variant", "missense_variant",
            "&&stop_lost&", "", "stop_gained&\u{301}missense_variant",
        ] {
            var text = field
            let cached = text.withUTF8 { cache.variantClass(of: UnsafeRawBufferPointer($0)) }
            let direct = VariantClass.classify(
                consequences: Array(field.utf8).split(separator: UInt8(ascii: "&")).map {
                    String(decoding: $0, as: UTF8.self)
                }, stopLostIsTruncating: true)
            #expect(cached == direct, "\(field)")
            // The terms are the field's non-empty terms, as the annotation entry gives them.
            let (variantClass, terms) = text.withUTF8 { cache.classAndTerms(of: UnsafeRawBufferPointer($0)) }
            #expect(variantClass == direct)
            let entryTerms = text.withUTF8 {
                AnnotationTerms(AnnotationBytes(UnsafeRawBufferPointer($0))).strings
            }
            #expect(terms == entryTerms, "\(field)")
        }
    }
}
