import TestSupport
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

    @Test("Each item once, in first-seen order, for short lists and long ones")
    func uniqueKeepsFirstSeenOrder() {
        #expect(ListText.unique([]) == [])
        #expect(ListText.unique(["a"]) == ["a"])
        #expect(ListText.unique(["b", "a", "b", "c", "a"]) == ["b", "a", "c"])
        var generator = SeededGenerator(seed: 5)
        for count in [2, 3, 8, 9, 40] {
            let items = (0..<count).map { _ in
                ["x", "y", "z", "é", "x y", ""].randomElement(using: &generator)!
            }
            var expected: [String] = []
            for item in items where !expected.contains(item) { expected.append(item) }
            #expect(ListText.unique(items) == expected)
        }
    }
}
