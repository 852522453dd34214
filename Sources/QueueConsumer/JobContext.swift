import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

/// What a pipeline may use while it runs one job: the lease it must keep, the provider, and the checks
/// between samples.
final class JobContext {
    let job: ClaimedJob
    let consumerID: String
    let connection: Connection
    let provider: any Provider
    let settings: Settings
    var logger: Logger
    /// Heartbeats every held lease when due (or when forced); returns the jobs still owned with their cancel
    /// flags, or nil when no heartbeat was due.
    private let heartbeat: (_ force: Bool) throws(DatabaseError) -> [UUID: Bool]?
    private var cancelRequested: Bool
    private var leaseLost = false
    /// Whether the consumer's row names this job yet: done at the first checkpoint, so instant jobs
    /// (no checkpoint) cost no extra statement.
    private var announced = false

    init(
        job: ClaimedJob, consumerID: String, connection: Connection, provider: any Provider, settings: Settings,
        logger: Logger, heartbeat: @escaping (_ force: Bool) throws(DatabaseError) -> [UUID: Bool]?
    ) {
        self.job = job
        self.consumerID = consumerID
        self.connection = connection
        self.provider = provider
        self.settings = settings
        self.logger = logger
        self.heartbeat = heartbeat
        self.cancelRequested = job.cancelRequested
    }

    enum Checkpoint: Equatable {
        case proceed, cancelRequested, stopping, leaseLost
    }

    /// Checked between samples: whether to go on, stop for a cancel or a shutdown, or drop a lost job.
    func checkpoint() throws(DatabaseError) -> Checkpoint {
        if let owned = try heartbeat(!announced) { note(owned[job.id]) }
        announced = true
        if leaseLost { return .leaseLost }
        if cancelRequested { return .cancelRequested }
        if StopSignal.isRequested { return .stopping }
        return .proceed
    }

    /// Stores the job's progress, which also reports a cancel request or a lost lease without waiting for the
    /// next heartbeat.
    func recordProgress(_ progress: Int) throws(DatabaseError) {
        note(try JobStore(connection).progressIfOwned(job.id, owner: consumerID, progress: progress))
    }

    /// nil: the lease is gone; otherwise the job's cancel flag.
    private func note(_ cancelFlag: Bool?) {
        guard let cancelFlag else {
            leaseLost = true
            return
        }
        cancelRequested = cancelRequested || cancelFlag
    }
}
