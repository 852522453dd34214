import Shared

/// Requeues jobs whose consumer stopped heartbeating, or fails them once their attempts are spent.
///
/// Runs on whichever consumer wins the interval's election (`MaintenanceRunStore`), so exactly one sweep
/// happens per interval across the cluster.
struct LeaseRescuer {
    static let task = "rescue_expired_leases"
    let connection: Connection

    func runOnce() throws(DatabaseError) -> RescueCounts {
        try JobStore(connection).rescueExpiredLeases()
    }
}
