import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Deletes job events past their retention (`DATAFORGE_RETENTION_EVENTS_DAYS`): they only feed progress
/// streams, and the durable record of a job is its history row and the audit log. Events of jobs still
/// queued or running are kept.
struct EventPruner {
    static let task = "prune_job_events"
    let connection: Connection
    let config: RetentionConfig

    /// The task's settings: `settings`' event retention, default batches and interval.
    static func config(_ settings: MaintenanceSettings = MaintenanceSettings()) -> RetentionConfig {
        RetentionConfig(retentionDays: settings.eventRetentionDays)
    }

    /// Deletes the events older than the retention at `now` (the database's clock when nil).
    func runOnce(now: Date? = nil) throws(DatabaseError) -> DeletedRows {
        let jobs = JobStore(connection)
        return DeletedRows(
            deleted: try config.batches.repeatWhileFull { limit throws(DatabaseError) in
                try jobs.deleteEvents(olderThanDays: config.retentionDays, now: now, limit: limit)
            })
    }
}
