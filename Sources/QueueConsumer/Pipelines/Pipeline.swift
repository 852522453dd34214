import Shared
import Logging

/// One claimed job being run: it asks for provider calls, consumes their results as they arrive, persists as
/// it goes (each sample as it is produced) and ends with an outcome.
///
/// Many runs share the consumer's thread and its `CallDispatcher`, so a run never blocks: it hands out calls
/// and reacts to events. A cancel or a shutdown takes effect between calls.
protocol JobRun: AnyObject {
    var job: ClaimedJob { get }
    /// Set once the run has ended; the claim loop writes it and forgets the run.
    var outcome: JobOutcome? { get }
    /// Up to `limit` calls ready to be made now.
    func nextCalls(limit: Int, now: ContinuousClock.Instant) throws(DatabaseError) -> [PlannedCall]
    /// When a call not ready yet (a retry after its backoff) will be.
    var nextCallDue: ContinuousClock.Instant? { get }
    /// One of its calls ended, costing `costUSD`.
    func handle(_ event: CallEvent, costUSD: String, now: ContinuousClock.Instant) throws(DatabaseError)
    /// 0…99 while running.
    var progress: Int { get }
    /// The user cancelled: end at once, keeping what was stored.
    func cancel() throws(DatabaseError)
    /// The consumer is stopping: make no new call, and give the job back once the calls in flight end.
    /// `unsent` are its calls the dispatcher took back before sending them.
    func stop(unsent: [PlannedCall]) throws(DatabaseError)
}

/// What a run may use: its job, the consumer's connection and configuration.
struct RunContext {
    let job: ClaimedJob
    let consumerID: String
    let connection: Connection
    let settings: Settings
    let providers: ProviderSet
    let prices: PriceTable
    /// Where runs leave their samples; the claim loop writes them once per poll.
    let samples: PendingSamples
    var logger: Logger
}

/// The runs by job kind.
enum Pipelines {
    static func start(_ context: RunContext) throws(DatabaseError) -> any JobRun {
        switch context.job.kind {
        case "generate": return try GenerationRun(context)
        case "noop": return FinishedRun(job: context.job, outcome: .completed(result: [:]))
        default:
            return FinishedRun(job: context.job, outcome: .failed(reason: "Unknown job kind \(context.job.kind)", result: [:]))
        }
    }
}

/// A run that ended as it started: no-op jobs (queue benchmarks measure the queue alone with them) and jobs
/// that cannot run.
final class FinishedRun: JobRun {
    let job: ClaimedJob
    let outcome: JobOutcome?

    init(job: ClaimedJob, outcome: JobOutcome) {
        self.job = job
        self.outcome = outcome
    }

    func nextCalls(limit: Int, now: ContinuousClock.Instant) -> [PlannedCall] { [] }
    var nextCallDue: ContinuousClock.Instant? { nil }
    func handle(_ event: CallEvent, costUSD: String, now: ContinuousClock.Instant) {}
    var progress: Int { 100 }
    func cancel() {}
    func stop(unsent: [PlannedCall]) {}
}
