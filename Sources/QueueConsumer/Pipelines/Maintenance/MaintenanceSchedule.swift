import Logging
import Shared

/// When this consumer takes part in the cluster's maintenance: each task has its interval, and when one is
/// due the consumer asks to be the one that runs it (a conditional UPDATE elects one consumer per task and
/// interval, `MaintenanceRunStore`); if elected, it runs one pass.
///
/// The claim loop calls `runIfDue` on every turn and may sleep until `nextDue`.
struct MaintenanceSchedule {
    /// One task with its interval and the next time this consumer asks for it.
    private struct Entry {
        let task: String
        let intervalSeconds: Double
        var nextCheck: ContinuousClock.Instant
        let run: (Connection) throws(DatabaseError) -> any MaintenanceCounts
    }

    private var entries: [Entry]

    /// The lease rescuer runs every `intervalSeconds` (`DATAFORGE_MAINTENANCE_INTERVAL_SECONDS`); the other
    /// tasks at their `Config.intervalSeconds`, with `maintenance`'s retention. `consumerStaleSeconds` is when
    /// a silent consumer stops counting as live (`Settings.consumerStaleSeconds`).
    init(
        intervalSeconds: Double, maintenance: MaintenanceSettings = MaintenanceSettings(),
        consumerStaleSeconds: Double = ConsumerReaper.Config.staleSecondsDefault
    ) {
        let partitions = PartitionMaintainer.Config(maintenance)
        let events = EventPruner.config(maintenance)
        let calls = LLMCallPruner.config(maintenance)
        let cache = ResponseCacheExpirer.config(maintenance)
        let dedup = DedupJobScopePruner.Config(maintenance)
        let consumers = ConsumerReaper.Config(maintenance, staleSeconds: consumerStaleSeconds)
        let now = ContinuousClock.now
        func entry(
            _ task: String, every seconds: Double,
            _ run: @escaping (Connection) throws(DatabaseError) -> any MaintenanceCounts
        ) -> Entry {
            Entry(task: task, intervalSeconds: seconds, nextCheck: now, run: run)
        }
        entries = [
            entry(LeaseRescuer.task, every: intervalSeconds) { connection throws(DatabaseError) in
                try LeaseRescuer(connection: connection).runOnce()
            },
            entry(PartitionMaintainer.task, every: partitions.intervalSeconds) { connection throws(DatabaseError) in
                try PartitionMaintainer(connection: connection, config: partitions).runOnce()
            },
            entry(EventPruner.task, every: events.intervalSeconds) { connection throws(DatabaseError) in
                try EventPruner(connection: connection, config: events).runOnce()
            },
            entry(LLMCallPruner.task, every: calls.intervalSeconds) { connection throws(DatabaseError) in
                try LLMCallPruner(connection: connection, config: calls).runOnce()
            },
            entry(ResponseCacheExpirer.task, every: cache.intervalSeconds) { connection throws(DatabaseError) in
                try ResponseCacheExpirer(connection: connection, config: cache).runOnce()
            },
            entry(DedupJobScopePruner.task, every: dedup.intervalSeconds) { connection throws(DatabaseError) in
                try DedupJobScopePruner(connection: connection, config: dedup).runOnce()
            },
            entry(ConsumerReaper.task, every: consumers.intervalSeconds) { connection throws(DatabaseError) in
                try ConsumerReaper(connection: connection, config: consumers).runOnce()
            },
        ]
    }

    /// When the next task wants to run: the loop need not wake for maintenance before then.
    var nextDue: ContinuousClock.Instant {
        entries.map(\.nextCheck).min() ?? .now + .seconds(3600)
    }

    /// Runs each due task this consumer is elected for. A task that fails is logged and waits for its next
    /// interval, so one bad task neither stops the others nor the loop; a broken connection is thrown.
    mutating func runIfDue(connection: Connection, logger: Logger) throws(DatabaseError) {
        let now = ContinuousClock.now
        for index in entries.indices where entries[index].nextCheck <= now {
            entries[index].nextCheck = now + .seconds(entries[index].intervalSeconds)
            let entry = entries[index]
            do throws(DatabaseError) {
                // A little under the interval, so the consumer that ran last time is not outrun by clock jitter.
                guard try MaintenanceRunStore(connection).claimIfDue(
                    task: entry.task, intervalSeconds: entry.intervalSeconds * 0.9)
                else { continue }
                let counts = try entry.run(connection)
                guard !counts.isEmpty else { continue }
                var metadata: Logger.Metadata = ["task": .string(entry.task)]
                for (name, count) in counts.changes { metadata[name] = .stringConvertible(count) }
                logger.notice("maintenance", metadata: metadata)
            } catch {
                if error.isConnectionFailure { throw error }
                logger.warning(
                    "maintenance task failed",
                    metadata: ["task": .string(entry.task), "error": .string(error.debugDescription)])
            }
        }
    }
}
