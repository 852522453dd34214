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

/// The consumer's loop: claim jobs up to its free slots, hand their provider calls to the dispatcher, feed
/// the results back to the runs, and write outcomes, progress, heartbeats and maintenance in between.
///
/// Everything happens on this one thread: many calls are in flight at once through libcurl's multi
/// interface, and the database is written between polls (each poll's results in one transaction).
final class ClaimLoop {
    let consumerID: String
    let settings: Settings
    let connection: Connection
    var logger: Logger
    private let providers: ProviderSet
    private let prices: PriceTable
    private let dispatcher: CallDispatcher
    private let ledger: CallLedger
    private let samples: PendingSamples
    private var runs: [UUID: any JobRun] = [:]
    /// Runs whose job the consumer's row names, so an operator (and a test) sees who works on what.
    private var announced: Set<UUID> = []
    private var lastProgress: [UUID: Int] = [:]
    private var lastHeartbeat = ContinuousClock.now
    private var maintenance: MaintenanceSchedule
    /// The last claim found fewer jobs than it asked for: claim again on a NOTIFY or after the poll interval.
    private var queueDrained = false
    private var lastClaim = ContinuousClock.now - .seconds(86_400)
    private var stopDeadline: ContinuousClock.Instant?
    static let pollMilliseconds: Int32 = 1000
    /// How long a stopping consumer waits for its calls in flight before giving their jobs back anyway.
    static let stopGrace = Duration.seconds(10)

    init(consumerID: String, settings: Settings, connection: Connection, logger: Logger) {
        self.consumerID = consumerID
        self.settings = settings
        self.connection = connection
        self.logger = logger
        providers = ProviderSet(settings: settings)
        prices = settings.prices
        let budget = BudgetSlots(
            consumerID: consumerID, staleSeconds: settings.consumerStaleSeconds,
            utilisation: settings.rateUtilisation)
        dispatcher = CallDispatcher(capacity: settings.consumerMaxInFlight, budget: budget, caFile: settings.caFile)
        ledger = CallLedger(connection: connection, consumerID: consumerID, prices: prices, budget: budget, logger: logger)
        samples = PendingSamples(connection: connection, owner: consumerID)
        maintenance = MaintenanceSchedule(intervalSeconds: Double(settings.maintenanceIntervalSeconds))
    }

    func run() {
        while true {
            do {
                if StopSignal.isRequested, stopDeadline == nil { try beginStopping() }
                if let stopDeadline {
                    if runs.isEmpty { break }
                    if ContinuousClock.now >= stopDeadline { try giveBackRemainingRuns() }
                }
                try maintenance.runIfDue(connection: connection, logger: logger)
                try claimIfRoom()
                try finishEndedRuns()
                if runs.isEmpty {
                    if stopDeadline != nil { break }
                    try heartbeatIfDue(force: false)
                    // Idle only when the queue had nothing more to give; after a full claim, claim again.
                    if queueDrained {
                        _ = try connection.waitForNotifications(timeoutMilliseconds: Self.pollMilliseconds)
                        queueDrained = false
                    }
                    continue
                }
                try step()
            } catch {
                logger.warning("database error, retrying", metadata: ["error": "\(error.debugDescription)"])
                for id in runs.keys { dispatcher.forget(jobID: id) }
                samples.discard()
                runs.removeAll()
                announced.removeAll()
                sleepBriefly()
            }
        }
        shutDown()
    }

    /// One turn with runs active: start calls, wait for results, store them.
    private func step() throws(DatabaseError) {
        try dispatchCalls(now: .now)
        let now = ContinuousClock.now
        var timeout = Duration.milliseconds(250)
        for run in runs.values { if let due = run.nextCallDue { timeout = min(timeout, max(.zero, due - now)) } }
        let events = dispatcher.poll(timeout: timeout, now: now)
        if !events.isEmpty {
            try inTransaction { () throws(DatabaseError) in
                let costs = try ledger.record(events)
                let handled = ContinuousClock.now
                for (event, cost) in zip(events, costs) {
                    try runs[event.call.jobID]?.handle(event, costUSD: cost, now: handled)
                }
                try samples.flush()
                try writeProgress()
            }
        }
        try heartbeatIfDue(force: false)
        try finishEndedRuns()
    }

    /// Asks the runs for calls, fairly, up to the dispatcher's free capacity; answers what the response cache
    /// can; starts what the budget allows.
    private func dispatchCalls(now: ContinuousClock.Instant) throws(DatabaseError) {
        var free = dispatcher.freeCapacity
        var planned: [PlannedCall] = []
        let active = runs.values.filter { $0.outcome == nil }
        for (position, run) in active.enumerated() where free > 0 {
            let share = max(1, free / (active.count - position))
            let calls = try run.nextCalls(limit: min(share, free), now: now)
            planned += calls
            free -= calls.count
        }
        guard !planned.isEmpty || dispatcher.pending > 0 else { return }
        let cacheable = planned.indices.compactMap { index in planned[index].cacheKey.map { (index, $0) } }
        var cached: [Int: Completion] = [:]
        if !cacheable.isEmpty {
            for (found, completion) in try ResponseCacheStore(connection).lookup(cacheable.map(\.1)) {
                cached[cacheable[found].0] = completion
            }
        }
        dispatcher.submit(planned, cached: cached, now: now)
        try dispatcher.startAllowed(now: now, store: RateBudgetStore(connection))
    }

    private func claimIfRoom() throws(DatabaseError) {
        let free = settings.consumerSlots - runs.count
        guard free > 0, stopDeadline == nil else { return }
        if queueDrained {
            let woken = !(try connection.waitForNotifications(timeoutMilliseconds: 0)).isEmpty
            guard woken || ContinuousClock.now - lastClaim >= .milliseconds(Int64(Self.pollMilliseconds)) else { return }
        }
        lastClaim = .now
        let jobs = try JobStore(connection).claimAvailable(
            queues: settings.consumerQueues, limit: free, owner: consumerID, leaseSeconds: Double(settings.leaseSeconds))
        queueDrained = jobs.count < free
        var started = false
        for job in jobs {
            var jobLogger = logger
            jobLogger[metadataKey: "job_id"] = .string(job.id.sqlText)
            let run = try Pipelines.start(
                RunContext(job: job, consumerID: consumerID, connection: connection, settings: settings,
                           providers: providers, prices: prices, samples: samples, logger: jobLogger))
            runs[job.id] = run
            started = started || run.outcome == nil
        }
        if started { try heartbeatIfDue(force: true) }
    }

    /// Writes the outcomes of ended runs in one statement and forgets them.
    private func finishEndedRuns() throws(DatabaseError) {
        var outcomes: [(UUID, JobOutcome)] = []
        for (id, run) in runs {
            guard let outcome = run.outcome else { continue }
            outcomes.append((id, outcome))
        }
        guard !outcomes.isEmpty else { return }
        for (id, _) in outcomes { forget(id) }
        try JobStore(connection).recordOutcomes(outcomes, owner: consumerID)
        logOutcomes(outcomes)
    }

    private func forget(_ id: UUID) {
        runs[id] = nil
        announced.remove(id)
        lastProgress[id] = nil
        dispatcher.forget(jobID: id)
    }

    /// Stores each active run's progress when it changed; the answer also reports a cancel or a lost lease.
    private func writeProgress() throws(DatabaseError) {
        for (id, run) in runs where run.outcome == nil && lastProgress[id] != run.progress {
            lastProgress[id] = run.progress
            try apply(owned: try JobStore(connection).progressIfOwned(id, owner: consumerID, progress: run.progress), to: id)
        }
    }

    /// nil: the lease is gone, so the run ends with nothing more written; true: the user cancelled.
    private func apply(owned cancelFlag: Bool?, to id: UUID) throws(DatabaseError) {
        guard let cancelFlag else {
            logger.warning("lease lost; dropping the job", metadata: ["job_id": .string(id.sqlText)])
            forget(id)
            return
        }
        if cancelFlag { try runs[id]?.cancel() }
    }

    /// Extends the held leases, the consumer's heartbeat and its in-flight counts once per heartbeat interval
    /// (or at once when forced, to announce new jobs).
    private func heartbeatIfDue(force: Bool) throws(DatabaseError) {
        guard force || ContinuousClock.now - lastHeartbeat >= .seconds(settings.heartbeatSeconds) else { return }
        lastHeartbeat = .now
        let current = runs.first { $0.value.outcome == nil }?.key
        try ConsumerStore(connection).heartbeat(id: consumerID, currentJob: current)
        try RateBudgetStore(connection).reportInFlight(consumerID: consumerID, dispatcher.budget.inFlightCounts)
        let held = Array(runs.keys)
        let owned = try JobStore(connection).heartbeatIfOwned(
            held, owner: consumerID, leaseSeconds: Double(settings.leaseSeconds))
        for id in held { try apply(owned: owned[id], to: id) }
        announced.formUnion(runs.keys)
    }

    private func beginStopping() throws(DatabaseError) {
        logger.info("stopping: finishing the calls in flight", metadata: ["jobs": "\(runs.count)"])
        stopDeadline = .now + Self.stopGrace
        for (id, run) in runs {
            try run.stop(unsent: dispatcher.takeBackWaiting(jobID: id))
        }
        try finishEndedRuns()
    }

    private func giveBackRemainingRuns() throws(DatabaseError) {
        let outcomes = runs.keys.map { ($0, JobOutcome.postpone(delaySeconds: 0, reason: "consumer stopped")) }
        for (id, _) in outcomes { forget(id) }
        try JobStore(connection).recordOutcomes(outcomes, owner: consumerID)
    }

    private func shutDown() {
        logger.info("consumer stopping")
        try? RateBudgetStore(connection).clearInFlight(consumerID: consumerID)
        try? ConsumerStore(connection).markStopped(id: consumerID)
    }
}
