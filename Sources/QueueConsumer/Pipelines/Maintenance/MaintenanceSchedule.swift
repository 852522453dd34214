import Shared
import Logging

/// When this consumer takes part in the cluster's maintenance: every interval it asks to be the one
/// (a conditional UPDATE elects one consumer per interval) and, if elected, rescues expired leases.
struct MaintenanceSchedule {
    let intervalSeconds: Double
    private var last = ContinuousClock.now - .seconds(86_400)

    init(intervalSeconds: Double) {
        self.intervalSeconds = intervalSeconds
    }

    /// When it next wants to run.
    var nextDue: ContinuousClock.Instant { last + .seconds(intervalSeconds) }

    mutating func runIfDue(connection: Connection, logger: Logger) throws(DatabaseError) {
        guard ContinuousClock.now >= nextDue else { return }
        last = .now
        guard try MaintenanceRunStore(connection).claimIfDue(task: LeaseRescuer.task, intervalSeconds: intervalSeconds * 0.9)
        else { return }
        let counts = try LeaseRescuer(connection: connection).runOnce()
        if counts.requeued > 0 || counts.failed > 0 {
            logger.notice("rescued expired leases", metadata: ["requeued": "\(counts.requeued)", "failed": "\(counts.failed)"])
        }
    }
}
