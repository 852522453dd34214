#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Shared
import Testing

@Suite struct RFC3339Tests {
    /// Whole-second instants on both sides of 1970, around leap days and century years.
    static let calendarCases: [(text: String, seconds: Double)] = [
        ("1970-01-01T00:00:00.000000Z", 0),
        ("1969-12-31T23:59:59.000000Z", -1),
        ("1969-07-20T20:17:40.000000Z", -14_182_940),
        ("1960-02-29T06:30:00.000000Z", -310_498_200),
        ("1900-01-01T00:00:00.000000Z", -2_208_988_800),
        ("1600-02-29T00:00:00.000000Z", -11_670_998_400),
        ("2000-02-29T00:00:00.000000Z", 951_782_400),
        ("2023-03-01T00:00:00.000000Z", 1_677_628_800),
        ("2024-02-29T12:00:00.000000Z", 1_709_208_000),
        ("2024-12-31T23:59:59.000000Z", 1_735_689_599),
        ("2026-11-28T04:48:11.000000Z", 1_795_841_291),
        ("2100-02-28T23:59:59.000000Z", 4_107_542_399),
        ("2100-03-01T00:00:00.000000Z", 4_107_542_400),
    ]

    private static func expectSameInstant(
        _ date: Date?, _ seconds: Double, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let date else {
            Issue.record("expected a date", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_001, sourceLocation: sourceLocation)
    }

    // MARK: - Formatting

    @Test(arguments: calendarCases)
    func formatGivesTheUTCCalendarDate(text: String, seconds: Double) {
        #expect(RFC3339.format(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test func formatHasMicrosecondsAndZ() {
        let text = RFC3339.format(Date(timeIntervalSince1970: 1_795_841_291.25))
        #expect(text == "2026-11-28T04:48:11.250000Z")
        let shape = text.map { $0.isNumber ? "d" : String($0) }.joined()
        #expect(shape == "dddd-dd-ddTdd:dd:dd.ddddddZ")
    }

    @Test func formatOfAnInstantBefore1970CountsTheFractionForward() {
        #expect(RFC3339.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500000Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -86_400.25)) == "1969-12-30T23:59:59.750000Z")
    }

    // MARK: - Parsing

    @Test(arguments: calendarCases)
    func parseReadsTheUTCCalendarDate(text: String, seconds: Double) {
        Self.expectSameInstant(RFC3339.parse(text), seconds)
    }

    @Test(arguments: [
        "2026-11-28 04:48:11.123456+00",
        "2026-11-28T04:48:11.123456Z",
        "2026-11-28T04:48:11.123456+00:00",
        "2026-11-28 10:18:11.123456+05:30",
        "2026-11-28T10:18:11.123456+0530",
        "2026-11-27 23:48:11.123456-05",
        "2026-11-27T23:48:11.123456-05:00",
    ])
    func parseAcceptsPostgresAndRFC3339Spellings(text: String) {
        Self.expectSameInstant(RFC3339.parse(text), 1_795_841_291.123_456)
    }

    @Test(arguments: ["2026-11-28 04:48:11+00", "2026-11-28T04:48:11Z", "2026-11-28T10:18:11+05:30"])
    func parseAcceptsTimesWithoutAFraction(text: String) {
        Self.expectSameInstant(RFC3339.parse(text), 1_795_841_291)
    }

    @Test(arguments: [
        ("2026-11-28 04:48:11.5+00", 1_795_841_291.5),
        ("2026-11-28 04:48:11.12+00", 1_795_841_291.12),
        ("2026-11-28 04:48:11.000001+00", 1_795_841_291.000_001),
    ])
    func parseReadsShortFractionsAsDecimalFractions(text: String, seconds: Double) {
        Self.expectSameInstant(RFC3339.parse(text), seconds)
    }

    @Test(arguments: [
        "",
        "garbage",
        "not a timestamp at all!",
        "2026-11-28",
        "2026-11-28T04:48",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
        "2026-11-00T00:00:00Z",
        "2026-11-32T00:00:00Z",
        "2026-11-28T24:00:00Z",
        "2026-11-28T04:60:00Z",
        "2026-11-28T04:48:61Z",
        "2026-11-28T04:48:11ZZ",
        "2026-11-28T04:48:11Z ",
        "2026-11-28T04:48:11X",
        "2026-11-28T04:48:11+5",
        "2026-11-28T04:48:11+05:3",
        "2026-11-28T04:48:11+05:30:00",
        "20a6-11-28T04:48:11Z",
        "2026-1a-28T04:48:11Z",
    ])
    func parseRejectsGarbageAndOutOfRangeFields(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test(arguments: [
        "2026/11/28T04:48:11Z",
        "2026-11-28X04:48:11Z",
        "2026-11-28T04-48-11Z",
        "2026-11-28T04:48:11,5Z",
    ])
    func parseRejectsWrongSeparators(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test(arguments: ["2026-02-29T00:00:00Z", "2024-02-30T00:00:00Z", "2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z"])
    func parseRejectsDaysPastTheEndOfTheMonth(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    // MARK: - Round trip

    @Test(arguments: [
        "2026-11-28T04:48:11.123456Z",
        "2026-11-28T04:48:11.000001Z",
        "2026-11-28T04:48:11.999999Z",
        "2024-02-29T23:59:59.654321Z",
        "2001-01-01T00:00:00.000001Z",
        "1970-01-01T00:00:00.000001Z",
        "1970-01-01T00:00:00.123457Z",
        "1969-12-31T23:59:59.999999Z",
        "1969-07-20T20:17:40.000001Z",
        "1969-07-20T20:17:40.500001Z",
        "1900-01-01T00:00:00.250001Z",
    ])
    func formattingAParsedTimestampGivesItBack(text: String) throws {
        let date = try #require(RFC3339.parse(text))
        #expect(RFC3339.format(date) == text)
    }

    @Test(arguments: [0, 1_795_841_291.123_456, 1_709_251_199.75, -14_182_940.25])
    func parsingAFormattedDateGivesTheSameMicrosecond(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let parsed = try #require(RFC3339.parse(RFC3339.format(date)))
        #expect(abs(parsed.timeIntervalSince1970 - seconds) <= 0.000_001)
    }
}
