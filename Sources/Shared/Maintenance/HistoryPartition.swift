#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One monthly partition of `job_history`: the UTC calendar month whose finished jobs it holds.
///
/// Its name is computed from the month only (`job_history_YYYYMM`), never from input; the database computes
/// the same name from the same month (`job_history_create_partition`, sql/0007).
public struct HistoryPartition: Sendable, Hashable, Comparable {
    public let year: Int
    /// 1…12.
    public let month: Int

    /// The month `months` after (or before, when negative) `year`-`month`, which may be out of 1…12.
    public init(year: Int, month: Int, plusMonths months: Int = 0) {
        let index = year * 12 + (month - 1) + months
        self.year = index >= 0 ? index / 12 : (index - 11) / 12
        self.month = index - self.year * 12 + 1
    }

    /// The partition that holds a job finished at `date`.
    public init(containing date: Date) {
        let parts = Self.utc.dateComponents([.year, .month], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1)
    }

    /// `job_history_YYYYMM`.
    public var name: String {
        let month = self.month < 10 ? "0\(self.month)" : "\(self.month)"
        return "job_history_\(year)\(month)"
    }

    /// The first instant of the month, UTC: the partition's inclusive lower bound.
    public var start: Date {
        Self.utc.date(from: DateComponents(year: year, month: month, day: 1)) ?? Date(timeIntervalSince1970: 0)
    }

    /// The first instant of the next month: the partition's exclusive upper bound.
    public var end: Date { advanced(by: 1).start }

    /// The partition `months` later.
    public func advanced(by months: Int) -> HistoryPartition {
        HistoryPartition(year: year, month: month, plusMonths: months)
    }

    /// The partitions that should exist at `now`: its month and the `monthsAhead` after it.
    public static func window(at now: Date, monthsAhead: Int) -> [HistoryPartition] {
        let current = HistoryPartition(containing: now)
        return (0...max(0, monthsAhead)).map(current.advanced(by:))
    }

    /// Month order.
    public static func < (lhs: HistoryPartition, rhs: HistoryPartition) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()
}
