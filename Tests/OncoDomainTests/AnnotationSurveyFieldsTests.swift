import GenomicFormats
import Testing

@testable import OncoDomain

/// The loader's one-scan survey of annotation values must cut entries and fields exactly as
/// `AnnotationEntries` and `AnnotationEntry` do, glued commas and short entries included.
@Suite("Annotation survey fields")
struct AnnotationSurveyFieldsTests {
    /// A VEP schema whose surveyed columns are spread out (0, 1, 3, 7, 23, 24), as VEP writes them.
    static let vepDescription =
        "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|"
        + "Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|CDS_position|"
        + "Protein_position|Amino_acids|Codons|Existing_variation|DISTANCE|STRAND|FLAGS|"
        + "SYMBOL_SOURCE|HGNC_ID|CANONICAL|MANE_SELECT|ENSP|SIFT"

    static let fields: [(AnnotationSurveyFields.Slot, AnnotationField)] = [
        (.allele, .allele), (.alleleNumber, .alleleNumber), (.symbol, .symbol), (.maneSelect, .maneSelect),
        (.canonical, .canonical), (.biotype, .biotype), (.consequence, .consequence),
    ]

    /// Every entry's surveyed fields, as text (`nil` for an absent field), both ways.
    func compare(_ text: String, schema: AnnotationSchema) {
        var survey = AnnotationSurveyFields(schema: schema)
        var bytes = Array(text.utf8)
        bytes.append(0)  // a byte past the value, as in a real record line
        bytes.withUnsafeBytes { buffer in
            let value = UnsafeRawBufferPointer(rebasing: buffer[0..<buffer.count - 1])
            // A walk left half-way through a value ending with a comma must not leak into the next.
            let previous = Array("A|b|c|d,".utf8)
            previous.withUnsafeBytes { previous in
                survey.start(previous, gluesPieces: schema.fieldNames.count > 1)
                var values = AnnotationSurveyFields.Values(bytes: previous)
                _ = survey.nextEntry(&values)
            }
            var scanned: [[String?]] = []
            survey.forEachEntry(in: value, gluesPieces: schema.fieldNames.count > 1) { entry in
                scanned.append(
                    Self.fields.map { slot, _ in entry[slot].map { String(decoding: $0.bytes, as: UTF8.self) }
                    })
            }
            var expected: [[String?]] = []
            for entry in AnnotationEntries(value, schema: schema) {
                expected.append(
                    Self.fields.map { _, field in
                        entry[field].map { String(decoding: $0.bytes, as: UTF8.self) }
                    })
            }
            #expect(scanned == expected, "value \(text)")
            // Without ranking, the essential fields are the same and the ranking ones absent.
            var shallow: [[String?]] = []
            survey.forEachEntry(
                in: value, gluesPieces: schema.fieldNames.count > 1, needsRanking: { _ in false }
            ) {
                entry in
                shallow.append(
                    Self.fields.map { slot, _ in entry[slot].map { String(decoding: $0.bytes, as: UTF8.self) }
                    })
            }
            let essential: Set<AnnotationSurveyFields.Slot> = [.allele, .alleleNumber, .symbol, .consequence]
            let ranking = schema.fieldNames.count > 7  // the VEP schema's ranking columns lie past SYMBOL
            let trimmed = expected.map { row in
                zip(Self.fields, row).map { field, text in
                    essential.contains(field.0) || !ranking ? text : nil
                }
            }
            #expect(shallow == trimmed, "value \(text) without ranking")
            // Given with the rest of an INFO column after it, the value ends at the first `;`
            // (found by the pass that marks the separators), with the same entries.
            for tail in [";", ";DP=5;X=a|b,c", ";;"] {
                var rest = Array(text.utf8) + Array(tail.utf8)
                rest.append(0)
                rest.withUnsafeBytes { buffer in
                    let rest = UnsafeRawBufferPointer(rebasing: buffer[0..<buffer.count - 1])
                    let found = survey.start(valueStarting: rest, gluesPieces: schema.fieldNames.count > 1)
                    #expect(found.map { String(decoding: $0, as: UTF8.self) } == text, "value \(text)\(tail)")
                    var walked: [[String?]] = []
                    var values = AnnotationSurveyFields.Values(bytes: found!)
                    while survey.nextEntry(&values) {
                        survey.readRankingFields(&values)
                        walked.append(
                            Self.fields.map { slot, _ in
                                values[slot].map { String(decoding: $0.bytes, as: UTF8.self) }
                            })
                    }
                    #expect(walked == expected, "value \(text)\(tail)")
                }
            }
        }
    }

    @Test func realisticEntries() throws {
        let schema = try AnnotationSchema(tag: "CSQ", description: Self.vepDescription)
        let entry = (0..<27).map { "f\($0)" }.joined(separator: "|")
        compare(entry, schema: schema)
        compare(entry + "," + entry, schema: schema)
        compare("C|missense_variant|MODERATE|BRAF||||protein_coding", schema: schema)
        compare(".", schema: schema)
        compare("", schema: schema)
        compare(",", schema: schema)
        compare("A|b,c|d", schema: schema)  // a comma inside a field
        compare("A|b|c,d,e|f", schema: schema)
    }

    @Test func randomValuesAgree() throws {
        let vep = try AnnotationSchema(tag: "CSQ", description: Self.vepDescription)
        let single = try AnnotationSchema(tag: "CSQ", description: "Format: Allele")
        // Commas often (short entries) or rarely (entries of many fields, across 64-byte words).
        let alphabets = [Array("||||,,ab&.Y"), Array("|||||abcdefg&.Y") + [","]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let length = Int.random(in: 0...(Bool.random(using: &generator) ? 120 : 400), using: &generator)
            let alphabet = alphabets.randomElement(using: &generator)!
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            compare(text, schema: vep)
            compare(text, schema: single)
        }
    }
}
