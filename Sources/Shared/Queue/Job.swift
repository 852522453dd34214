#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A job as the API shows it, from either the hot queue or the history.
public struct JobRecord: Sendable, Equatable {
    public var id: UUID
    public var kind: String
    public var params: JSONValue
    public var state: JobState
    public var progress: Int
    public var errorMessage: String?
    /// Every failed attempt's error, oldest first; empty for a job that never failed.
    public var errors: [JobAttemptError]
    public var createdAt: Date
    public var updatedAt: Date
    /// Totals and metadata written when the job finished; nil while it is pending or running.
    public var result: JSONValue?

    init(row: Row) throws(DatabaseError) {
        id = try row.decode("id")
        kind = try row.decode("kind")
        params = try row.decode("params")
        let status: String = try row.decode("status")
        guard let state = JobState(rawValue: status) else {
            throw DatabaseError(.decoding, message: "unknown job status \(status)")
        }
        self.state = state
        progress = try row.decode("progress")
        errorMessage = try row.decodeIfPresent("error_message")
        let history: JSONValue = try row.decode("errors")
        errors = (history.arrayValue ?? []).compactMap(JobAttemptError.init(json:))
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        result = try row.decodeIfPresent("result")
    }
}

/// A job a consumer has claimed and holds a lease on.
public struct ClaimedJob: Sendable, Equatable {
    public var id: UUID
    public var kind: String
    public var params: JSONValue
    /// 1 on the first run; counts runs, including the current one.
    public var attempt: Int
    public var maxAttempts: Int
    public var cancelRequested: Bool
    public var createdAt: Date

    public init(
        id: UUID, kind: String, params: JSONValue, attempt: Int, maxAttempts: Int, cancelRequested: Bool,
        createdAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.params = params
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.cancelRequested = cancelRequested
        self.createdAt = createdAt
    }
}

/// A job for `JobStore.enqueue`.
public struct NewJob: Sendable {
    public var id: UUID
    public var kind: String
    public var queue: String
    public var params: JSONValue
    public var maxAttempts: Int
    public var priority: Int
    /// The API key that made the job, when the API asks for keys.
    public var ownerKeyID: String?

    public init(
        id: UUID = UUID(), kind: String, queue: String = "generation", params: JSONValue, maxAttempts: Int = 5,
        priority: Int = 100, ownerKeyID: String? = nil
    ) {
        self.ownerKeyID = ownerKeyID
        self.id = id
        self.kind = kind
        self.queue = queue
        self.params = params
        self.maxAttempts = maxAttempts
        self.priority = priority
    }
}

/// The result of a sweep of expired leases.
public struct RescueCounts: Sendable, Equatable {
    /// Jobs put back in the queue for another attempt.
    public var requeued: Int
    /// Jobs ended: `error` with their attempts spent, or `cancelled` when a cancel was requested.
    public var failed: Int
}

/// Hot-queue depth by state.
public struct QueueDepth: Sendable, Equatable {
    public var available: Int
    public var scheduled: Int
    public var running: Int
}
