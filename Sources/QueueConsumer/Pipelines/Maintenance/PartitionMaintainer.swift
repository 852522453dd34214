import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Keeps a `job_history` partition ready for the current month and the months ahead, and gives a partition to
/// any month whose finished jobs fell into the default partition (moving them in), so finishes never pile up
/// in the default partition and a month's partition can always be created.
struct PartitionMaintainer {
    static let task = "maintain_history_partitions"

    /// How far ahead and how often.
    struct Config: Sendable {
        static let intervalSecondsDefault = 3600.0
        var monthsAhead = MaintenanceSettings.historyMonthsAheadDefault
        var intervalSeconds = intervalSecondsDefault

        init(_ settings: MaintenanceSettings = MaintenanceSettings()) {
            precondition(settings.historyMonthsAhead >= 0, "monthsAhead must not be negative")
            monthsAhead = settings.historyMonthsAhead
        }
    }

    /// What a pass did.
    struct Counts: MaintenanceCounts, Equatable {
        /// Partitions created, in month order.
        var created: [HistoryPartition] = []
        /// Rows moved out of the default partition into the created ones.
        var movedRows = 0

        var changes: [(name: String, count: Int)] { [("created", created.count), ("moved", movedRows)] }
    }

    let connection: Connection
    let config: Config

    /// Ensures the partitions of the window at `now` (this process's clock when nil) and of every month found
    /// in the default partition.
    func runOnce(now: Date? = nil) throws(DatabaseError) -> Counts {
        let jobs = JobStore(connection)
        let window = HistoryPartition.window(at: now ?? Date(), monthsAhead: config.monthsAhead)
        var counts = Counts()
        for partition in Set(window + (try jobs.historyMonthsInDefaultPartition())).sorted() {
            guard let moved = try jobs.createHistoryPartition(partition) else { continue }
            counts.created.append(partition)
            counts.movedRows += moved
        }
        return counts
    }
}
