import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Removes consumers stopped or silent past their retention from the registry (a row is added per process
/// start), and the in-flight counts of consumers that are not live, which the rate budget already ignores.
struct ConsumerReaper {
    static let task = "reap_dead_consumers"

    /// Retention, staleness and interval.
    struct Config: Sendable {
        static let intervalSecondsDefault = 600.0
        /// Matches `Settings.consumerStaleSeconds` at the default lease.
        static let staleSecondsDefault = 30.0
        var retentionHours = MaintenanceSettings.consumerRetentionHoursDefault
        /// A consumer silent this long is not live: its in-flight counts go at once.
        var staleSeconds = staleSecondsDefault
        var intervalSeconds = intervalSecondsDefault

        init(_ settings: MaintenanceSettings = MaintenanceSettings(), staleSeconds: Double = staleSecondsDefault) {
            precondition(staleSeconds > 0, "staleSeconds must be positive")
            retentionHours = settings.consumerRetentionHours
            self.staleSeconds = staleSeconds
        }
    }

    let connection: Connection
    let config: Config

    /// Deletes the consumers dead at `now` (the database's clock when nil) and the counts of those not live.
    func runOnce(now: Date? = nil) throws(DatabaseError) -> ConsumerReaping {
        try ConsumerStore(connection).deleteDead(
            deadSeconds: Double(config.retentionHours) * 3600, staleSeconds: config.staleSeconds, now: now)
    }
}

extension ConsumerReaping: MaintenanceCounts {
    var changes: [(name: String, count: Int)] { [("consumers", consumers), ("in_flight", inFlight)] }
}
