import Shared
import Logging

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The consumer's loop: claim jobs up to its free slots, hand their provider calls to the dispatcher, feed
/// the results back to the runs, and write calls, samples, progress, outcomes, heartbeats and maintenance in
/// between.
///
/// Everything happens on this one thread, in turns: the database work a turn needs, then one wait on every
/// socket at once (libcurl's and the database's, so a NOTIFY wakes it) until the earliest deadline that can
/// act (`Wake`). Runs only compute; what they produce waits in outboxes until written, so a database error
/// loses nothing: the loop backs off, reconnects and carries on with the same runs.
final class ClaimLoop {
    let consumerID: String
    let host: String
    let pid: Int
    let settings: Settings
    let connection: Connection
    var logger: Logger
    let providers: ProviderSet
    let dispatcher: CallDispatcher
    let ledger: CallLedger
    let outbox = SampleOutbox()
    let renderers = RendererCache()
    var runs: [UUID: any JobRun] = [:]
    /// Jobs claimed whose run could not be started yet (reading where they stopped failed).
    var unstarted: [ClaimedJob] = []
    var lastProgress: [UUID: Int] = [:]
    var lastProgressWrite = ContinuousClock.now - .seconds(86_400)
    var lastHeartbeat = ContinuousClock.now - .seconds(86_400)
    /// Announce the jobs now running in the consumer's row at the next heartbeat, at once.
    var announce = false
    var maintenance: MaintenanceSchedule
    /// The last claim found fewer jobs than it asked for: claim again on a NOTIFY or after the poll interval.
    var queueDrained = false
    var notified = false
    /// The last wait saw the database's socket readable: read it (notifications, or the server hanging up).
    var socketReadable = false
    var lastClaim = ContinuousClock.now - .seconds(86_400)
    var stopDeadline: ContinuousClock.Instant?
    var backoff = DatabaseBackoff()
    static let pollInterval = Duration.seconds(1)
    static let progressInterval = Duration.milliseconds(250)
    /// How long a stopping consumer waits for its calls in flight before giving their jobs back anyway.
    static let stopGrace = Duration.seconds(10)

    init(consumerID: String, host: String, pid: Int, settings: Settings, connection: Connection, logger: Logger) {
        self.consumerID = consumerID
        self.host = host
        self.pid = pid
        self.settings = settings
        self.connection = connection
        self.logger = logger
        providers = ProviderSet(settings: settings)
        let budget = BudgetSlots(
            consumerID: consumerID, staleSeconds: settings.consumerStaleSeconds,
            utilisation: settings.rateUtilisation)
        dispatcher = CallDispatcher(
            capacity: settings.consumerMaxInFlight, budget: budget, caFile: settings.caFile,
            maxResponseBytes: settings.maxResponseBytes)
        ledger = CallLedger(
            consumerID: consumerID, prices: settings.prices, budget: budget, piiPolicy: settings.piiPolicy, logger: logger)
        maintenance = MaintenanceSchedule(
            intervalSeconds: Double(settings.maintenanceIntervalSeconds), maintenance: settings.maintenance,
            consumerStaleSeconds: settings.consumerStaleSeconds)
    }

    func run() {
        while !isDone(now: .now) { turn() }
        shutDown()
    }

    /// One turn: the database work that is due, one wait, then the calls that ended go to their runs.
    func turn() {
        let now = ContinuousClock.now
        if StopSignal.isRequested, stopDeadline == nil { beginStopping(now: now) }
        if backoff.allows(now) {
            do {
                try databaseWork(now: now)
                backoff.succeeded()
            } catch {
                backoff.failed(error, at: now)
                logger.warning(
                    error.isConnectionFailure ? "database connection lost; retrying" : "database statement failed; retrying",
                    metadata: ["error": "\(error.debugDescription)", "failures": "\(backoff.failures)"])
                if backoff.shouldGiveUp { giveUpHeldWork() }
            }
        }
        // The stages' work on answers comes after the turn sent the calls replacing them: calls in flight
        // never wait for it.
        for run in runs.values { run.processDrafts() }
        let waitFrom = ContinuousClock.now
        let wake = wake(now: waitFrom)
        let watched = backoff.retryAt == nil ? connection.notificationSocket : -1
        let (events, readable) = dispatcher.poll(until: wake.deadline, now: waitFrom, watching: watched)
        socketReadable = socketReadable || readable
        deliver(events, now: .now)
    }

    /// Everything the turn does with the database, in the order that keeps it consistent: what was produced is
    /// written before the outcomes that sum it, finished runs free their slots before the claim.
    private func databaseWork(now: ContinuousClock.Instant) throws(DatabaseError) {
        // Read once: after a hang-up the next statement reconnects, and reading the dead socket again would not.
        let readSocket = socketReadable
        socketReadable = false
        for notification in try connection.receiveNotifications(readingSocket: readSocket) {
            guard notification.channel == JobStore.cancelChannel else {
                notified = true
                continue
            }
            if let id = UUID(uuidString: notification.payload) { runs[id]?.cancel() }
        }
        try ledger.flush(connection, now: now)
        try outbox.flush(connection, owner: consumerID) { recorded in
            for (id, samples) in Dictionary(grouping: recorded, by: \.jobID) { runs[id]?.recorded(samples, now: now) }
        }
        try writeProgress(now: now)
        try finishEndedRuns()
        if let stopDeadline, now >= stopDeadline { try giveBackRemainingRuns() }
        try startUnstarted()
        try claimIfRoom(now: now)
        try stepDatabaseRuns()
        try heartbeatIfDue(now: now)
        try maintenance.runIfDue(connection: connection, logger: logger)
        try dispatchCalls(now: now)
    }

    /// The calls that ended go to the ledger (their cost) and to their runs; a run that decided to end hands
    /// back its calls not sent yet.
    private func deliver(_ events: [CallEvent], now: ContinuousClock.Instant) {
        guard !events.isEmpty else { return }
        let costs = ledger.record(events, now: now)
        for (event, cost) in zip(events, costs) {
            runs[event.call.jobID]?.handle(event, costUSD: cost, now: now)
        }
        for (id, run) in runs where run.isWindingDown && dispatcher.hasWaiting(jobID: id) {
            run.withdraw(dispatcher.takeBackWaiting(jobID: id))
        }
    }

    func wake(now: ContinuousClock.Instant) -> Wake {
        let hasRoom = settings.consumerSlots > runs.count + unstarted.count && stopDeadline == nil
        let claim = hasRoom ? (queueDrained && !notified ? lastClaim + Self.pollInterval : now) : nil
        let hasWrites = !ledger.isEmpty || !outbox.isEmpty || !unstarted.isEmpty || socketReadable
            || runs.values.contains { $0.end != nil || ($0 as? any DatabaseRun)?.isStepDue == true }
        return Wake(
            now: now, heartbeat: lastHeartbeat + .seconds(settings.heartbeatSeconds), maintenance: maintenance.nextDue,
            progress: progressDue, claim: claim, runCall: runs.values.compactMap(\.nextCallDue).min(),
            dispatcherHasRoom: dispatcher.freeCapacity > 0, dispatcher: dispatcher.nextDeadline(now: now),
            databaseRetry: backoff.retryAt, stopDeadline: stopDeadline, hasWrites: hasWrites)
    }

    /// Stopping, the loop ends once its runs ended and everything they produced is written; if the database
    /// stays away, it ends a grace period after the stop deadline (the leases then expire and are rescued).
    private func isDone(now: ContinuousClock.Instant) -> Bool {
        guard let stopDeadline else { return false }
        let written = runs.isEmpty && unstarted.isEmpty && ledger.isEmpty && outbox.isEmpty
        return written || now >= stopDeadline + Self.stopGrace
    }
}
