import Shared
import Logging

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The loop's writes about jobs: claims, run starts, progress, heartbeats and outcomes. Each changes the loop's
/// state only once its statement succeeded, so a failed one is simply done again on the next turn.
extension ClaimLoop {
    func claimIfRoom(now: ContinuousClock.Instant) throws(DatabaseError) {
        let free = settings.consumerSlots - runs.count - unstarted.count
        guard free > 0, stopDeadline == nil else { return }
        guard !queueDrained || notified || now - lastClaim >= Self.pollInterval else { return }
        let jobs = try JobStore(connection).claimAvailable(
            queues: settings.consumerQueues, limit: free, owner: consumerID, leaseSeconds: Double(settings.leaseSeconds))
        notified = false
        lastClaim = now
        queueDrained = jobs.count < free
        unstarted += jobs
        try startUnstarted()
    }

    /// Starts the runs of claimed jobs; one whose start fails stays claimed for the next turn.
    func startUnstarted() throws(DatabaseError) {
        while let job = unstarted.first {
            var jobLogger = logger
            jobLogger[metadataKey: "job_id"] = .string(job.id.sqlText)
            let context = RunContext(
                job: job, settings: settings, providers: providers, prices: settings.prices, samples: outbox,
                renderers: renderers, logger: jobLogger)
            let run = try Pipelines.start(context, connection: connection)
            unstarted.removeFirst()
            runs[job.id] = run
            announce = announce || run.end == nil
        }
    }

    /// Runs whose work is on the database do one step each (`DatabaseRun`).
    func stepDatabaseRuns() throws(DatabaseError) {
        for run in runs.values {
            guard let run = run as? any DatabaseRun, run.isStepDue else { continue }
            try run.step(connection)
        }
    }

    /// Stores the progress of the runs whose progress changed, in one statement and at most once per
    /// `progressInterval` (it is for display, and a write per sample was most of a turn's statements); the
    /// answer also reports cancels and lost leases.
    func writeProgress(now: ContinuousClock.Instant) throws(DatabaseError) {
        guard let due = progressDue, now >= due else { return }
        var progress: [UUID: Int] = [:]
        for (id, run) in runs where run.end == nil && (lastProgress[id] ?? 0) != run.progress {
            progress[id] = run.progress
        }
        let owned = try JobStore(connection).progressIfOwned(progress, owner: consumerID)
        lastProgressWrite = now
        for (id, value) in progress {
            lastProgress[id] = value
            apply(owned: owned[id], to: id)
        }
    }

    /// When changed progress is next written; nil when no run's progress changed.
    var progressDue: ContinuousClock.Instant? {
        let changed = runs.contains { id, run in run.end == nil && (lastProgress[id] ?? 0) != run.progress }
        return changed ? lastProgressWrite + Self.progressInterval : nil
    }

    /// Writes the outcomes of ended runs in one statement and forgets them. Their samples and calls were
    /// written first (`databaseWork`), so the totals read for their results are complete.
    func finishEndedRuns() throws(DatabaseError) {
        var outcomes: [(UUID, JobOutcome)] = []
        for (id, run) in runs {
            guard let end = run.end else { continue }
            outcomes.append((id, end.outcome(result: end.carriesResult ? try run.result(connection) : [:])))
        }
        guard !outcomes.isEmpty else { return }
        try JobStore(connection).recordOutcomes(outcomes, owner: consumerID)
        for (id, _) in outcomes { forget(id) }
        logOutcomes(outcomes)
    }

    /// Extends the held leases, the consumer's heartbeat and its in-flight counts once per heartbeat interval
    /// (or at once to announce new jobs).
    func heartbeatIfDue(now: ContinuousClock.Instant) throws(DatabaseError) {
        guard announce || now - lastHeartbeat >= .seconds(settings.heartbeatSeconds) else { return }
        let current = runs.first { $0.value.end == nil }?.key
        let consumers = ConsumerStore(connection)
        if !(try consumers.heartbeat(id: consumerID, currentJob: current)) {
            // Reaped after a long silence (the database was out of reach): announce itself again.
            try consumers.register(id: consumerID, host: host, pid: pid, queues: settings.consumerQueues)
        }
        try RateBudgetStore(connection).reportInFlight(consumerID: consumerID, dispatcher.budget.inFlightCounts)
        let held = Array(runs.keys)
        let owned = try JobStore(connection).heartbeatIfOwned(
            held, owner: consumerID, leaseSeconds: Double(settings.leaseSeconds))
        lastHeartbeat = now
        announce = false
        for id in held { apply(owned: owned[id], to: id) }
    }

    /// nil: the lease is gone, so the run ends with nothing more written; true: the user cancelled.
    private func apply(owned cancelFlag: Bool?, to id: UUID) {
        guard let cancelFlag else {
            logger.warning("lease lost; dropping the job", metadata: ["job_id": .string(id.sqlText)])
            forget(id)
            return
        }
        if cancelFlag { runs[id]?.cancel() }
    }

    func forget(_ id: UUID) {
        runs[id] = nil
        lastProgress[id] = nil
        dispatcher.forget(jobID: id)
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
}
