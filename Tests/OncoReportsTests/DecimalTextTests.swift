import Testing

@testable import OncoReports

@Suite("Decimal formatting")
struct DecimalTextTests {
    @Test(arguments: [
        (0.41235, 4, "0.4124"), (14.2, 2, "14.20"), (0.0, 2, "0.00"), (-0.0001, 2, "0.00"),
        (9.995, 2, "10.00"),
        (1e-05, 4, "0.0000"), (5e-05, 4, "0.0001"), (123_456_789.125, 2, "123456789.13"),
        (1e20, 0, "100000000000000000000"), (-2.5, 0, "-3"), (0.5, 0, "1"), (0.05, 0, "0"),
        (30.0, 3, "30.000"),
        (0.999_95, 4, "1.0000"), (-14.205, 2, "-14.21"), (1.0 / 3.0, 2, "0.33"),
    ])
    func fixed(value: Double, digits: Int, expected: String) {
        #expect(DecimalText.fixed(value, fractionDigits: digits) == expected)
    }

    @Test func nonFiniteValuesHaveNoText() {
        #expect(DecimalText.fixed(.nan, fractionDigits: 2) == nil)
        #expect(DecimalText.fixed(-.infinity, fractionDigits: 2) == nil)
    }

    @Test(arguments: [(0.41235, "41.24"), (0.05, "5.00"), (1.0, "100.00"), (0.0, "0.00"), (0.000_04, "0.00")])
    func percent(value: Double, expected: String) {
        #expect(DecimalText.percent(fromFraction: value, fractionDigits: 4) == expected)
    }
}
