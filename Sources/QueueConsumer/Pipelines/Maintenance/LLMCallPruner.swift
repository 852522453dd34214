import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Retires provider call records past their retention (`DATAFORGE_RETENTION_LLM_CALLS_DAYS`): each batch is
/// added to the daily aggregates (`llm_call_daily`: calls, errors, tokens, cost, latency per day, provider,
/// model and owning key) and deleted in one statement, so analytics over the long run stay exact while `llm_calls` stays small.
struct LLMCallPruner {
    static let task = "prune_llm_calls"
    let connection: Connection
    let config: RetentionConfig

    /// What a pass did.
    struct Counts: MaintenanceCounts, Equatable {
        /// Call records deleted.
        var deleted = 0
        /// Daily aggregate rows created or added to, summed over the batches.
        var dailyRows = 0
        var changes: [(name: String, count: Int)] { [("deleted", deleted), ("daily_rows", dailyRows)] }
    }

    /// The task's settings: `settings`' call retention, default batches and interval.
    static func config(_ settings: MaintenanceSettings = MaintenanceSettings()) -> RetentionConfig {
        RetentionConfig(retentionDays: settings.llmCallRetentionDays)
    }

    /// Rolls up and deletes the calls older than the retention at `now` (the database's clock when nil).
    func runOnce(now: Date? = nil) throws(DatabaseError) -> Counts {
        let calls = LLMCallStore(connection)
        var counts = Counts()
        counts.deleted = try config.batches.repeatWhileFull { limit throws(DatabaseError) in
            let batch = try calls.rollUpAndDelete(olderThanDays: config.retentionDays, now: now, limit: limit)
            counts.dailyRows += batch.days
            return batch.deleted
        }
        return counts
    }
}
