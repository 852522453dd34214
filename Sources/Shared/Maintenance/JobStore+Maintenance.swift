#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension JobStore {
    /// Creates the history partition for `partition`'s month, moving its rows out of the default partition;
    /// returns the rows moved, or nil when the partition already existed. Called by `PartitionMaintainer`.
    public func createHistoryPartition(_ partition: HistoryPartition) throws(DatabaseError) -> Int? {
        let rows = try connection.execute(JobSQL.createHistoryPartition, [partition.start])
        return try rows.first?.decodeIfPresent("moved")
    }

    /// The months whose finished jobs sit in the default partition, for want of their own.
    public func historyMonthsInDefaultPartition() throws(DatabaseError) -> [HistoryPartition] {
        var months: [HistoryPartition] = []
        for row in try connection.execute(JobSQL.historyMonthsInDefault) {
            months.append(HistoryPartition(containing: try row.decode("month", as: Date.self)))
        }
        return months
    }

    /// Deletes up to `limit` events older than `days` before `now` (the database's clock when nil), except
    /// those of jobs still queued or running; returns how many. Called by `EventPruner`.
    public func deleteEvents(olderThanDays days: Int, now: Date?, limit: Int) throws(DatabaseError) -> Int {
        try connection.execute(JobSQL.deleteEventsBefore, [days, now, limit]).first?.decode("deleted") ?? 0
    }
}
