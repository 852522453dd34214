import Shared
import Logging

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The consumer's loop: wait for a NOTIFY or the poll timeout, claim up to its free slots, run each job,
/// write the outcomes. Heartbeats and maintenance happen between jobs and between samples.
final class ClaimLoop {
    let consumerID: String
    let settings: Settings
    let connection: Connection
    let provider: any Provider
    var logger: Logger
    /// Jobs claimed and not yet finished: all of them are heartbeated together.
    private var held: [UUID] = []
    /// The job being run, recorded with the consumer's heartbeat.
    private var current: UUID?
    private var lastHeartbeat = ContinuousClock.now
    private var lastMaintenance = ContinuousClock.now - .seconds(86_400)
    static let pollMilliseconds: Int32 = 1000

    init(consumerID: String, settings: Settings, connection: Connection, provider: any Provider, logger: Logger) {
        self.consumerID = consumerID
        self.settings = settings
        self.connection = connection
        self.provider = provider
        self.logger = logger
    }

    func run() {
        while !StopSignal.isRequested {
            do {
                try runMaintenanceIfDue()
                let jobs = try JobStore(connection).claimAvailable(
                    queues: settings.consumerQueues, limit: settings.consumerSlots, owner: consumerID,
                    leaseSeconds: Double(settings.leaseSeconds))
                if jobs.isEmpty {
                    try heartbeatIfDue(force: false)
                    _ = try connection.waitForNotifications(timeoutMilliseconds: Self.pollMilliseconds)
                    continue
                }
                try runBatch(jobs)
            } catch {
                logger.warning("database error, retrying", metadata: ["error": "\(error.debugDescription)"])
                held.removeAll()
                current = nil
                sleepBriefly()
            }
        }
        shutDown()
    }

    private func runBatch(_ jobs: [ClaimedJob]) throws(DatabaseError) {
        held = jobs.map(\.id)
        var outcomes: [(UUID, JobOutcome)] = []
        for job in jobs {
            if StopSignal.isRequested {
                outcomes.append((job.id, .postpone(delaySeconds: 0, reason: "consumer stopped")))
                continue
            }
            current = job.id
            if let outcome = try run(job) { outcomes.append((job.id, outcome)) }
        }
        try JobStore(connection).recordOutcomes(outcomes, owner: consumerID)
        logOutcomes(outcomes)
        held.removeAll()
        current = nil
    }

    private func run(_ job: ClaimedJob) throws(DatabaseError) -> JobOutcome? {
        guard let pipeline = Pipelines.pipeline(for: job.kind) else {
            return .failed(reason: "Unknown job kind \(job.kind)", result: [:])
        }
        var jobLogger = logger
        jobLogger[metadataKey: "job_id"] = .string(job.id.sqlText)
        let context = JobContext(
            job: job, consumerID: consumerID, connection: connection, provider: provider, settings: settings,
            logger: jobLogger
        ) { [unowned self] (force: Bool) throws(DatabaseError) in
            try heartbeatIfDue(force: force)
        }
        return try pipeline.run(context: context)
    }

    /// Extends the held leases and the consumer's heartbeat once per heartbeat interval; returns the held
    /// jobs still owned with their cancel flags, or nil when it was not yet due.
    @discardableResult
    private func heartbeatIfDue(force: Bool) throws(DatabaseError) -> [UUID: Bool]? {
        guard force || ContinuousClock.now - lastHeartbeat >= .seconds(settings.heartbeatSeconds) else { return nil }
        lastHeartbeat = .now
        try ConsumerStore(connection).heartbeat(id: consumerID, currentJob: current)
        return try JobStore(connection).heartbeatIfOwned(
            held, owner: consumerID, leaseSeconds: Double(settings.leaseSeconds))
    }

    private func runMaintenanceIfDue() throws(DatabaseError) {
        let interval = Double(settings.maintenanceIntervalSeconds)
        guard ContinuousClock.now - lastMaintenance >= .seconds(interval) else { return }
        lastMaintenance = .now
        guard try MaintenanceRunStore(connection).claimIfDue(task: LeaseRescuer.task, intervalSeconds: interval * 0.9)
        else { return }
        let counts = try LeaseRescuer(connection: connection).runOnce()
        if counts.requeued > 0 || counts.failed > 0 {
            logger.notice("rescued expired leases", metadata: ["requeued": "\(counts.requeued)", "failed": "\(counts.failed)"])
        }
    }

    private func shutDown() {
        logger.info("consumer stopping")
        try? ConsumerStore(connection).markStopped(id: consumerID)
    }

    /// One line per job at debug, and one per batch at info (naming the job when there is only one), so a
    /// batch of thousands of tiny jobs does not spend its time logging.
    private func logOutcomes(_ outcomes: [(UUID, JobOutcome)]) {
        var counts: [String: Int] = [:]
        for (id, outcome) in outcomes {
            counts[outcome.name, default: 0] += 1
            logger.debug("job finished", metadata: ["job_id": .string(id.sqlText), "outcome": .string(outcome.name)])
        }
        guard let (id, outcome) = outcomes.first else { return }
        if outcomes.count == 1 {
            logger.info("job finished", metadata: ["job_id": .string(id.sqlText), "outcome": .string(outcome.name)])
        } else {
            logger.info("batch finished", metadata: counts.mapValues { .stringConvertible($0) })
        }
    }

    private func sleepBriefly() {
        var delay = timespec(tv_sec: 1, tv_nsec: 0)
        nanosleep(&delay, nil)
    }
}
