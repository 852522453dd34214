import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Drops cached provider answers past their retention (`DATAFORGE_RETENTION_RESPONSE_CACHE_DAYS`), so the
/// cache does not grow without end; a later identical call asks the provider again and is cached afresh.
struct ResponseCacheExpirer {
    static let task = "expire_response_cache"
    let connection: Connection
    let config: RetentionConfig

    /// The task's settings: `settings`' cache retention, default batches and interval.
    static func config(_ settings: MaintenanceSettings = MaintenanceSettings()) -> RetentionConfig {
        RetentionConfig(retentionDays: settings.responseCacheRetentionDays)
    }

    /// Deletes the answers cached before the retention at `now` (the database's clock when nil).
    func runOnce(now: Date? = nil) throws(DatabaseError) -> DeletedRows {
        let cache = ResponseCacheStore(connection)
        return DeletedRows(
            deleted: try config.batches.repeatWhileFull { limit throws(DatabaseError) in
                try cache.deleteEntries(olderThanDays: config.retentionDays, now: now, limit: limit)
            })
    }
}
