import Shared

/// What a failed provider call means for its run, whatever the call was for: try again after a wait (with
/// the attempt the next try counts as), or end the run.
///
/// A transient failure is retried after a backoff, up to `attempts` per call, before the job itself is retried
/// later; a rate limit waits at the same attempt (or postpones the job without spending an attempt when the
/// wait is long); a fatal failure fails the job with the provider's reason.
enum CallFailure: Equatable {
    case retry(afterSeconds: Double, attempt: Int)
    case end(RunEnd)

    static let attempts = 3
    static let backoff = RetryPolicy(baseSeconds: 0.5, capSeconds: 8)
    /// A rate limit longer than this gives the job back to the queue rather than holding its slot.
    static let longestRateLimitWait = 30.0

    /// The decision for `error` on try `attempt` of a call, in a job on its attempt `jobAttempt`.
    init(_ error: ProviderError, attempt: Int, jobAttempt: Int) {
        switch error.kind {
        case .fatal:
            self = .end(.failed(reason: "The provider refused the request: \(error.message)"))
        case .rateLimited(let retryAfter):
            let wait = retryAfter ?? 1
            self = wait > Self.longestRateLimitWait
                ? .end(.postpone(delaySeconds: wait, reason: "Rate limited by the provider"))
                : .retry(afterSeconds: wait, attempt: attempt)
        case .retryable(let retryAfter) where attempt < Self.attempts:
            self = .retry(afterSeconds: max(Self.backoff.delay(afterAttempt: attempt), retryAfter ?? 0), attempt: attempt + 1)
        case .retryable:
            self = .end(.retry(
                delaySeconds: RetryPolicy.jobDefault.delay(afterAttempt: jobAttempt),
                reason: "The provider failed \(Self.attempts) times: \(error.message)"))
        }
    }
}
