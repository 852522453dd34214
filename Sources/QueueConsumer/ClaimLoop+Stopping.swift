import Shared
import Logging

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How the loop lets go of its jobs: a SIGTERM, a statement that keeps failing, the end.
extension ClaimLoop {
    /// Makes no new call and gives each job back once its calls in flight ended (or at the stop deadline).
    func beginStopping(now: ContinuousClock.Instant) {
        logger.info("stopping: finishing the calls in flight", metadata: ["jobs": "\(runs.count)"])
        stopDeadline = now + Self.stopGrace
        for (id, run) in runs {
            run.stop()
            run.withdraw(dispatcher.takeBackWaiting(jobID: id))
        }
    }

    /// At the stop deadline: the calls still in flight are abandoned (and recorded as such), and every job
    /// still held goes back to the queue without spending an attempt.
    func giveBackRemainingRuns() throws(DatabaseError) {
        let abandoned = dispatcher.abandonInFlight()
        if !abandoned.isEmpty {
            _ = ledger.record(abandoned, now: .now)
            try ledger.flush(connection, now: .now)
        }
        let held = Array(runs.keys) + unstarted.map(\.id)
        guard !held.isEmpty else { return }
        try JobStore(connection).recordOutcomes(
            held.map { ($0, JobOutcome.postpone(delaySeconds: 0, reason: "consumer stopped")) }, owner: consumerID)
        for id in held { forget(id) }
        unstarted.removeAll()
    }

    /// A statement kept failing on a working connection: drop what could not be written (the likely cause) and
    /// give the held jobs back as a failed attempt each, so a job whose data the database keeps refusing ends
    /// `error` after its attempts instead of coming back forever. Samples already stored stay; a rerun resumes
    /// after them.
    func giveUpHeldWork() {
        logger.error(
            "a statement keeps failing: giving the jobs back",
            metadata: ["jobs": "\(runs.count + unstarted.count)", "unwritten_samples": "\(outbox.count)"])
        outbox.discard()
        ledger.discard()
        let held = runs.values.map(\.job) + unstarted
        let reason = "The database kept refusing to store this job's results"
        let outcomes = held.map { job in
            (job.id, JobOutcome.retry(delaySeconds: RetryPolicy.jobDefault.delay(afterAttempt: job.attempt), reason: reason))
        }
        _ = try? JobStore(connection).recordOutcomes(outcomes, owner: consumerID)
        for job in held { forget(job.id) }
        unstarted.removeAll()
        backoff.gaveUp()
    }

    func shutDown() {
        logger.info("consumer stopping")
        try? RateBudgetStore(connection).clearInFlight(consumerID: consumerID)
        try? ConsumerStore(connection).markStopped(id: consumerID)
    }
}
