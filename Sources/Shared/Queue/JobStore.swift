#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The queue's operations on one connection; the caller decides the transaction.
public struct JobStore {
    public static let notificationChannel = "dataforge_jobs"
    /// Carries the id of a running job whose cancel was just requested.
    public static let cancelChannel = "dataforge_cancels"
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    // MARK: - Handlers

    /// Inserts a pending job and queues the consumers' wake-up for when the transaction commits.
    public func enqueue(_ job: NewJob) throws(DatabaseError) -> JobRecord {
        let rows = try connection.execute(
            JobSQL.insert, [job.id, job.kind, job.queue, job.params, job.maxAttempts, job.priority, job.ownerKeyID])
        guard let row = rows.first else {
            throw DatabaseError(.unexpectedResult, message: "insert returned no row", statement: JobSQL.insert.name)
        }
        try connection.execute(JobSQL.notifyAvailable, [job.queue])
        return try JobRecord(row: row)
    }

    /// The job with this id, hot or finished, or nil; of that owner only when `owner` is given.
    public func find(_ id: UUID, ownedBy owner: String? = nil) throws(DatabaseError) -> JobRecord? {
        let rows = try connection.execute(JobSQL.findByID, [id, owner])
        guard let row = rows.first else { return nil }
        return try JobRecord(row: row)
    }

    /// Jobs newest first, optionally of one state and one owner, strictly after the cursor (created_at, id).
    public func list(state: JobState?, after cursor: (Date, UUID)?, limit: Int, ownedBy owner: String? = nil)
        throws(DatabaseError) -> [JobRecord]
    {
        let rows = try connection.execute(
            JobSQL.list, [state?.rawValue, cursor?.0, cursor?.1, limit, owner])
        var jobs: [JobRecord] = []
        for row in rows { jobs.append(try JobRecord(row: row)) }
        return jobs
    }

    /// Cancels a job waiting in the queue; false when it is not waiting (running, finished, unknown).
    public func cancelQueued(_ id: UUID) throws(DatabaseError) -> Bool {
        try !connection.execute(JobSQL.cancelQueued, [id]).isEmpty
    }

    /// Asks the consumer running this job to stop; false when it is not running.
    public func requestCancelRunning(_ id: UUID) throws(DatabaseError) -> Bool {
        guard !(try connection.execute(JobSQL.requestCancelRunning, [id])).isEmpty else { return false }
        try connection.execute(JobSQL.notifyCancel, [id])
        return true
    }

    /// Queue depth by state.
    public func depth() throws(DatabaseError) -> QueueDepth {
        let rows = try connection.execute(JobSQL.countByState)
        guard let row = rows.first else { return QueueDepth(available: 0, scheduled: 0, running: 0) }
        return QueueDepth(
            available: try row.decode("available"), scheduled: try row.decode("scheduled"),
            running: try row.decode("running"))
    }

    // MARK: - Consumers

    /// Claims up to `limit` jobs of `queues` for `owner`, leased for `leaseSeconds`.
    public func claimAvailable(queues: [String], limit: Int, owner: String, leaseSeconds: Double)
        throws(DatabaseError) -> [ClaimedJob]
    {
        let rows = try connection.execute(JobSQL.claimAvailable, [queues, limit, owner, leaseSeconds])
        var jobs: [ClaimedJob] = []
        for row in rows {
            jobs.append(
                ClaimedJob(
                    id: try row.decode("id"), kind: try row.decode("kind"), params: try row.decode("params"),
                    attempt: try row.decode("attempt"), maxAttempts: try row.decode("max_attempts"),
                    cancelRequested: try row.decode("cancel_requested"), createdAt: try row.decode("created_at")))
        }
        return jobs
    }

    /// Extends the leases `owner` still holds among `ids`; returns them with their cancel flags.
    public func heartbeatIfOwned(_ ids: [UUID], owner: String, leaseSeconds: Double) throws(DatabaseError)
        -> [UUID: Bool]
    {
        guard !ids.isEmpty else { return [:] }
        var owned: [UUID: Bool] = [:]
        for row in try connection.execute(JobSQL.heartbeatIfOwned, [ids, owner, leaseSeconds]) {
            owned[try row.decode("id")] = try row.decode("cancel_requested")
        }
        return owned
    }

    /// The jobs among `ids` that `owner` still holds, locked against a rescue until the caller's transaction ends.
    public func lockOwned(_ ids: [UUID], owner: String) throws(DatabaseError) -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        var owned: Set<UUID> = []
        for row in try connection.execute(JobSQL.lockOwned, [ids, owner]) { owned.insert(try row.decode("id")) }
        return owned
    }

    /// Records the progress of jobs `owner` still holds; returns those still held with their cancel flags.
    public func progressIfOwned(_ progress: [UUID: Int], owner: String) throws(DatabaseError) -> [UUID: Bool] {
        guard !progress.isEmpty else { return [:] }
        var owned: [UUID: Bool] = [:]
        let rows = try connection.execute(
            JobSQL.progressManyIfOwned, [Array(progress.keys), owner, Array(progress.values)])
        for row in rows { owned[try row.decode("id")] = try row.decode("cancel_requested") }
        return owned
    }

    /// Writes the outcomes of jobs `owner` still holds; returns the ids it wrote (an id `owner` no longer
    /// holds is left alone). Finishes go in a single batch; retries and postponements one by one, a retry
    /// ending the job as `error` once its attempts are spent (decided in `JobSQL.retryOrFailIfOwned`).
    /// Called by the consumer's claim loop.
    @discardableResult
    public func recordOutcomes(_ outcomes: [(UUID, JobOutcome)], owner: String) throws(DatabaseError) -> Set<UUID> {
        var written: Set<UUID> = []
        var finished: [(id: UUID, state: JobState, error: String, result: JSONValue)] = []
        for (id, outcome) in outcomes {
            switch outcome {
            case .completed(let result): finished.append((id, .completed, "", result))
            case .cancelled(let result): finished.append((id, .cancelled, "", result))
            case .failed(let reason, let result): finished.append((id, .error, reason, result))
            case .retry(let delay, let reason):
                let rows = try connection.execute(JobSQL.retryOrFailIfOwned, [id, owner, delay, reason])
                if !rows.isEmpty { written.insert(id) }
            case .postpone(let delay, let reason):
                let rows = try connection.execute(JobSQL.postponeIfOwned, [id, owner, delay, reason])
                if !rows.isEmpty { written.insert(id) }
            }
        }
        guard !finished.isEmpty else { return written }
        let rows = try connection.execute(
            JobSQL.finishManyIfOwned,
            [
                finished.map(\.id), owner, finished.map(\.state.rawValue), finished.map(\.error),
                finished.map(\.result),
            ])
        for row in rows { written.insert(try row.decode("id")) }
        return written
    }

    // MARK: - Maintenance

    /// Requeues jobs whose lease expired before `now` (the database's clock when nil), or ends them when
    /// their attempts are spent or their cancel was requested.
    public func rescueExpiredLeases(now: Date? = nil) throws(DatabaseError) -> RescueCounts {
        let rows = try connection.execute(JobSQL.rescueExpiredLeases, [now])
        guard let row = rows.first else { return RescueCounts(requeued: 0, failed: 0) }
        return RescueCounts(requeued: try row.decode("requeued"), failed: try row.decode("failed"))
    }
}
