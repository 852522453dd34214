import Foundation
import Shared
import Testing

@Suite struct HistoryPartitionTests {
    @Test(arguments: [
        ("2026-12-05T08:00:00Z", "job_history_202612"), ("2027-01-01T00:00:00Z", "job_history_202701"),
        ("2026-11-30T23:59:59.999Z", "job_history_202611"), ("2026-12-01T00:30:00+01:00", "job_history_202611"),
    ])
    func partitionIsNamedAfterTheUTCMonthOfTheFinish(finished: String, name: String) throws {
        let date = try #require(RFC3339.parse(finished))
        #expect(HistoryPartition(containing: date).name == name)
    }

    @Test func boundsAreTheFirstInstantsOfTheMonthAndTheNextInUTC() throws {
        let partition = HistoryPartition(year: 2027, month: 12)
        #expect(RFC3339.format(partition.start) == "2027-12-01T00:00:00.000000Z")
        #expect(RFC3339.format(partition.end) == "2028-01-01T00:00:00.000000Z")
        let date = try #require(RFC3339.parse("2027-12-31T23:59:59Z"))
        #expect(partition.start <= date && date < partition.end)
    }

    @Test func windowCoversTheCurrentMonthAndTheMonthsAheadAcrossAYearEnd() throws {
        let now = try #require(RFC3339.parse("2026-11-15T12:00:00Z"))
        let names = HistoryPartition.window(at: now, monthsAhead: 3).map(\.name)
        #expect(names == ["job_history_202611", "job_history_202612", "job_history_202701", "job_history_202702"])
    }

    @Test(arguments: [(2026, 13, 0, 2027, 1), (2026, 1, -1, 2025, 12), (2026, 5, 24, 2028, 5), (2026, 0, 0, 2025, 12)])
    func monthArithmeticWrapsYears(year: Int, month: Int, plus: Int, expectedYear: Int, expectedMonth: Int) {
        let partition = HistoryPartition(year: year, month: month, plusMonths: plus)
        #expect(partition.year == expectedYear && partition.month == expectedMonth)
    }
}
