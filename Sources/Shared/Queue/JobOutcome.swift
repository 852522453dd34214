/// How a consumer's run of a job ended: a value the claim loop writes through `JobStore`, never an exception.
public enum JobOutcome: Sendable, Equatable {
    /// Done; the result holds totals and metadata.
    case completed(result: JSONValue)
    /// A transient failure: run again after `delaySeconds`, spending an attempt (failed when none is left).
    case retry(delaySeconds: Double, reason: String)
    /// The provider is rate-limited or the consumer is stopping: run again later without spending an attempt.
    case postpone(delaySeconds: Double, reason: String)
    /// The user cancelled; samples written so far are kept.
    case cancelled(result: JSONValue)
    /// Will not succeed on a retry.
    case failed(reason: String, result: JSONValue)
}

extension JobOutcome {
    /// A short name for logs and metrics.
    public var name: String {
        switch self {
        case .completed: return "completed"
        case .retry: return "retry"
        case .postpone: return "postponed"
        case .cancelled: return "cancelled"
        case .failed: return "failed"
        }
    }
}
