import Shared

/// How the claim loop waits after a database error: it keeps every run, sample and call record it holds and
/// tries the database again after a short, growing delay. A lost connection is reopened by the next
/// statement (and its LISTEN with it), so the jobs resume where they were, without spending attempts.
///
/// A statement that keeps failing while the connection is fine is not going to pass by waiting: after
/// `statementFailureLimit` such failures in a row the loop gives its jobs back instead of retrying forever.
struct DatabaseBackoff {
    static let policy = RetryPolicy(baseSeconds: 0.1, capSeconds: 2)
    static let statementFailureLimit = 5

    /// Failures in a row, and how many of them were failing statements on a working connection.
    private(set) var failures = 0
    private(set) var statementFailures = 0
    /// Nothing touches the database before this.
    private(set) var retryAt: ContinuousClock.Instant?

    /// Whether the loop may use the database now.
    func allows(_ now: ContinuousClock.Instant) -> Bool {
        retryAt.map { now >= $0 } ?? true
    }

    mutating func failed(_ error: DatabaseError, at now: ContinuousClock.Instant) {
        failures += 1
        statementFailures = error.isConnectionFailure ? 0 : statementFailures + 1
        retryAt = now + .seconds(Self.policy.delay(afterAttempt: failures))
    }

    mutating func succeeded() {
        failures = 0
        statementFailures = 0
        retryAt = nil
    }

    /// The same statement-level failure came back too often: the held work should be given back.
    var shouldGiveUp: Bool { statementFailures >= Self.statementFailureLimit }

    /// The held work was given back: start counting again.
    mutating func gaveUp() {
        statementFailures = 0
    }
}
