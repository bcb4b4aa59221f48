import Testing

@testable import OncoMatch

@Suite("Plain English lists and articles")
struct ListTextTests {
    @Test(arguments: [
        ("activating hotspot", "an"), ("missense", "a"), ("ALK (3′ partner)", "an"),
        ("NTRK1 (3′ partner)", "an"), ("FGFR2 (5′ partner)", "an"), ("MLH1", "an"), ("RB1", "an"),
        ("NRAS", "an"), ("MDM2", "an"), ("HRAS", "an"), ("RET (3′ partner)", "a"), ("ROS1", "a"),
        ("MET", "a"), ("HER2", "a"), ("MYC", "a"), ("SMAD4", "a"), ("BRAF", "a"), ("KRAS", "a"),
        ("", "a"), ("N", "a"),
    ])
    func articleFollowsTheFirstSound(word: String, expected: String) {
        #expect(ListText.article(word) == expected)
    }

    @Test func listsJoinWithCommasAndAConjunction() {
        #expect(ListText.joined([]) == "")
        #expect(ListText.joined(["A"]) == "A")
        #expect(ListText.joined(["A", "B"]) == "A or B")
        #expect(ListText.joined(["A", "B", "C"], conjunction: "and") == "A, B and C")
    }
}
