/// Where a job is in its life, as the API reports it.
///
/// `pending` and `running` are rows of the hot `jobs` table; the rest are rows of `job_history`, written
/// by the same statement that deletes the hot row.
public enum JobState: String, Sendable, CaseIterable, Codable {
    /// Enqueued by a handler, requeued by `LeaseRescuer`, or put back by a consumer for a retry or a
    /// postponement (then with a future `run_at`). Left only by a consumer's claim or a cancel.
    case pending
    /// Claimed by a consumer, which holds a lease on it. Left by that consumer's finish or requeue, or by
    /// `LeaseRescuer` once the lease expired.
    case running
    /// Every requested sample was produced. Final.
    case completed
    /// Failed: a fatal provider error, a budget stop, or attempts exhausted (decided by the statement that
    /// writes the failed attempt, `JobSQL.retryOrFailIfOwned`). Final.
    case error
    /// Cancelled by a user: at once when pending; when running, the consumer stops once it sees the flag, and
    /// whatever the run ends with is written as `cancelled` (`JobSQL+Outcomes`). Final.
    case cancelled

    /// True for the states no transition leaves.
    public var isFinal: Bool {
        switch self {
        case .completed, .error, .cancelled: return true
        case .pending, .running: return false
        }
    }

    /// Whether the queue may move a job from `self` to `next`; the SQL guards enforce the same table.
    public func canMove(to next: JobState) -> Bool {
        switch (self, next) {
        case (.pending, .running), (.pending, .cancelled): return true
        case (.running, .pending), (.running, .completed), (.running, .error), (.running, .cancelled): return true
        default: return false
        }
    }
}
