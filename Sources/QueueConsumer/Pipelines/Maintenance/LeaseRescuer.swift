import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Requeues jobs whose consumer stopped heartbeating, or ends them once their attempts are spent.
///
/// Runs on whichever consumer wins the interval's election (`MaintenanceRunStore`), so exactly one sweep
/// happens per interval across the cluster.
struct LeaseRescuer {
    static let task = "rescue_expired_leases"
    let connection: Connection

    /// One sweep of the leases expired at `now` (the database's clock when nil).
    func runOnce(now: Date? = nil) throws(DatabaseError) -> RescueCounts {
        try JobStore(connection).rescueExpiredLeases(now: now)
    }
}
