/// When the claim loop must next act if no socket wakes it first (a call ending, a NOTIFY): the earliest
/// deadline at which it can actually do something.
///
/// Work that cannot start is no deadline: a run's due call counts only while the dispatcher has room for it,
/// and nothing that needs the database counts while the loop backs off after a database error. A deadline
/// in the past means at once; the wait is never longer than `longest`.
struct Wake {
    /// The longest the loop sleeps with nothing due, so it re-checks its state (signals included) now and then.
    static let longest = Duration.seconds(5)

    var now: ContinuousClock.Instant
    /// The next lease and consumer heartbeat.
    var heartbeat: ContinuousClock.Instant
    /// The next maintenance election.
    var maintenance: ContinuousClock.Instant
    /// When changed progress is next written (nil: none changed).
    var progress: ContinuousClock.Instant?
    /// The next claim: now while the queue may hold more work and a slot is free, the poll backstop after the
    /// queue drained; nil with no free slot or while stopping.
    var claim: ContinuousClock.Instant?
    /// The earliest call a run could start, if the dispatcher had room.
    var runCall: ContinuousClock.Instant?
    var dispatcherHasRoom: Bool
    /// The dispatcher's own deadline: local answers, budget slots, reservations.
    var dispatcher: ContinuousClock.Instant?
    /// Where the database failed: the loop retries it then, and nothing else that needs it counts before.
    var databaseRetry: ContinuousClock.Instant?
    /// A stopping consumer gives its remaining jobs back then.
    var stopDeadline: ContinuousClock.Instant?
    /// Ended runs, unwritten samples or call records wait to be written, or a database run has a step due: at once.
    var hasWrites: Bool

    /// The instant to wake at.
    var deadline: ContinuousClock.Instant {
        var candidates: [ContinuousClock.Instant?] = [now + Self.longest, stopDeadline]
        if let databaseRetry {
            candidates.append(databaseRetry)
        } else {
            candidates += [heartbeat, maintenance, progress, claim, dispatcher, hasWrites ? now : nil]
            if dispatcherHasRoom { candidates.append(runCall) }
        }
        return max(now, candidates.compactMap { $0 }.min() ?? now)
    }
}
