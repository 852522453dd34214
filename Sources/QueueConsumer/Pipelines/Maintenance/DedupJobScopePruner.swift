import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Empties the de-duplication index of jobs' own scopes (`DedupScope.job`) once the job has been finished for
/// `DATAFORGE_RETENTION_DEDUP_JOB_HOURS`: nothing is checked against them any more, and a job of 100,000
/// samples leaves ~160 MB of rows and index entries behind.
struct DedupJobScopePruner {
    static let task = "prune_dedup_job_scopes"

    /// Retention, batches and interval.
    struct Config: Sendable, Equatable {
        var retentionHours = MaintenanceSettings.dedupJobRetentionHoursDefault
        var batches = BatchLimits()
        var intervalSeconds = RetentionConfig.intervalSecondsDefault

        init(_ settings: MaintenanceSettings = MaintenanceSettings()) {
            retentionHours = settings.dedupJobRetentionHours
        }
    }

    let connection: Connection
    let config: Config

    /// Deletes the rows of the jobs finished before the retention at `now` (the database's clock when nil).
    func runOnce(now: Date? = nil) throws(DatabaseError) -> DeletedRows {
        let index = DedupStore(connection)
        return DeletedRows(
            deleted: try config.batches.repeatWhileFull { limit throws(DatabaseError) in
                try index.deleteFinishedJobScopes(olderThanHours: config.retentionHours, now: now, limit: limit)
            })
    }
}
