import Testing

@testable import OncoReports

@Suite("Checksum stand-in")
struct ChecksumStandInTests {
    private let checksum = String(repeating: "0123456789abcdef", count: 4)

    @Test("Every whole occurrence is replaced in place, nothing else changes")
    func replacesWholeOccurrences() {
        let standIn = ChecksumStandIn()
        #expect(standIn.text.utf8.count == 64 && standIn.text.allSatisfy(\.isHexDigit))
        #expect(ChecksumStandIn().text != standIn.text)
        let template = ["{\"sha256\": \"", "\"}\n<td>", "</td>", ""]
        var document = Array(template.joined(separator: standIn.text).utf8)
        #expect(standIn.replace(in: &document, with: checksum))
        #expect(String(decoding: document, as: UTF8.self) == template.joined(separator: checksum))
        // No occurrence: nothing to do, and nothing changed.
        var plain = Array("no checksum here".utf8)
        #expect(standIn.replace(in: &plain, with: checksum))
        #expect(String(decoding: plain, as: UTF8.self) == "no checksum here")
    }

    @Test("A shortened stand-in or a checksum of the wrong length is refused, the document unchanged")
    func refusesPieces() {
        let standIn = ChecksumStandIn()
        for text in [
            "sha " + standIn.text.prefix(12) + "… and " + standIn.text,
            "whole " + standIn.text + " tail " + standIn.text.suffix(20),
            "only " + standIn.text.prefix(40),
        ] {
            var document = Array(text.utf8)
            #expect(!standIn.replace(in: &document, with: checksum), "\(text)")
            #expect(String(decoding: document, as: UTF8.self) == text)
        }
        var document = Array(standIn.text.utf8)
        #expect(!standIn.replace(in: &document, with: "abc"))
        #expect(String(decoding: document, as: UTF8.self) == standIn.text)
    }
}
